using System.Text;
using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Turns log activity names into text a reader (and the sentence model) understands: "A_DECLINED" becomes
/// "declined", "W_Beoordelen fraude" "Beoordelen fraude", "ER Triage" "emergency room triage", "LacticAcid"
/// "Lactic Acid". Also tells decision and contact steps apart by their wording.
/// </summary>
public static partial class TaskText
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["ER"] = "emergency room",
        ["A&E"] = "accident and emergency",
        ["IC"] = "intensive care",
        ["ICU"] = "intensive care unit",
        ["IV"] = "intravenous",
        ["HR"] = "human resources",
        ["PO"] = "purchase order",
        ["GR"] = "goods receipt",
    };

    /// <summary>A readable form of an activity name; plain sentences pass through with collapsed whitespace.</summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = SystemPrefix().Replace(name.Trim(), "");
        text = CamelBoundary().Replace(text, "$1 $2");
        text = text.Replace('_', ' ').Replace('+', ' ');
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var word in words)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            if (Abbreviations.TryGetValue(word, out var expanded))
            {
                builder.Append(expanded);
            }
            else if (word.Length > 3 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            {
                builder.Append(word.ToLowerInvariant());
            }
            else
            {
                builder.Append(word);
            }
        }

        return builder.ToString();
    }

    /// <summary>The step decides something about a person or a case (a state such as DECLINED counts).</summary>
    public static bool IsDecision(string normalisedName) => Decision().IsMatch(normalisedName);

    /// <summary>
    /// A decision that is not only the sending of one: "Create Fine" and "A_DECLINED" are, "Send Fine" and "Notify the
    /// offender of the fine" are not (they are contact steps); a step that sends a case to collection or refuses is.
    /// </summary>
    public static bool IsDecisionStep(string normalisedName) =>
        IsDecision(normalisedName) && (!IsContact(normalisedName) || StrongDecision().IsMatch(normalisedName));

    /// <summary>
    /// The step only communicates: its action (the first word) is to send, notify, remind, inform, call, write or reply,
    /// and it names no decision ("Send appointment reminders", "Notify applicant"; not "Send rejection letter").
    /// </summary>
    public static bool IsCommunicationOnly(string normalisedName) =>
        CommunicationVerb().IsMatch(normalisedName) && !IsDecisionStep(normalisedName);

    [GeneratedRegex(@"^\s*(send\w*|sent|e-?mail\w*|mail|notif\w*|inform\w*|remind\w*|text|sms|messag\w*|call|phone|ring|writ(e|es|ing) to|repl(y|ies|ied)|tell)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommunicationVerb();

    /// <summary>
    /// The verb that leads a step name when it only says the step is carried out ("conduct", "perform", "carry out",
    /// "execute", "hold", "undertake", "do", "run" followed by what is done: "conduct interview"), or null. Such a verb is
    /// not the step's subject matter.
    /// </summary>
    public static string? LeadingExecutionVerb(string normalisedName)
    {
        ArgumentNullException.ThrowIfNull(normalisedName);
        var match = ExecutionVerb().Match(normalisedName);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^\s*(conduct(s|ed|ing)?|perform(s|ed|ing)?|carr(y|ies|ied|ying) out|execut(e|es|ed|ing)|hold(s|ing)?|held|undertak(e|es|ing)|undertook|do|does|did|run(s|ning)?|ran)\s+\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExecutionVerb();

    /// <summary>The step writes to or talks with someone outside the organisation.</summary>
    public static bool IsContact(string normalisedName) => Contact().IsMatch(normalisedName);

    [GeneratedRegex(@"^[A-Z]_(?=\S)")]
    private static partial Regex SystemPrefix();

    [GeneratedRegex(@"(\p{Ll})(\p{Lu})")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex(@"\b(approv\w*|declin\w*|reject\w*|accept\w*|grant\w*|den(y|ied|ial)|refus\w*|award\w*|decid\w*|decision\w*|verdicts?|rulings?|penalt\w*|fines?|sanction\w*|dismiss\w*|terminat\w*|revok\w*|withdraw\w*|result appeal|credit collection|eligib\w*|admission\w*|admit\w*|enrol\w*|passed|goedgekeurd|afgewezen)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Decision();

    [GeneratedRegex(@"\b(credit collection|penalt\w*|declin\w*|reject\w*|refus\w*|approv\w*|den(y|ied|ial)|revok\w*|terminat\w*|dismiss\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrongDecision();

    [GeneratedRegex(@"\b(send\w*|sent|notif\w*|inform\w*|call\w*|nabellen|e-?mail\w*|letters?|repl(y|ies|ied)|contact\w*|messag\w*|chat\w*|remind\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contact();
}
