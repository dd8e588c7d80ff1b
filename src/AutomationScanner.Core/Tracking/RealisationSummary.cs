namespace AutomationScanner.Core.Tracking;

/// <summary>The report's realised-benefit section.</summary>
public sealed record RealisationSummary
{
    public IReadOnlyList<StatusEntry> Statuses { get; set; } = [];

    public IReadOnlyList<RealisationTrack> Tracks { get; set; } = [];

    /// <summary>Sum of realised hours a year over the tracks measured in this scan.</summary>
    public double RealisedHoursPerYear { get; init; }

    /// <summary>Sum of the estimated benefit (P50) of the same tracks.</summary>
    public double EstimatedBenefitHoursPerYear { get; init; }

    public string Method { get; set; } = RealisationTracker.Method;
}
