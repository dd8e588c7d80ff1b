using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Round 30: the occupational head nouns of the O*NET 26.3 occupation titles ("Commercial Divers" -> divers, diver;
/// "Bus and Truck Mechanics" -> mechanics, mechanic), in the plural and the singular, derived by
/// tools/onet-occupation-nouns/derive.py and shipped as data/occupations/onet-occupation-nouns.txt (embedded). O*NET content
/// is licensed under CC BY 4.0 (O*NET Resource Center, USDOL/ETA); see docs/DATASETS.md. Read by
/// <see cref="SemanticRuleMatcher.PersonKindView"/>: a word of this list names an occupation whatever its ending.
/// </summary>
public static partial class OccupationNouns
{
    private const string ResourceName = "AutomationScanner.Core.Ethics.onet-occupation-nouns.txt";

    private static readonly Lazy<(IReadOnlySet<string> Plurals, IReadOnlySet<string> Singulars)> Words = new(Load);

    /// <summary>Whether <paramref name="word"/> (lower case) is an O*NET occupational head noun in the plural.</summary>
    public static bool IsPlural(string word) => Words.Value.Plurals.Contains(word);

    /// <summary>Whether <paramref name="word"/> (lower case) is an O*NET occupational head noun in the singular.</summary>
    public static bool IsSingular(string word) => Words.Value.Singulars.Contains(word);

    /// <summary>
    /// Round 31: the first occupation <paramref name="text"/> names as persons at work (a rule's element read by
    /// <see cref="RuleDefinition.OccupationElements"/>), or null: a head noun of the list in the plural possessive before
    /// a feature read from the person ("the welders' faces", "the plumbers' voices"), or in the singular after a word that
    /// picks one person among several ("each porter", "a hygienist's"). Not read: a head noun that as often names a device, a tool or a thing ("controllers", "monitors",
    /// "fillers", "trainers"), a party on the customer's or the market's side, or a pastime ("buyers", "members",
    /// "dealers", "drivers", "runners", "singers") (<see cref="NotAtWork"/>); and an occupation that the text states uses
    /// the system ("guards who use it to judge whether travellers are nervous", "used by the officers"): Art. 5(1)(f)
    /// protects the persons whose emotions are inferred, not the staff who run the system on others.
    /// </summary>
    public static string? NamesWorkers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The plural only where what is read is theirs ("the welders' faces", "the plumbers' voices"): "the farmers'
        // party", "so that the animators can adjust them" name no persons whose emotions are read.
        // Round 46: or where the feature comes first and the occupation after "of" ("emotion tracking of cashiers", "the
        // moods of the welders").
        foreach (var m in OccupationWords(text, (word, match) => IsPlural(word)
            && (ReadFeature().IsMatch(text[(match.Index + match.Length)..]) || FeatureOf().IsMatch(text[..match.Index]))))
        {
            var noun = Regex.Escape(m.Value);
            if (Regex.IsMatch(text, $@"\b{noun}\s+(who\s+|that\s+)?(can\s+|may\s+|will\s+)?(use|uses|used|using|operate|operates|operated|run|runs|deploy|deploys|deployed|apply|applies|applied|rely on|relies on)\b|\b(used|operated|run|deployed|applied)\s+by\s+(the\s+|its\s+|their\s+)?([\w'’-]+\s+){{0,2}}{noun}\b|\b(helps?|lets?|allows?|enables?|assists?)\s+(the\s+|its\s+)?([\w'’-]+\s+){{0,2}}{noun}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                continue;
            }

            return m.Value;
        }

        return null;
    }

    /// <summary>
    /// Round 40: the first occupation <paramref name="text"/> names as persons at work (Annex III 4(b)'s workers, read by
    /// <see cref="RuleDefinition.WorkerElements"/>), or null: a head noun of the list in the plural ("the attendants",
    /// "its hygienists"), a compound of -men or -women ("linesmen", "foremen", "firewomen"), or a head noun in the singular
    /// after a word that picks one person among several ("each porter"). Not read: the head nouns of
    /// <see cref="NotAtWork"/> (devices, customers, pastimes) and plain "men" and "women".
    /// </summary>
    public static string? NamesAnOccupation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return OccupationWords(text, (word, _) => IsPlural(word) || TradesmenCompound().IsMatch(word)).FirstOrDefault()?.Value;
    }

    /// <summary>
    /// The words of <paramref name="text"/> that name an occupation: a plural as <paramref name="plural"/> reads it (the
    /// word in lower case, its match), or a head noun in the singular after a word that picks one person among several;
    /// never a head noun of <see cref="NotAtWork"/>.
    /// </summary>
    private static IEnumerable<Match> OccupationWords(string text, Func<string, Match, bool> plural)
    {
        string? previous = null;
        foreach (Match m in Word().Matches(text))
        {
            var word = m.Value.ToLowerInvariant();
            var before = previous;
            previous = word;
            if ((plural(word, m) || (IsSingular(word) && before is not null && OnePersonAmongSeveral().IsMatch(before))) && !NotAtWork().IsMatch(word))
            {
                yield return m;
            }
        }
    }

    /// <summary>A trade named as a compound of -men or -women ("linesmen", "foremen", "firewomen"), not a group of people at large.</summary>
    [GeneratedRegex(@"^(?!(gentle|sports|country|states|clans|kins|towns|tribes|church|business|horse|noble|frees|congress|spokes)(wo)?men$|(speci|regi|abdo|acu|bitu|sta|albu|cogno|dol|ger)men$)\p{L}{3,}(wo)?men$", RegexOptions.CultureInvariant)]
    private static partial Regex TradesmenCompound();

    /// <summary>Right after a plural occupation: its possessive and a feature of the person read from it (face, voice, mood).</summary>
    [GeneratedRegex(@"^['’]s?\s+(faces?|facial|voices?|expressions?|moods?|emotions?|feelings?|body language|gestures?|postures?|eyes|heart ?rates?|pulse|tone|speech)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadFeature();

    /// <summary>Round 46: right before a plural occupation: a feature read from a person, up to two words, and "of" ("emotion tracking of", "the facial expressions of the").</summary>
    [GeneratedRegex(@"\b(faces?|facial( expressions?)?|voices?|expressions?|moods?|emotions?|emotional( states?)?|feelings?|body language|gestures?|postures?|heart ?rates?|pulse|tone of voice|stress( levels?)?|frustration|anger|boredom|sentiment)(\s+[\w-]+){0,2}\s+of\s+((the|our|its|their|all|each|every|his|her)\s+)?([\w-]+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeatureOf();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"^(a|an|each|every|any|which|whichever|whose|one)$", RegexOptions.CultureInvariant)]
    private static partial Regex OnePersonAmongSeveral();

    /// <summary>
    /// Head nouns of the list that as often name something other than persons at work: a device, tool or thing, a party
    /// on the customer's or the market's side, a pastime or a team role.
    /// </summary>
    [GeneratedRegex(@"^(controllers?|monitors?|testers?|tuners?|servers?|processors?|sorters?|fillers?|cutters?|blowers?|feeders?|setters?|splitters?|winders?|sanders?|changers?|markers?|layers?|trainers?|interpreters?|translators?|assemblers?|keyers?|displayers?|pumpers?|estimators?|planners?|builders?|readers?|screeners?|graders?|carriers?|sewers?|tenders?|scalers?|pressers?|grinders?|finishers?|trimmers?|packers?|packagers?|weighers?|casters?|makers?|guards?|guides?|hosts?|scouts?|leaders?|coaches?|judges?|captains?|pilots?|drivers?|runners?|athletes?|competitors?|buyers?|members?|dealers?|distributors?|merchants?|producers?|publishers?|collectors?|forwarders?|promoters?|fundraisers?|developers?|authors?|writers?|artists?|singers?|dancers?|poets?|musicians?|performers?|entertainers?|actors?|escorts?|breeders?|agents?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NotAtWork();

    /// <summary>The number of head nouns (plurals) in the list.</summary>
    public static int Count => Words.Value.Plurals.Count;

    private static (IReadOnlySet<string>, IReadOnlySet<string>) Load()
    {
        var plurals = new HashSet<string>(StringComparer.Ordinal);
        var singulars = new HashSet<string>(StringComparer.Ordinal);
        using var stream = typeof(OccupationNouns).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} not found.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            plurals.Add(parts[0]);
            if (parts.Length > 1 && !string.Equals(parts[1], parts[0], StringComparison.Ordinal))
            {
                singulars.Add(parts[1]);
            }
        }

        return (plurals, singulars);
    }
}
