namespace AutomationScanner.Core.Ethics;

/// <summary>The outcome of the screen for one task.</summary>
public sealed record RiskAssessment(
    RiskTier Tier,
    RiskTier RuleTier,
    IReadOnlyList<RiskHit> Hits,
    IReadOnlyList<Safeguard> Safeguards,
    DisplacementEstimate Displacement,
    IReadOnlyList<LlmRiskFlag> LlmFlags,
    IReadOnlyList<string> Notes,
    string CatalogueVersion)
{
    /// <summary>The domain of the task's process (lending, healthcare...), when one was inferred.</summary>
    public string? Domain { get; init; }

    public bool IsProhibited => Tier == RiskTier.Prohibited;
}
