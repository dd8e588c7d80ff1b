using System.Text.RegularExpressions;
using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// The one spelling of a task name that the labelled cases' vote reads (and that the labelled-case index is built
/// from), so that the vote is a function of the name's words, not of how they were written (docs/ranking.md, Round 13):
/// <list type="number">
/// <item>A lower-case letter followed by a capital is a word boundary the writer marked ("SuspectProfiling"); it is
/// kept as a space before the case is dropped.</item>
/// <item>Case is folded: the name is read as the rules read it written all in capitals (<see cref="TaskText.Normalise"/>
/// of the upper-case name), so "ER", "er" and "Er" all read "emergency room", as the rules read "ER" in an all-capitals
/// sentence. A small-letter "er" in a task name is the shortening written without capitals, not the hesitation word;
/// the vote, which reads meaning, must not read two meanings into two cases of one name.</item>
/// <item>Hyphens and underscores between letters are spaces and closed-up compounds are split as the rules split them
/// (<see cref="SpellingForm.Canonical"/>, the catalogue's words); a closed-up word the rules leave whole that is no word
/// of the catalogue or of the sentence model's vocabulary (nor an inflection of one) is split into two common words of
/// that vocabulary where it can be ("topup" as "top up", "highfee" as "high fee"), the likeliest pair first.</item>
/// <item>Articles are left out and the result is in lower case (the model is uncased).</item>
/// </list>
/// So a name in lower case, in upper case, as snake_case, with or without "the", and with its hyphens as spaces give the
/// vote the same text by construction; a closed-up compound gives it too wherever its halves are common words.
/// </summary>
public static partial class LabelledSpelling
{
    /// <summary>
    /// Halves of a closed-up word split by the model's vocabulary are among its first this many entries (ids 0-1,995
    /// are reserved entries and single characters; the words follow in order of frequency): common words only, so that
    /// a real word the vocabulary lacks is not cut into rare pieces ("refund" is not "ref und", "claimant" not "claim ant").
    /// </summary>
    public const int CommonEntries = 12_000;

    /// <summary>
    /// A two-letter half is a word only among the commonest entries (the function words and particles: "up", "so", "me");
    /// a rarer one is a fragment of a word ("al" of "halal").
    /// </summary>
    public const int CommonestEntries = 2_200;

    private const int MinimumWord = 5;
    private const int MinimumLeft = 3;
    private const int MinimumRight = 2;
    private const int FirstWordEntry = 1_996;

    private static readonly Lazy<Dictionary<string, int>> ModelWords = new(ReadModelWords, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Inflections a word of the vocabulary may carry and still be that word ("pensioner", "renewing", "shifts").</summary>
    private static readonly string[] Suffixes = ["s", "es", "ed", "d", "ing", "er", "ers", "r", "rs", "ly", "ness", "ment", "ments"];

    /// <summary>The vote's spelling of <paramref name="name"/>, with the catalogue's words <paramref name="vocabulary"/>.</summary>
    public static string Form(string name, IReadOnlySet<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var marked = CamelBoundary().Replace(name.Trim(), "$1 $2");
        var readable = TaskText.Normalise(marked.ToUpperInvariant());
        var canonical = SpellingForm.Canonical(readable, vocabulary);
        var split = Word().Replace(canonical, m => Split(m.Value, vocabulary) ?? m.Value);
        return RiskScreen.LabelledForm(split).ToLowerInvariant();
    }

    /// <summary>
    /// A closed-up word that is no word of the catalogue or of the model (nor an inflection of one) as two common words
    /// of the model's vocabulary or the catalogue, the split whose rarer half is commonest; else null.
    /// </summary>
    internal static string? Split(string word, IReadOnlySet<string> vocabulary)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length < MinimumWord || Known(lower, vocabulary))
        {
            return null;
        }

        // The likeliest pair of words: by Zipf's law a word's frequency goes as one over its rank, so the pair whose ranks
        // have the smallest product ("car lease" before "carl ease").
        string? best = null;
        var bestScore = double.MaxValue;
        for (var i = MinimumLeft; i <= lower.Length - MinimumRight; i++)
        {
            var left = lower[..i];
            var right = lower[i..];
            if (ElementSeeds.StopWords.Contains(left) || ElementSeeds.StopWords.Contains(right))
            {
                continue;
            }

            var l = CommonRank(left, vocabulary, inflected: false);
            var r = CommonRank(right, vocabulary, inflected: true);
            if (l == int.MaxValue || r == int.MaxValue || (right.Length < MinimumLeft && r >= CommonestEntries))
            {
                continue;
            }

            var score = (double)l * r;
            if (score < bestScore)
            {
                bestScore = score;
                best = left + " " + right;
            }
        }

        return best;
    }

    /// <summary>The word, or a stem of it, is a word of the catalogue or of the model's vocabulary.</summary>
    private static bool Known(string word, IReadOnlySet<string> vocabulary) =>
        Stems(word).Any(s => vocabulary.Contains(s) || ModelWords.Value.ContainsKey(s));

    /// <summary>
    /// The id of a common word of the model (with <paramref name="inflected"/>, of a stem too); a catalogue word the
    /// model has not among its common words counts as the rarest common word; else int.MaxValue.
    /// </summary>
    private static int CommonRank(string word, IReadOnlySet<string> vocabulary, bool inflected)
    {
        var best = int.MaxValue;
        foreach (var stem in inflected ? Stems(word) : [word])
        {
            if (ModelWords.Value.TryGetValue(stem, out var id) && id < CommonEntries)
            {
                best = Math.Min(best, id);
            }
            else if (vocabulary.Contains(stem))
            {
                best = Math.Min(best, CommonEntries - 1);
            }
        }

        return best;
    }

    /// <summary>The word and its stems without one inflection ("renewing": "renew", "renewe"; "shopper": "shop").</summary>
    private static IEnumerable<string> Stems(string word)
    {
        yield return word;
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length < MinimumLeft || !word.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = word[..^suffix.Length];
            yield return stem;
            yield return stem + "e";
            if (stem.Length > MinimumLeft && stem[^1] == stem[^2])
            {
                yield return stem[..^1];
            }

            if (stem.EndsWith('i'))
            {
                yield return stem[..^1] + "y";
            }
        }
    }

    /// <summary>The whole words of the sentence model's vocabulary (letters only), with their ids.</summary>
    private static Dictionary<string, int> ReadModelWords()
    {
        var tokenizer = WordPieceTokenizer.MiniLm();
        var words = new Dictionary<string, int>(tokenizer.Count, StringComparer.Ordinal);
        for (var id = FirstWordEntry; id < tokenizer.Count; id++)
        {
            var entry = tokenizer.Entry(id);
            if (entry.Length > 0 && !entry.ContainsAnyExcept(LowerLetters))
            {
                words.TryAdd(entry.ToString(), id);
            }
        }

        return words;
    }

    private static readonly System.Buffers.SearchValues<char> LowerLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    [GeneratedRegex(@"(\p{Ll})(\p{Lu})")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
