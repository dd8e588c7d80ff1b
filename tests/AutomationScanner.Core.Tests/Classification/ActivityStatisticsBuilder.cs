using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Classification;

/// <summary>A well-behaved activity by default: frequent, standardised, no rework, no automation yet.</summary>
internal static class ActivityStatisticsBuilder
{
    public static ActivityStatistics Standardised(string activity = "Enter invoice") => new()
    {
        Activity = activity,
        Events = 24_000,
        Executions = 12_000,
        Cases = 12_000,
        CaseCoverage = 1,
        ExecutionsPerWeek = 250,
        ExecutionsPerMonth = 1_000,
        ExecutionsByMonth = new Dictionary<string, long> { ["2024-01"] = 1_000 },
        ServiceTime = new DurationSummary(12_000, 600, 3_600, 7_200, 3_900),
        WaitingTime = DurationSummary.Empty,
        SelfLoops = 0,
        RepeatExecutions = 0,
        CasesWithRepeat = 0,
        ReworkRate = 0,
        FailureEvents = 0,
        FailureRate = 0,
        PredecessorEntropy = 0,
        SuccessorEntropy = 0,
        VariantShare = 0,
        DistinctResources = 50,
        Handovers = 0,
        AutomationRate = 0,
        OffHoursShare = 0,
        ExecutionsByResource = new Dictionary<string, long> { ["clerk-1"] = 12_000 },
    };
}
