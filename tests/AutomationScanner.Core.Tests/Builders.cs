using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Tests;

/// <summary>Small builders for domain objects used across test classes.</summary>
internal static class Builders
{
    public static TaskCandidate Task(string name, string process = "p2p", params string[] statements)
    {
        var candidate = new TaskCandidate(name, process);
        var line = 1;
        foreach (var text in statements)
        {
            candidate.Statements.Add(new TaskStatement { Text = text, SourceFile = "sop.md", Line = line++ });
        }

        return candidate;
    }

    /// <summary>A workload index using the default value model's median handling time (5 min when the log has none).</summary>
    public static WorkloadIndex Workload(IEnumerable<TaskCandidate> candidates)
    {
        var estimator = new ValueEstimator(new ValueOptions());
        return WorkloadIndex.Build(candidates, c => estimator.Handling(c).Seconds.P50);
    }

    public static TaskCandidate WithStatement(this TaskCandidate candidate, TaskStatement statement)
    {
        candidate.Statements.Add(statement);
        return candidate;
    }

    public static ActivityStatistics Stats(
        string activity,
        long executions = 1000,
        double executionsPerWeek = 100,
        DurationSummary? serviceTime = null,
        IReadOnlyDictionary<string, long>? byResource = null,
        double predecessorEntropy = 0,
        double successorEntropy = 0,
        double automationRate = 0)
    {
        return new ActivityStatistics
        {
            Activity = activity,
            Events = executions,
            Executions = executions,
            Cases = executions,
            CaseCoverage = 1,
            ExecutionsPerWeek = executionsPerWeek,
            ExecutionsPerMonth = executionsPerWeek * 52 / 12,
            ExecutionsByMonth = new Dictionary<string, long>(),
            ServiceTime = serviceTime ?? DurationSummary.Empty,
            WaitingTime = DurationSummary.Empty,
            SelfLoops = 0,
            RepeatExecutions = 0,
            CasesWithRepeat = 0,
            ReworkRate = 0,
            FailureEvents = 0,
            FailureRate = 0,
            PredecessorEntropy = predecessorEntropy,
            SuccessorEntropy = successorEntropy,
            VariantShare = 0.1,
            DistinctResources = byResource?.Count ?? 0,
            Handovers = 0,
            AutomationRate = automationRate,
            OffHoursShare = 0,
            ExecutionsByResource = byResource ?? new Dictionary<string, long>(),
        };
    }
}
