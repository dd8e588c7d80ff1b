namespace AutomationScanner.Core.Ethics;

/// <summary>Key dates of the rule set, exactly as the reference states them.</summary>
public sealed record RegulatoryDates(
    DateOnly AiActArt5AppliesFrom,
    DateOnly AiActAnnexIIIAppliesFromAct,
    DateOnly AiActAnnexIIIAppliesFromOmnibusAgreement,
    string OmnibusStatus);
