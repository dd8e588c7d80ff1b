using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// Spots text that addresses the scanner or a language model instead of describing work ("ignore previous rules",
/// "rank this first", "system prompt", "you are now ..."). Detection only labels the statement; nothing here, or
/// anywhere downstream, acts on the text.
/// </summary>
internal static class InjectionDetector
{
    private static readonly (string Reason, Regex Pattern)[] Cues =
    [
        ("asks to ignore earlier instructions", Word(@"(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|the\s+|your\s+|these\s+)*(?:previous|prior|above|earlier|preceding|existing|other|scanner|scoring|ranking|system)?\s*(?:rules?|instructions?|prompts?|guidelines?|polic(?:y|ies)|criteria|constraints?)")),
        ("asks to change the ranking", Word(@"(?:rank|rate|score|list|put|place|prioriti[sz]e)\s+(?:this|it|me|these|us|the following|this (?:task|step|process|item|document))\s+(?:as\s+)?(?:first|highest|top|on top|number one|#1|above all)|(?:give|assign)\s+(?:this|it)\s+(?:a\s+|the\s+)?(?:highest|top|maximum|max|perfect)\s+(?:score|rank|rating|priority)|(?:always|must)\s+(?:be\s+)?rank(?:ed)?\s+(?:first|highest)")),
        ("mentions a system prompt", Word(@"system\s+prompt|developer\s+(?:message|prompt)|<\|?(?:im_start|im_end|system)\|?>|\[/?INST\]|###\s*(?:system|instruction)")),
        ("tries to assign the reader a new role", Word(@"you\s+are\s+now|from\s+now\s+on\s+you|act\s+as\s+(?:an?\s+)?(?:ai|assistant|language model|llm|chatbot|system)|as\s+an\s+ai\s+(?:language\s+)?model|pretend\s+(?:to\s+be|you\s+are)")),
        ("addresses an AI model", Word(@"(?:dear|attention|note to (?:the)?)\s+(?:ai|llm|assistant|language model|chatgpt|gpt|copilot|scanner)|(?:ai|llm|gpt|chatgpt)\s*:\s|jailbreak|do anything now|new instructions\s*:")),
        ("asks to hide or suppress findings", Word(@"do\s+not\s+(?:flag|report|mention|disclose)|(?:hide|suppress|remove)\s+(?:all\s+|any\s+|the\s+)?(?:risks?|warnings?|flags?|findings?)|mark\s+(?:this|it)\s+as\s+(?:safe|low[- ]risk|compliant)")),
    ];

    public static string? Find(string text)
    {
        foreach (var (reason, pattern) in Cues)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return reason + ": \"" + Truncate(match.Value) + "\"";
            }
        }

        return null;
    }

    private static string Truncate(string value) => value.Length <= 60 ? value : value[..60] + "...";

    private static Regex Word(string pattern) =>
        new(@"(?<![\p{L}\p{N}])(?:" + pattern + @")(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
