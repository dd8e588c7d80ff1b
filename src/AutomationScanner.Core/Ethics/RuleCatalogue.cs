using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Ethics;

/// <summary>Key dates of the rule set, exactly as the reference states them.</summary>
public sealed record RegulatoryDates(
    DateOnly AiActArt5AppliesFrom,
    DateOnly AiActAnnexIIIAppliesFromAct,
    DateOnly AiActAnnexIIIAppliesFromOmnibusAgreement,
    string OmnibusStatus);

/// <summary>A rule as written in the catalogue data file.</summary>
public sealed record RuleDefinition
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required RuleKind Kind { get; init; }

    public required RiskTier Tier { get; init; }

    public required string Clause { get; init; }

    public required DateOnly AppliesFrom { get; init; }

    /// <summary>A later date agreed politically but not yet law (Digital Omnibus), when there is one.</summary>
    public DateOnly? DeferredTo { get; init; }

    public string Source { get; init; } = "";

    public IReadOnlyList<EvidenceScope> Scope { get; init; } = [];

    public IReadOnlyList<Safeguard> Safeguards { get; init; } = [];

    /// <summary>Alternatives; within one alternative every pattern must match the same evidence text.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Triggers { get; init; } = [];

    /// <summary>Patterns that, when present in the evidence text, stop the rule (e.g. the medical exception).</summary>
    public IReadOnlyList<string> Unless { get; init; } = [];
}

/// <summary>A pattern rule ready to run: its definition and compiled expressions.</summary>
public sealed class CompiledRule
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);
    private readonly Regex[][] _triggers;
    private readonly Regex[] _unless;

    internal CompiledRule(RuleDefinition definition)
    {
        Definition = definition;
        _triggers = [.. definition.Triggers.Select(t => t.Select(p => Compile(definition.Id, p)).ToArray())];
        _unless = [.. definition.Unless.Select(p => Compile(definition.Id, p))];
    }

    public RuleDefinition Definition { get; }

    /// <summary>The first match of the rule in <paramref name="text"/>, or null when it does not fire.</summary>
    public Match? FirstMatch(string text)
    {
        if (_triggers.Length == 0 || _unless.Any(u => u.IsMatch(text)))
        {
            return null;
        }

        foreach (var alternative in _triggers)
        {
            Match? first = null;
            var all = true;
            foreach (var pattern in alternative)
            {
                var match = pattern.Match(text);
                if (!match.Success)
                {
                    all = false;
                    break;
                }

                first ??= match;
            }

            if (all && first is not null)
            {
                return first;
            }
        }

        return null;
    }

    private static Regex Compile(string ruleId, string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"Rule catalogue: rule '{ruleId}' has an invalid pattern '{pattern}': {ex.Message}", ex);
        }
    }
}

/// <summary>The versioned rule catalogue (data file <c>Ethics/rule-catalogue.json</c>, embedded) with compiled rules.</summary>
public sealed class RuleCatalogue
{
    private const string ResourceName = "AutomationScanner.Core.Ethics.rule-catalogue.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<RuleCatalogue> DefaultCatalogue = new(LoadEmbedded);

    private RuleCatalogue(string version, RegulatoryDates dates, IReadOnlyList<CompiledRule> rules, IReadOnlyDictionary<string, RuleDefinition> computed)
    {
        Version = version;
        Dates = dates;
        Rules = rules;
        ComputedRules = computed;
    }

    /// <summary>The catalogue shipped with the scanner.</summary>
    public static RuleCatalogue Default => DefaultCatalogue.Value;

    public string Version { get; }

    public RegulatoryDates Dates { get; }

    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>Rules evaluated in code (displacement, worker information, LLM flags), by kind.</summary>
    public IReadOnlyDictionary<string, RuleDefinition> ComputedRules { get; }

    public RuleDefinition Computed(RuleKind kind) =>
        ComputedRules.Values.FirstOrDefault(r => r.Kind == kind)
        ?? throw new InvalidOperationException($"Rule catalogue {Version} has no computed rule of kind {kind}.");

    /// <summary>Reads a catalogue; errors name the file and the rule.</summary>
    public static RuleCatalogue Load(Stream json, string sourceName)
    {
        CatalogueDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CatalogueDocument>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Rule catalogue {sourceName}: invalid JSON at line {ex.LineNumber + 1}: {ex.Message}", ex);
        }

        if (document is null || string.IsNullOrWhiteSpace(document.CatalogueVersion) || document.Dates is null)
        {
            throw new InvalidDataException($"Rule catalogue {sourceName}: 'catalogueVersion' and 'dates' are required.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in document.Rules.Concat(document.ComputedRules))
        {
            if (!ids.Add(rule.Id))
            {
                throw new InvalidDataException($"Rule catalogue {sourceName}: rule id '{rule.Id}' appears twice.");
            }
        }

        foreach (var rule in document.Rules.Where(r => r.Triggers.Count == 0 || r.Scope.Count == 0))
        {
            throw new InvalidDataException($"Rule catalogue {sourceName}: rule '{rule.Id}' needs 'scope' and 'triggers'.");
        }

        var computed = document.ComputedRules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var catalogue = new RuleCatalogue(
            document.CatalogueVersion,
            document.Dates,
            [.. document.Rules.Select(r => new CompiledRule(r))],
            computed);
        foreach (var kind in new[] { RuleKind.Displacement, RuleKind.WorkerInformation, RuleKind.LlmFlag })
        {
            _ = catalogue.Computed(kind);
        }

        return catalogue;
    }

    private static RuleCatalogue LoadEmbedded()
    {
        using var stream = typeof(RuleCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        return Load(stream, ResourceName);
    }

    private sealed record CatalogueDocument
    {
        public string CatalogueVersion { get; init; } = "";

        public RegulatoryDates? Dates { get; init; }

        public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];

        public IReadOnlyList<RuleDefinition> ComputedRules { get; init; } = [];
    }
}
