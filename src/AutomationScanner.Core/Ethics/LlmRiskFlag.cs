namespace AutomationScanner.Core.Ethics;

/// <summary>
/// A risk raised by the LLM reviewer. Merging rule: an LLM flag can raise the rule-based tier and add
/// safeguards, but it never lowers the tier or removes a rule hit.
/// </summary>
public sealed record LlmRiskFlag(string Category, RiskTier Severity, string Rationale)
{
    /// <summary>The catalogue rule the LLM flagged (one of the task's candidate rules), or null for a free-form flag.</summary>
    public string? RuleId { get; init; }
}
