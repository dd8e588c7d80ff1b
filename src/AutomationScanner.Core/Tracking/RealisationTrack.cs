using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Tracking;

/// <summary>Realised versus estimated benefit of one opportunity marked piloting or automated, over the scans since its baseline.</summary>
public sealed record RealisationTrack
{
    public required string OpportunityId { get; init; }

    public required string Process { get; init; }

    public required string Task { get; init; }

    public required OpportunityStatus Status { get; init; }

    public required DateTimeOffset MarkedAt { get; init; }

    public required MarkBaseline Baseline { get; init; }

    /// <summary>Hours a year saved now: <see cref="FromAutomationRate"/> + <see cref="FromHandlingTime"/>; null when the task is not in this scan.</summary>
    public double? RealisedHoursPerYear { get; init; }

    /// <summary>executions/year now x (automation rate now - baseline rate) x baseline handling time.</summary>
    public double? FromAutomationRate { get; init; }

    /// <summary>manual executions/year now x (baseline handling time - handling time now); 0 unless both are measured service times.</summary>
    public double? FromHandlingTime { get; init; }

    /// <summary>Manual hours a year now minus at the baseline (volume changes included).</summary>
    public double? ManualHoursChange { get; init; }

    /// <summary>The baseline scan's estimate of the benefit (hours a year, P10 / P50 / P90).</summary>
    public required ValueRange EstimatedBenefitHours { get; init; }

    /// <summary>Realised / estimated P50.</summary>
    public double? RealisedShare { get; init; }

    /// <summary>Realised hours x the baseline's hourly cost.</summary>
    public double? RealisedMoneyPerYear { get; init; }

    public string? Currency { get; init; }

    /// <summary>"within the estimate", "below the estimate"...</summary>
    public required string Verdict { get; init; }

    /// <summary>How the figures were reached, in words.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The baseline first, then every scan since, oldest first.</summary>
    public required IReadOnlyList<RealisationPoint> Points { get; init; }
}
