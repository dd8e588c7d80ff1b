namespace AutomationScanner.Core.Classification;

/// <summary>A feature of the input text and what it added to the automation score (expected rating / 4).</summary>
public sealed record TextFeatureContribution(string Feature, double Contribution);
