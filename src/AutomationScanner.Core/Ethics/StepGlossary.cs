using System.Text;
using System.Text.RegularExpressions;
using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Reads the words of a step name written in a main EU language as English words, so that the rules and the sentence
/// model (which read English) see what the step does: "W_Beoordelen fraude" as "assessment fraud", "PrestatieBeoordeling"
/// as "performance assessment", "HAKEMUS_PAATOS" as "application decision". The glossary is written by concept (decide,
/// reject, assess, score, predict, crime, face, emotion, applicant, employee, exam, credit, benefit, asylum, chat,
/// customer, ...; docs/ranking.md, Rounds 14 and 16), uniformly for the 23 official EU languages other than English: Dutch,
/// German, French, Italian, Spanish, Portuguese, Polish, Czech, Slovak, Slovenian, Croatian, Swedish, Danish, Finnish,
/// Estonian, Hungarian, Romanian, Lithuanian, Latvian, Irish, Maltese, Greek and Bulgarian (Greek and Cyrillic script, each
/// also in its common Latin transliteration).
/// <list type="bullet">
/// <item>Words are compared folded: lower case, accents and marks removed (ä as a, ł as l, ß as ss, ė as e, ņ as n, ħ as h,
/// ż as z, Irish fadas and Greek tonos dropped); Cyrillic is only lower-cased.</item>
/// <item>A stem of at least <see cref="MinStem"/> letters also reads its inflections: the stem followed by at most
/// <see cref="MaxEnding"/> letters (Finnish and Hungarian case endings, Slavic endings, Romance plurals). Shorter
/// stems and stems marked exact read only the whole word.</item>
/// <item>A closed compound (German, Dutch, Swedish, Danish, Finnish, Hungarian) is read when the whole word splits into
/// glossary stems, each but the last followed by at most a linking element (<see cref="MaxLink"/> letters).</item>
/// <item>False friends: a word of the sentence model's (English) vocabulary is never read through a stem or a compound,
/// only through an exact entry, and no exact entry is an English word (a test checks the entries against the English
/// texts the product sees).</item>
/// <item>A name is read only when most of its words are foreign: more words read than words left unread (English or
/// unknown); words read as themselves (a cognate such as "risk", "video") count for neither side. Function words
/// ("van", "der", "de la", "för") are dropped from a name that is read.</item>
/// </list>
/// </summary>
public static partial class StepGlossary
{
    /// <summary>Shortest stem that also reads its inflections (a longer word beginning with it).</summary>
    public const int MinStem = 4;

    /// <summary>Most letters an inflection may add to a stem (Finnish "päätöksestä" is "päätö" + "ksestä").</summary>
    public const int MaxEnding = 6;

    /// <summary>Most letters between two stems of a compound ("Leistung-s-beurteilung", "ansikt-s-igenkänning").</summary>
    public const int MaxLink = 2;

    private const int FirstWordEntry = 1_996;

    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.Ordinal)
    {
        ["nl"] = "Dutch",
        ["de"] = "German",
        ["fr"] = "French",
        ["it"] = "Italian",
        ["es"] = "Spanish",
        ["pt"] = "Portuguese",
        ["pl"] = "Polish",
        ["cs"] = "Czech",
        ["sv"] = "Swedish",
        ["da"] = "Danish",
        ["fi"] = "Finnish",
        ["hu"] = "Hungarian",
        ["ro"] = "Romanian",
        ["el"] = "Greek",
        ["sk"] = "Slovak",
        ["sl"] = "Slovenian",
        ["hr"] = "Croatian",
        ["lt"] = "Lithuanian",
        ["lv"] = "Latvian",
        ["et"] = "Estonian",
        ["bg"] = "Bulgarian",
        ["ga"] = "Irish",
        ["mt"] = "Maltese",
    };

    private static readonly Lazy<Glossary> Table = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<HashSet<string>> EnglishWords = new(ReadModelWords, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The English reading of a readable step name (after <see cref="TaskText"/> has split its codes), or null when the
    /// name is not mostly foreign words of the glossary.
    /// </summary>
    public static GlossaryReading? Read(string readable)
    {
        ArgumentNullException.ThrowIfNull(readable);
        var words = readable.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var output = new List<string>(words.Length);
        var languages = new List<HashSet<string>>();
        int foreign = 0, unread = 0;
        foreach (var word in words)
        {
            var parts = Elided().Replace(word, "").Split('-');
            var read = new List<string>(parts.Length);
            var anyForeign = false;
            foreach (var part in parts)
            {
                var (lead, core, trail) = Trim(part);
                var reading = core.Length == 0 ? null : ReadWord(Fold(core));
                switch (reading)
                {
                    case null when IsNeutral(core):
                        // An English word a stem also begins ("evaluation" of French "évaluation") is read without its accents.
                        read.Add(core.Any(char.IsLetter) ? lead + Fold(core) + trail : part);
                        break;
                    case null:
                        unread++;
                        read.Add(part);
                        break;
                    case { Function: true }:
                        break;
                    case { } r when string.Equals(r.English, Fold(core), StringComparison.Ordinal):
                        read.Add(lead + r.English + trail);
                        break;
                    case { } r:
                        // A cognate ("valideren" as validate, "approver" as approve) is read but does not make the name foreign.
                        anyForeign |= !IsCognate(Fold(core), r.English);
                        languages.Add(r.Languages);
                        read.Add(lead + r.English + trail);
                        break;
                }
            }

            if (anyForeign)
            {
                foreign++;
            }

            if (read.Count > 0)
            {
                output.Add(string.Join('-', read));
            }
        }

        if (foreign == 0 || foreign <= unread)
        {
            return null;
        }

        return new GlossaryReading(string.Join(' ', output), LanguagesOf(languages));
    }

    /// <summary>Whether <paramref name="word"/> (any case, accents allowed) is a whole word of the sentence model's English vocabulary.</summary>
    public static bool IsModelWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return EnglishWords.Value.Contains(Fold(word));
    }

    /// <summary>The English reading of one word (any case, accents allowed), or null; an empty reading is a function word.</summary>
    public static string? ReadWordAsEnglish(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return ReadWord(Fold(word)) is { } reading ? (reading.Function ? "" : reading.English) : null;
    }

    /// <summary>Every glossary entry: folded stem, English reading, language code, whether it reads the whole word only.</summary>
    public static IEnumerable<(string Stem, string English, string Language, bool Exact)> Entries() =>
        Table.Value.Entries.Select(e => (e.Stem, e.English, e.Language, e.Exact));

    /// <summary>The folded form glossary entries are written in: lower case without accents or marks.</summary>
    public static string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        // A table, not Unicode decomposition: the scanner runs with invariant globalization, where FormD leaves accents.
        var lower = word.ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            var index = Accented.IndexOf(c, StringComparison.Ordinal);
            builder.Append(index >= 0 ? Plain[index].ToString() : c switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšșţťŧțùúûüũūŭůűųŵýÿŷźżžάέήίόύώϊϋΐΰς";

    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssssttttuuuuuuuuuuwyyyzzzαεηιουωιυιυσ";

    /// <summary>An elided article or preposition before a word (French "d'", "l'", Italian "dell'", "all'").</summary>
    [GeneratedRegex(@"^(?i:d|l|qu|dell|all|dall|nell|sull|un)['’](?=\p{L}{3})")]
    private static partial Regex Elided();

    private static (string Lead, string Core, string Trail) Trim(string part)
    {
        var start = 0;
        while (start < part.Length && !char.IsLetterOrDigit(part[start]))
        {
            start++;
        }

        var end = part.Length;
        while (end > start && !char.IsLetterOrDigit(part[end - 1]))
        {
            end--;
        }

        return (part[..start], part[start..end], part[end..]);
    }

    /// <summary>A word that counts for neither side: a number, or an English word a stem also begins (a cognate or false friend, kept as written).</summary>
    private static bool IsNeutral(string core)
    {
        if (!core.Any(char.IsLetter))
        {
            return true;
        }

        var folded = Fold(core);
        return EnglishWords.Value.Contains(folded) && LongestStem(folded, folded.Length) is not null;
    }

    /// <summary>The word and its English reading begin alike (<see cref="MinStem"/> letters): the same word in English form.</summary>
    internal static bool IsCognate(string folded, string english) =>
        folded.Length >= MinStem && english.Length >= MinStem && string.CompareOrdinal(folded, 0, english, 0, MinStem) == 0;

    private static string LanguagesOf(List<HashSet<string>> languages)
    {
        // The languages every read word can be in, else those most words can be in.
        var common = languages.Skip(1).Aggregate(new HashSet<string>(languages[0]), (set, next) => { set.IntersectWith(next); return set; });
        var chosen = common.Count > 0
            ? common
            : languages.SelectMany(l => l).GroupBy(l => l).GroupBy(g => g.Count()).MaxBy(g => g.Key)!.Select(g => g.Key).ToHashSet();
        return string.Join("/", LanguageNames.Where(n => chosen.Contains(n.Key)).Select(n => n.Value));
    }

    private sealed record WordReading(string English, HashSet<string> Languages, bool Function);

    private static WordReading? ReadWord(string folded)
    {
        // German written without umlauts ("Pruefung", "Antragspruefung"): read as with them when it reads no other way.
        if (ReadSpelled(folded) is { } reading)
        {
            return reading;
        }

        return folded.Length >= MinStem && !EnglishWords.Value.Contains(folded) && UmlautDigraph().IsMatch(folded)
            ? ReadSpelled(UmlautDigraph().Replace(folded, m => m.Value[..1]))
            : null;
    }

    /// <summary>"ae", "oe" or "ue" not after a vowel: the ASCII spelling of German ä, ö, ü ("Pruefung", "Aenderung"; not "neue").</summary>
    [GeneratedRegex(@"(?<![aeiouy])(ae|oe|ue)")]
    private static partial Regex UmlautDigraph();

    private static WordReading? ReadSpelled(string folded)
    {
        var table = Table.Value;
        if (table.Function.TryGetValue(folded, out var functionLanguages))
        {
            return new WordReading("", functionLanguages, true);
        }

        if (table.Exact.TryGetValue(folded, out var exact))
        {
            // The word may also be a stem of other languages with the same reading ("fraude"): all of them are its languages.
            return new WordReading(exact.English, table.Prefix.TryGetValue(folded, out var alike) && alike.English == exact.English ? [.. exact.Languages, .. alike.Languages] : exact.Languages, false);
        }

        // A word of the model's English vocabulary is read only through an exact entry: "door", "male", "care" stay.
        if (folded.Length < MinStem || EnglishWords.Value.Contains(folded))
        {
            return null;
        }

        // A stem followed by what is itself a stem is a compound ("luottopäätös" is credit decision, not an inflected "luotto").
        var prefix = LongestStem(folded, folded.Length);
        if (prefix is { } inflected && folded.Length - inflected.Length < MinStem)
        {
            return new WordReading(inflected.Sense.English, inflected.Sense.Languages, false);
        }

        return Compound(folded)
            ?? (prefix is { } stem && folded.Length - stem.Length <= MaxEnding ? new WordReading(stem.Sense.English, stem.Sense.Languages, false) : null);
    }

    /// <summary>The longest prefix stem of <paramref name="word"/>[..limit] (an exact entry counts when the whole span is it).</summary>
    private static (Sense Sense, int Length)? LongestStem(string word, int limit)
    {
        var table = Table.Value;
        for (var length = Math.Min(limit, table.LongestStem); length >= MinStem; length--)
        {
            if (table.Prefix.TryGetValue(word[..length], out var sense))
            {
                return (sense, length);
            }
        }

        return null;
    }

    /// <summary>A closed compound read as its stems ("kreditentscheidung" as "credit decision"), or null unless every part is read.</summary>
    private static WordReading? Compound(string word)
    {
        var parts = Split(word, 0, 0);
        if (parts is null || parts.Count < 2)
        {
            return null;
        }

        var languages = parts.Skip(1).Aggregate(new HashSet<string>(parts[0].Languages), (set, p) => { set.IntersectWith(p.Languages); return set; });
        return new WordReading(string.Join(' ', parts.Select(p => p.English).Where(e => e.Length > 0)), languages.Count > 0 ? languages : parts[^1].Languages, false);
    }

    private static List<Sense>? Split(string word, int start, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        var table = Table.Value;
        for (var length = Math.Min(word.Length - start, table.LongestStem); length >= 3; length--)
        {
            var piece = word.Substring(start, length);
            var sense = table.Prefix.GetValueOrDefault(piece) ?? (table.Exact.TryGetValue(piece, out var exact) && length >= MinStem ? exact : null)
                ?? table.Compounding.GetValueOrDefault(piece);
            if (sense is null)
            {
                continue;
            }

            var end = start + length;
            var rest = word.Length - end;
            if (depth > 0 && rest <= MaxEnding && (length >= MinStem || rest == 0))
            {
                return [sense];
            }

            for (var link = 0; link <= MaxLink && end + link < word.Length; link++)
            {
                if (Split(word, end + link, depth + 1) is { } tail)
                {
                    return [sense, .. tail];
                }
            }
        }

        return null;
    }

    private static HashSet<string> ReadModelWords()
    {
        var tokenizer = WordPieceTokenizer.MiniLm();
        var words = new HashSet<string>(StringComparer.Ordinal);
        for (var id = FirstWordEntry; id < tokenizer.Count; id++)
        {
            var entry = tokenizer.Entry(id);
            if (entry.Length > 1 && !entry.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz"))
            {
                words.Add(entry.ToString());
            }
        }

        return words;
    }

    private sealed record Sense(string English, HashSet<string> Languages);

    private sealed record Entry(string Stem, string English, string Language, bool Exact);

    private sealed class Glossary
    {
        public List<Entry> Entries { get; } = [];

        public Dictionary<string, Sense> Prefix { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Sense> Exact { get; } = new(StringComparer.Ordinal);

        /// <summary>Short stems (three letters) that are read only as a part of a compound ("työ" of "työntekijä" is not one).</summary>
        public Dictionary<string, Sense> Compounding { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, HashSet<string>> Function { get; } = new(StringComparer.Ordinal);

        public int LongestStem { get; set; }
    }

    private static Glossary Build()
    {
        var glossary = new Glossary();
        foreach (var (english, byLanguage) in StepGlossaryTerms.Concepts)
        {
            foreach (var cell in byLanguage.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = cell.IndexOf(':', StringComparison.Ordinal);
                var language = cell[..colon];
                foreach (var raw in cell[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var exact = raw.EndsWith('=') || raw.Length < MinStem;
                    var stem = Fold(raw.TrimEnd('='));
                    glossary.Entries.Add(new Entry(stem, english, language, exact));
                    // A short stem reads the whole word, and a part of a compound ("työ" of "työvuoro"); a long one its inflections.
                    Dictionary<string, Sense>[] targets = !exact ? [glossary.Prefix] : raw.EndsWith('=') ? [glossary.Exact] : [glossary.Exact, glossary.Compounding];
                    foreach (var target in targets)
                    {
                        if (!target.TryGetValue(stem, out var sense))
                        {
                            target[stem] = new Sense(english, [language]);
                        }
                        else if (string.Equals(sense.English, english, StringComparison.Ordinal))
                        {
                            sense.Languages.Add(language);
                        }
                    }

                    glossary.LongestStem = Math.Max(glossary.LongestStem, stem.Length);
                }
            }
        }

        foreach (var cell in StepGlossaryTerms.FunctionWords.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = cell.IndexOf(':', StringComparison.Ordinal);
            foreach (var word in cell[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var folded = Fold(word);
                if (!glossary.Function.TryGetValue(folded, out var languages))
                {
                    glossary.Function[folded] = languages = [];
                }

                languages.Add(cell[..colon]);
            }
        }

        return glossary;
    }
}

/// <summary>A step name read through <see cref="StepGlossary"/>: its English text and the language(s) it was read from.</summary>
public sealed record GlossaryReading(string Text, string Languages);
