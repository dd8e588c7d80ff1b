using System.ComponentModel.DataAnnotations;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Scanning;

/// <summary>Everything the judgement stage of a scan can be configured with (value, ranking, risk, privacy).</summary>
public sealed class ScoringOptions
{
    public const string SectionName = "Scoring";

    public ValueOptions Value { get; set; } = new();

    public RankingOptions Ranking { get; set; } = new();

    public RiskScreenOptions Risk { get; set; } = new();

    /// <summary>
    /// Weight of the LLM's suitability (a validated 0..1 second opinion) in the task's suitability; the model and
    /// process criteria keep the rest. It bounds what any LLM answer, or text injected into one, can move.
    /// </summary>
    [Range(0d, 1d)]
    public double LlmSuitabilityWeight { get; set; } = 0.3;

    /// <summary>
    /// Key of the resource pseudonyms. Set one secret per engagement: the same key keeps pseudonyms stable across
    /// rescans, and without it nobody can map a pseudonym back by hashing guessed user names.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string PseudonymKey { get; set; } = "automation-scanner";

    /// <summary>
    /// Activity-kind overrides, each <c>activity=kind</c> or <c>process::activity=kind</c> (kinds: work, decision,
    /// requester, system, state, measurement, wait, external), e.g. <c>A_SUBMITTED=system</c>. An override wins over
    /// every inferred signal and is stated in the evidence. Same syntax as the CLI's repeatable <c>--kind</c>.
    /// </summary>
    public List<string> KindOverrides { get; set; } = [];
}
