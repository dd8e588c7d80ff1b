namespace AutomationScanner.Core.Tracking;

/// <summary>A marked task as one scan measured it.</summary>
/// <param name="ScanId">The scan.</param>
/// <param name="GeneratedAt">When it ran.</param>
/// <param name="Observed">False when the task was not in that scan (no executions exported).</param>
/// <param name="AutomationRate">Share of executions by bots or systems.</param>
/// <param name="ExecutionsPerYear">Executions a year, extrapolated from the scan's log.</param>
/// <param name="ManualHoursPerYear">Manual hours a year (P50).</param>
/// <param name="HandlingSeconds">Seconds one execution takes (P50).</param>
/// <param name="RealisedHoursPerYear">Hours a year saved against the baseline, at this scan's volume.</param>
public sealed record RealisationPoint(
    string ScanId,
    DateTimeOffset? GeneratedAt,
    bool Observed,
    double? AutomationRate,
    double? ExecutionsPerYear,
    double? ManualHoursPerYear,
    double? HandlingSeconds,
    double? RealisedHoursPerYear);
