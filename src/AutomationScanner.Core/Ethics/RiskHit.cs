namespace AutomationScanner.Core.Ethics;

/// <summary>
/// One rule that fired for a task. <c>Applied</c> is false when the hit is recorded but does not set the
/// tier (an Annex III hit lifted by Art. 6(3), an LLM flag below the rule tier).
/// </summary>
public sealed record RiskHit(
    string RuleId,
    string Title,
    RuleKind Kind,
    RiskTier Tier,
    string Clause,
    EvidenceSpan Evidence,
    IReadOnlyList<Safeguard> Safeguards,
    bool Applied = true,
    string? Note = null);
