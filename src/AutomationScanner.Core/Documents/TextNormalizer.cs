using System.Text;
using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// Normalises activity names and statements to comparable content words: splits CamelCase, underscores and
/// hyphens, lower-cases, drops stopwords, lifecycle words (start, complete) and activity codes ("T02"), maps
/// nominalisations to verbs ("registration" -> "register") and stems lightly.
/// </summary>
internal static partial class TextNormalizer
{
    private static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "for", "in", "on", "at", "by", "with", "from", "into", "onto", "and", "or", "as", "is",
        "are", "be", "been", "was", "were", "it", "its", "this", "that", "these", "those", "then", "next", "if", "when", "all",
        "any", "each", "every", "per", "via", "after", "before", "until", "within", "must", "should", "shall", "will", "can",
        "may", "please", "also", "not", "no", "has", "have", "had", "do", "does", "their", "his", "her", "our", "your", "they",
        "he", "she", "we", "you", "i", "so", "than", "there", "where", "which", "who", "whom", "what", "up", "out", "about",
        "new", "other", "only", "first", "again", "once", "still", "e", "g", "eg", "ie", "etc",
    };

    private static readonly Dictionary<string, string> Lemmas = new(StringComparer.Ordinal)
    {
        ["registration"] = "register",
        ["verification"] = "verify",
        ["approval"] = "approve",
        ["assignment"] = "assign",
        ["resolution"] = "resolve",
        ["creation"] = "create",
        ["notification"] = "notify",
        ["payment"] = "pay",
        ["submission"] = "submit",
        ["validation"] = "validate",
        ["confirmation"] = "confirm",
        ["closure"] = "close",
        ["closed"] = "close",
        ["closing"] = "close",
        ["examination"] = "examine",
        ["decision"] = "decide",
        ["rejection"] = "reject",
        ["escalation"] = "escalate",
        ["insertion"] = "insert",
        ["reinitiate"] = "reinitiate",
        ["analysis"] = "analyse",
        ["analyze"] = "analyse",
        ["authorization"] = "authorise",
        ["authorisation"] = "authorise",
        ["authorize"] = "authorise",
        ["entry"] = "enter",
        ["receipt"] = "receipt",
        ["delivery"] = "deliver",
        ["investigation"] = "investigate",
        ["inspection"] = "inspect",
        ["calculation"] = "calculate",
        ["allocation"] = "allocate",
        ["reconciliation"] = "reconcile",
        ["cancellation"] = "cancel",
        ["sw"] = "software",
        ["hw"] = "hardware",
        ["e-mail"] = "email",
        ["mail"] = "email",
        ["anomalies"] = "anomaly",
        ["paid"] = "pay",
        ["sent"] = "send",
        ["took"] = "take",
        ["taken"] = "take",
        ["made"] = "make",
        ["upgrading"] = "upgrade",
        ["seriousness"] = "serious",
        ["severity"] = "serious",
        ["priority"] = "serious",
    };

    /// <summary>Content tokens in order, normalised and stemmed.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var spaced = CamelRegex().Replace(text, " ");
        var tokens = new List<string>();
        foreach (Match match in WordRegex().Matches(spaced))
        {
            var word = match.Value.ToLowerInvariant();
            if (Stopwords.Contains(word) || LifecycleVocabulary.ProseWords.Contains(word) || CodeRegex().IsMatch(word) || word.Length < 2)
            {
                continue;
            }

            tokens.Add(Stem(Lemmas.GetValueOrDefault(word, word)));
        }

        return tokens;
    }

    /// <summary>A light stemmer: plural and verb endings only, so "invoices"/"invoice" and "checked"/"check" meet.</summary>
    public static string Stem(string word)
    {
        if (Lemmas.TryGetValue(word, out var lemma))
        {
            return lemma;
        }

        string stem;
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            stem = word[..^3] + "y";
        }
        else if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            stem = Undouble(word[..^3]);
        }
        else if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            stem = Undouble(word[..^2]);
        }
        else if (word.Length > 4 && (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)))
        {
            stem = word[..^2];
        }
        else if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
        {
            stem = word[..^1];
        }
        else
        {
            stem = word;
        }

        // "approve"/"approved"/"approving" and "close"/"closed" share a stem without the final e.
        return stem.Length > 3 && stem.EndsWith('e') ? stem[..^1] : stem;
    }

    /// <summary>Similarity of two tokens in 0..1: 1 when equal, Levenshtein ratio for longer words (typos, variants), else 0.</summary>
    public static double TokenSimilarity(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }

        if (a.Length < 5 || b.Length < 5)
        {
            return 0;
        }

        var ratio = 1 - ((double)Levenshtein(a, b) / Math.Max(a.Length, b.Length));
        return ratio >= 0.8 ? ratio * 0.9 : 0;
    }

    private static string Undouble(string stem) =>
        stem.Length > 2 && stem[^1] == stem[^2] && !"aeiouls".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1] : stem;

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Display form of a text for a candidate name: whitespace collapsed, trailing punctuation dropped.</summary>
    public static string DisplayName(string text, int maxLength)
    {
        var name = new StringBuilder(WhitespaceRegex().Replace(text, " ").Trim().TrimEnd('.', ';', ':', ',', '!').Trim());
        if (name.Length > maxLength)
        {
            var cut = name.ToString(0, maxLength);
            var space = cut.LastIndexOf(' ');
            return (space > maxLength / 2 ? cut[..space] : cut) + "...";
        }

        return name.ToString();
    }

    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|_", RegexOptions.None, 1000)]
    private static partial Regex CamelRegex();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:-[\p{L}]+)?", RegexOptions.None, 1000)]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"^(?:[a-z]{0,2}\d+[a-z]?|\d+(?:st|nd|rd|th))$", RegexOptions.None, 1000)]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"\s+", RegexOptions.None, 1000)]
    private static partial Regex WhitespaceRegex();
}
