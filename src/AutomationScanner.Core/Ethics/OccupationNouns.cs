namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Round 30: the occupational head nouns of the O*NET 26.3 occupation titles ("Commercial Divers" -> divers, diver;
/// "Bus and Truck Mechanics" -> mechanics, mechanic), in the plural and the singular, derived by
/// tools/onet-occupation-nouns/derive.py and shipped as data/occupations/onet-occupation-nouns.txt (embedded). O*NET content
/// is licensed under CC BY 4.0 (O*NET Resource Center, USDOL/ETA); see docs/DATASETS.md. Read by
/// <see cref="SemanticRuleMatcher.PersonKindView"/>: a word of this list names an occupation whatever its ending.
/// </summary>
public static class OccupationNouns
{
    private const string ResourceName = "AutomationScanner.Core.Ethics.onet-occupation-nouns.txt";

    private static readonly Lazy<(IReadOnlySet<string> Plurals, IReadOnlySet<string> Singulars)> Words = new(Load);

    /// <summary>Whether <paramref name="word"/> (lower case) is an O*NET occupational head noun in the plural.</summary>
    public static bool IsPlural(string word) => Words.Value.Plurals.Contains(word);

    /// <summary>Whether <paramref name="word"/> (lower case) is an O*NET occupational head noun in the singular.</summary>
    public static bool IsSingular(string word) => Words.Value.Singulars.Contains(word);

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
