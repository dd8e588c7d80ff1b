using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AutomationScanner.Core.Ethics;

/// <summary>The versioned rule catalogue (data file <c>Ethics/rule-catalogue.json</c>, embedded) with compiled rules.</summary>
public sealed class RuleCatalogue
{
    private const string ResourceName = "AutomationScanner.Core.Ethics.rule-catalogue.json";

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        TypeInfoResolver = CatalogueJsonContext.Default,
        Converters =
        {
            new JsonStringEnumConverter<RuleKind>(),
            new JsonStringEnumConverter<RiskTier>(),
            new JsonStringEnumConverter<EvidenceScope>(),
            new JsonStringEnumConverter<Safeguard>(),
        },
    };

    private static readonly JsonTypeInfo<CatalogueDocument> DocumentInfo = (JsonTypeInfo<CatalogueDocument>)JsonOptions.GetTypeInfo(typeof(CatalogueDocument));

    private static readonly Lazy<RuleCatalogue> DefaultCatalogue = new(LoadEmbedded);

    private RuleCatalogue(string version, RegulatoryDates dates, IReadOnlyList<CompiledRule> rules, IReadOnlyDictionary<string, RuleDefinition> computed, SemanticSettings semantic, IReadOnlyList<CompiledDomain> domains)
    {
        Version = version;
        Dates = dates;
        Rules = rules;
        ComputedRules = computed;
        Semantic = semantic;
        Domains = domains;
    }

    /// <summary>Thresholds and ordinary-work exemplars of the meaning-based matching.</summary>
    public SemanticSettings Semantic { get; }

    /// <summary>Process domains, their cues and the rules their steps inherit.</summary>
    public IReadOnlyList<CompiledDomain> Domains { get; }

    /// <summary>The same catalogue with other meaning-match settings (threshold calibration).</summary>
    public RuleCatalogue WithSemantic(SemanticSettings semantic) =>
        new(Version, Dates, Rules, ComputedRules, semantic ?? throw new ArgumentNullException(nameof(semantic)), Domains);

    /// <summary>A pattern rule by id, or null.</summary>
    public CompiledRule? Rule(string id) => Rules.FirstOrDefault(r => r.Definition.Id == id);

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
            document = JsonSerializer.Deserialize(json, DocumentInfo);
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

        foreach (var rule in document.Rules.Where(r => r.WithinRule is { } parent && !document.Rules.Any(d => d.Id == parent && d.Kind == RuleKind.HighRisk)))
        {
            throw new InvalidDataException($"Rule catalogue {sourceName}: rule '{rule.Id}' has 'withinRule' '{rule.WithinRule}', which is not an Annex III (HighRisk) rule of the catalogue.");
        }

        foreach (var rule in document.Rules.Where(r => r.WithinUses.Any(u => !document.Rules.Any(d => d.Id == u && d.Kind == RuleKind.HighRisk))))
        {
            throw new InvalidDataException($"Rule catalogue {sourceName}: rule '{rule.Id}' has a 'withinUses' entry that is not an Annex III (HighRisk) rule of the catalogue.");
        }

        foreach (var rule in document.Rules.Where(r => r.Sectors.Any(s => !document.Domains.Any(d => d.Id == s && !d.Additive))))
        {
            throw new InvalidDataException($"Rule catalogue {sourceName}: rule '{rule.Id}' names a sector that is not a domain of the catalogue ({string.Join(", ", rule.Sectors)}).");
        }

        foreach (var domain in document.Domains)
        {
            foreach (var inherited in domain.Inherit.Where(i => !document.Rules.Any(r => r.Id == i.Rule)))
            {
                throw new InvalidDataException($"Rule catalogue {sourceName}: domain '{domain.Id}' inherits unknown rule '{inherited.Rule}'.");
            }

            foreach (var excluded in domain.Excludes.SelectMany(e => e.Rules).Where(r => !document.Rules.Any(d => d.Id == r)))
            {
                throw new InvalidDataException($"Rule catalogue {sourceName}: domain '{domain.Id}' excludes unknown rule '{excluded}'.");
            }

            foreach (var within in domain.Within.Where(w => !document.Domains.Any(d => d.Id == w && !d.Additive)))
            {
                throw new InvalidDataException($"Rule catalogue {sourceName}: setting '{domain.Id}' is found within unknown domain '{within}'.");
            }
        }

        var computed = document.ComputedRules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var catalogue = new RuleCatalogue(
            document.CatalogueVersion,
            document.Dates,
            [.. document.Rules.Select(r => new CompiledRule(WithOperationsExclusion(r, document.InfrastructureOperations)))],
            computed,
            document.Semantic ?? new SemanticSettings(),
            [.. document.Domains.Select(d => new CompiledDomain(d))]);
        foreach (var kind in new[] { RuleKind.Displacement, RuleKind.WorkerInformation, RuleKind.LlmFlag })
        {
            _ = catalogue.Computed(kind);
        }

        return catalogue;
    }

    /// <summary>
    /// Annex III and Art. 22 rules do not fire on a task that operates the IT behind a use (backing up, restoring,
    /// patching or migrating a server, database or logs: "Back up the credit-scoring server"): that task runs the
    /// infrastructure, it neither assesses nor decides about a person. Added to each such rule's <c>unless</c>.
    /// </summary>
    private static RuleDefinition WithOperationsExclusion(RuleDefinition rule, string? operations) =>
        operations is { Length: > 0 } && rule.Kind is RuleKind.HighRisk or RuleKind.Gdpr22
            ? rule with { Unless = [.. rule.Unless, operations] }
            : rule;

    private static RuleCatalogue LoadEmbedded()
    {
        using var stream = typeof(RuleCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        return Load(stream, ResourceName);
    }

    /// <summary>The catalogue file as written (internal for <see cref="CatalogueJsonContext"/>).</summary>
    internal sealed record CatalogueDocument
    {
        public string CatalogueVersion { get; set; } = "";

        public RegulatoryDates? Dates { get; init; }

        public IReadOnlyList<RuleDefinition> Rules { get; set; } = [];

        public IReadOnlyList<RuleDefinition> ComputedRules { get; set; } = [];

        public SemanticSettings? Semantic { get; init; }

        /// <summary>A pattern for tasks that operate IT infrastructure; see <see cref="WithOperationsExclusion"/>.</summary>
        public string? InfrastructureOperations { get; init; }

        public IReadOnlyList<DomainDefinition> Domains { get; set; } = [];
    }
}
