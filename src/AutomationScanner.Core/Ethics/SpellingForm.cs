using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// One spelling for the texts matched by meaning, so that a hyphen, an underscore, a closed-up compound or the case
/// never decides a tier: "high-interest", "high_interest", "highinterest" and "HIGH INTEREST" all read "high interest".
/// A closed-up word is split only when it is not itself a word of the catalogue and both halves are (three letters or
/// more, not function words), so "creditworthiness" (a catalogue word) and "therapist" ("the" is a function word) stay whole.
/// </summary>
public static partial class SpellingForm
{
    private const int MinimumCompound = 7;
    private const int MinimumPart = 3;

    /// <summary>
    /// The lower-case words of the catalogue's exemplars (rules, ordinary work, domains) and of its element seeds. (The
    /// sentence model's 20,000-word vocabulary was tried and dropped: it split real words it lacks, "shop lifting".)
    /// </summary>
    public static IReadOnlySet<string> Vocabulary(RuleCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return Computed.GetValue(catalogue, c => new(() => Compute(c))).Value;
    }

    /// <summary>Each catalogue's vocabulary, computed once (a scan's start-up may compute it on another core: ScanCommand).</summary>
    private static readonly ConditionalWeakTable<RuleCatalogue, Lazy<IReadOnlySet<string>>> Computed = new();

    private static IReadOnlySet<string> Compute(RuleCatalogue catalogue)
    {
        var texts = catalogue.Rules.SelectMany(r => r.Definition.Exemplars)
            .Concat(catalogue.Semantic.MinimalExemplars)
            .Concat(catalogue.Domains.SelectMany(d => d.Definition.Exemplars));
        var vocabulary = ElementSeeds.Vocabulary(texts);
        foreach (var seed in ElementSeeds.ForCatalogue(catalogue).Values.SelectMany(r => r).SelectMany(a => a).SelectMany(e => e))
        {
            foreach (Match word in Letters().Matches(seed))
            {
                vocabulary.Add(word.Value.ToLowerInvariant());
            }
        }

        return vocabulary;
    }

    /// <summary>The text with hyphens and underscores between letters as spaces and closed-up compounds split.</summary>
    public static string Canonical(string text, IReadOnlySet<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var spaced = Joiner().Replace(text, " ");
        return LongWord().Replace(spaced, m => Split(m.Value, vocabulary) ?? m.Value);
    }

    /// <summary>"highinterest" as "high interest" when both halves are catalogue words and the whole is not; else null.</summary>
    internal static string? Split(string word, IReadOnlySet<string> vocabulary)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length < MinimumCompound || vocabulary.Contains(lower) || Known(lower, vocabulary))
        {
            return null;
        }

        string? best = null;
        var bestShorter = 0;
        for (var i = MinimumPart; i <= lower.Length - MinimumPart; i++)
        {
            var left = lower[..i];
            var right = lower[i..];
            if (ElementSeeds.StopWords.Contains(left) || ElementSeeds.StopWords.Contains(right) || !vocabulary.Contains(left) || !Known(right, vocabulary))
            {
                continue;
            }

            var shorter = Math.Min(left.Length, right.Length);
            if (shorter > bestShorter)
            {
                bestShorter = shorter;
                best = left + " " + right;
            }
        }

        return best;
    }

    /// <summary>The word or its singular ("seekers", "seeker") is a catalogue word.</summary>
    private static bool Known(string word, IReadOnlySet<string> vocabulary) =>
        vocabulary.Contains(word) || (word.Length > MinimumPart + 1 && word.EndsWith('s') && vocabulary.Contains(word[..^1]));

    [GeneratedRegex(@"(?<=\p{L})[-_](?=\p{L})")]
    private static partial Regex Joiner();

    [GeneratedRegex(@"\p{L}{7,}")]
    private static partial Regex LongWord();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Letters();
}
