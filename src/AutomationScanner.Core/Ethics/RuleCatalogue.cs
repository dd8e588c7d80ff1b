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

    /// <summary>
    /// For matches by meaning: a pattern the text must also contain, the legal element the practice needs (the
    /// workplace or school for Art. 5(1)(f), "real time" for Art. 5(1)(h)). Pattern matches do not need it.
    /// </summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>
    /// The practice's legal elements, written from the article or Annex III point (for Art. 5(1)(a): a manipulative or
    /// deceptive technique and a distorted decision): alternatives, each a list of patterns that must all match one
    /// text. A text that has every element of one alternative needs only the lower element threshold to fire by
    /// meaning, and the nearest-rule competition is waived: the elements, not the wording, carry the match.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Elements { get; init; } = [];

    /// <summary>The legal reference in the evaluation set's vocabulary ("AIA III 5(b)", "GDPR 22").</summary>
    public string Ref { get; init; } = "";

    /// <summary>Descriptions of the practice written from the legal text; tasks are matched to them by meaning.</summary>
    public IReadOnlyList<string> Exemplars { get; init; } = [];
}

/// <summary>How meaning-based matches fire: a threshold per tier, and the margin over ordinary work.</summary>
public sealed record SemanticSettings
{
    public IReadOnlyDictionary<RiskTier, double> Thresholds { get; init; } = new Dictionary<RiskTier, double>();

    /// <summary>The best rule exemplar must beat the nearest ordinary-work exemplar by this much.</summary>
    public double Margin { get; init; }

    /// <summary>A rule fires by meaning only when its similarity is within this distance of the nearest rule's.</summary>
    public double Competition { get; init; } = 1.0;

    /// <summary>Descriptions of ordinary work that carries no risk: the counterweight to the rule exemplars.</summary>
    public IReadOnlyList<string> MinimalExemplars { get; init; } = [];

    public double Threshold(RiskTier tier) => Thresholds.TryGetValue(tier, out var value) ? value : 1.0;

    /// <summary>
    /// Lower thresholds for a text that has every legal element of the rule (asymmetric: rating a Prohibited or High
    /// practice lower costs more than rating ordinary work higher). Without an entry the tier's threshold applies.
    /// </summary>
    public IReadOnlyDictionary<RiskTier, double> ElementThresholds { get; init; } = new Dictionary<RiskTier, double>();

    public double ElementThreshold(RiskTier tier) => ElementThresholds.TryGetValue(tier, out var value) ? value : Threshold(tier);

    /// <summary>
    /// The lowest similarity at which a text that has every legal element of a Prohibited or High rule fires it when that
    /// rule is also the nearest in meaning of all rules (and beats ordinary work by the margin): the words name each
    /// element and no other rule reads closer, even where the model places a paraphrase far from every exemplar.
    /// Without a value (1.0) only the element threshold applies.
    /// </summary>
    public double NearestElementThreshold { get; init; } = 1.0;

    /// <summary>
    /// A legal element counts as present by meaning when a word or adjacent word pair of the text has at least this
    /// similarity to one of the element's seed words (<see cref="ElementSeeds"/>); 1.0 (the default) switches it off.
    /// </summary>
    public double ElementWordThreshold { get; init; } = 1.0;

    /// <summary>How many legal elements of one alternative may be found by meaning; the others need their pattern.</summary>
    public int MaxElementsByMeaning { get; init; } = 1;
}

/// <summary>A cue of a process domain: a pattern over activity, attribute and document text, with a weight.</summary>
public sealed record DomainCue(string Pattern, double Weight);

/// <summary>
/// A rule that the steps of a domain inherit: <c>when</c> is <c>any</c>, <c>decision</c>, <c>contact</c> or a pattern
/// over the normalised step name.
/// </summary>
public sealed record DomainInheritance(string When, string Rule, string Note);

/// <summary>A process domain (lending, healthcare...) as written in the catalogue.</summary>
public sealed record DomainDefinition
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Appended to a step name to embed it in its context ("in a consumer loan ... process").</summary>
    public string Phrase { get; init; } = "";

    public IReadOnlyList<DomainCue> Cues { get; init; } = [];

    public IReadOnlyList<string> Exemplars { get; init; } = [];

    public IReadOnlyList<DomainInheritance> Inherit { get; init; } = [];
}

/// <summary>A domain with compiled cue and inheritance patterns.</summary>
public sealed class CompiledDomain
{
    internal CompiledDomain(DomainDefinition definition)
    {
        Definition = definition;
        Cues = [.. definition.Cues.Select(c => (CompiledRule.Compile(definition.Id, c.Pattern), c.Weight))];
        Inherit = [.. definition.Inherit.Select(i => (i, i.When is "any" or "decision" or "contact" ? null : CompiledRule.Compile(definition.Id, i.When)))];
    }

    public DomainDefinition Definition { get; }

    public IReadOnlyList<(Regex Pattern, double Weight)> Cues { get; }

    public IReadOnlyList<(DomainInheritance Rule, Regex? Pattern)> Inherit { get; }
}

/// <summary>A pattern rule ready to run: its definition and compiled expressions.</summary>
public sealed class CompiledRule
{
    // Wall-clock: on a loaded machine (or a throttled instance) 250 ms fired on ordinary task names and failed the scan.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private readonly Regex[][] _triggers;
    private readonly Regex[] _unless;

    internal CompiledRule(RuleDefinition definition)
    {
        Definition = definition;
        _triggers = [.. definition.Triggers.Select(t => t.Select(p => Compile(definition.Id, p)).ToArray())];
        _unless = [.. definition.Unless.Select(p => Compile(definition.Id, p))];
        _requires = [.. definition.Requires.Select(p => Compile(definition.Id, p))];
        _elements = [.. definition.Elements.Select(a => a.Select(p => Compile(definition.Id, p)).ToArray())];
    }

    private readonly Regex[] _requires;
    private readonly Regex[][] _elements;

    /// <summary>Whether <paramref name="text"/> has every legal element of one of the rule's element alternatives.</summary>
    public bool HasAllElements(string text) => _elements.Any(alternative => alternative.All(r => r.IsMatch(text)));

    /// <summary>Whether element <paramref name="element"/> of alternative <paramref name="alternative"/> matches <paramref name="text"/> by its pattern.</summary>
    public bool HasElement(int alternative, int element, string text) => _elements[alternative][element].IsMatch(text);

    /// <summary>
    /// Whether a text matched by meaning has every legal element the rule requires (its <c>requires</c> patterns, or
    /// every element of one of its element alternatives, which are the fuller statement of the same elements), and
    /// neither it nor the whole text it was cut from has an exclusion.
    /// </summary>
    public bool AdmitsMeaningMatch(string text, string whole) => AdmitsMeaningMatch(text, whole, HasAllElements(text));

    /// <summary>As <see cref="AdmitsMeaningMatch(string, string)"/>, with the elements already judged (by pattern or by meaning).</summary>
    public bool AdmitsMeaningMatch(string text, string whole, bool hasAllElements) =>
        !IsExcluded(text) && !IsExcluded(whole) && (hasAllElements || _requires.All(r => r.IsMatch(text)));

    public RuleDefinition Definition { get; }

    /// <summary>Whether an <c>unless</c> pattern (the medical exception, a legal person) stops the rule on this text.</summary>
    public bool IsExcluded(string text) => _unless.Any(u => u.IsMatch(text));

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

    internal static Regex Compile(string ruleId, string pattern)
    {
        try
        {
            return new Regex(SpellingTolerant(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"Rule catalogue: rule '{ruleId}' has an invalid pattern '{pattern}': {ex.Message}", ex);
        }
    }
    /// <summary>
    /// The pattern made indifferent to how compounds are written: a literal space between two letters of the pattern
    /// also matches a hyphen, an underscore or nothing ("trade union" matches "trade-union", "trade_union" and
    /// "tradeunion"), and a literal hyphen between letters (optional or not) also matches a space, an underscore or
    /// nothing ("e-?mail" matches "e mail"). Character classes and escapes are left as written. One word, a hyphen or a
    /// log's underscores then never decide whether a rule fires.
    /// </summary>
    internal static string SpellingTolerant(string pattern)
    {
        var builder = new System.Text.StringBuilder(pattern.Length + 32);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                builder.Append(c);
                continue;
            }

            var afterLetter = i > 0 && char.IsLetter(pattern[i - 1]) && (i < 2 || pattern[i - 2] != '\\');
            if (c == ' ' && afterLetter && i + 1 < pattern.Length && char.IsLetter(pattern[i + 1]))
            {
                builder.Append(@"[\s_-]*");
                continue;
            }

            if (c == '-' && afterLetter && i + 1 < pattern.Length && (char.IsLetter(pattern[i + 1]) || pattern[i + 1] == '?'))
            {
                builder.Append(@"[\s_-]?");
                if (pattern[i + 1] == '?')
                {
                    i++;
                }

                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
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

        foreach (var domain in document.Domains)
        {
            foreach (var inherited in domain.Inherit.Where(i => !document.Rules.Any(r => r.Id == i.Rule)))
            {
                throw new InvalidDataException($"Rule catalogue {sourceName}: domain '{domain.Id}' inherits unknown rule '{inherited.Rule}'.");
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

    private sealed record CatalogueDocument
    {
        public string CatalogueVersion { get; init; } = "";

        public RegulatoryDates? Dates { get; init; }

        public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];

        public IReadOnlyList<RuleDefinition> ComputedRules { get; init; } = [];

        public SemanticSettings? Semantic { get; init; }

        /// <summary>A pattern for tasks that operate IT infrastructure; see <see cref="WithOperationsExclusion"/>.</summary>
        public string? InfrastructureOperations { get; init; }

        public IReadOnlyList<DomainDefinition> Domains { get; init; } = [];
    }
}
