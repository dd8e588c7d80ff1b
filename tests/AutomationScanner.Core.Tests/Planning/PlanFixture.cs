using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Planning;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Tests.Planning;

/// <summary>Opportunities through the real screen, value model, ranker and cost model, as the pipeline builds them.</summary>
internal static class PlanFixture
{
    public static List<Opportunity> Opportunities(ValueOptions options, params (string Task, string Text, long Executions, double MedianSeconds)[] tasks)
    {
        var candidates = new List<TaskCandidate>();
        foreach (var (task, text, executions, seconds) in tasks)
        {
            var candidate = text.Length == 0 ? new TaskCandidate(task, "p2p") : Builders.Task(task, "p2p", text);
            candidate.Statistics = Builders.Stats(task, executions: executions, executionsPerWeek: executions / 52.0,
                serviceTime: new DurationSummary(executions, seconds / 4, seconds * 0.8, seconds * 2, seconds),
                byResource: new Dictionary<string, long> { ["u1"] = executions / 2, ["u2"] = executions - (executions / 2) });
            candidates.Add(candidate);
        }

        var estimator = new ValueEstimator(options);
        var pseudonymizer = new ResourcePseudonymizer("plan");
        var context = new RiskContext(WorkloadIndex.Build(candidates, c => estimator.Handling(c).Seconds.P50), pseudonymizer);
        var screen = new RiskScreen();
        var costs = new CostEstimator(options);
        return [.. new OpportunityRanker(new RankingOptions(), options)
            .Rank(candidates.Select(c => new RankingInput(c, estimator.Estimate(c, 0.8), screen.Assess(c, context))))
            .Select(r =>
            {
                var o = Opportunity.From(r, pseudonymizer);
                o.Cost = costs.Estimate(r.Candidate, r.Value, r.Risk);
                return o;
            })];
    }

    public static ScanReport Report(List<Opportunity> opportunities, ValueOptions options, EngagementMarks? marks = null, string scanId = "scan-1") => new()
    {
        ScanId = scanId,
        GeneratedAt = new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero),
        Inputs = [new InputOutcome("p2p.csv", "event-log", true, null)],
        Processes = [],
        Opportunities = opportunities,
        ScoreDescription = ScanPipeline.ScoreDescription,
        Assumptions = [],
        ValueAssumptions = ValueAssumptions.From(options),
        RuleCatalogueVersion = RuleCatalogue.Default.Version,
        RegulatoryDates = RuleCatalogue.Default.Dates,
        Roadmap = new RoadmapBuilder(options).Build(opportunities, marks),
    };
}
