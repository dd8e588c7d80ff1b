using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Tracking;

/// <summary>
/// The task as the scan saw it when it was first marked piloting or automated: every later scan measures the
/// realised benefit against this.
/// </summary>
public sealed record MarkBaseline
{
    public required string ScanId { get; init; }

    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>Share of executions by bots or systems, 0..1; null when the task had no log.</summary>
    public double? AutomationRate { get; init; }

    public required double ExecutionsPerYear { get; init; }

    /// <summary>Manual hours a year (P50).</summary>
    public required double ManualHoursPerYear { get; init; }

    /// <summary>Seconds one execution takes (P50).</summary>
    public required double HandlingSeconds { get; init; }

    public string? HandlingBasis { get; init; }

    /// <summary>The benefit the scan estimated (hours a year, P10 / P50 / P90).</summary>
    public required ValueRange EstimatedBenefitHours { get; init; }

    /// <summary>Fully loaded hourly cost then, to put realised hours in money.</summary>
    public double? HourlyCost { get; init; }

    public string? Currency { get; init; }
}
