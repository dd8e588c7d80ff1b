using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Scanning;

namespace AutomationScanner.Core.Tests.Reporting;

/// <summary>Builds reports through the real screen, value model and ranker, as the pipeline does.</summary>
internal static class SampleReport
{
    public const string RealResourceName = "alice.smith@example.com";

    public static readonly (string Task, string Text, long Executions)[] DefaultTasks =
    [
        ("Post invoice", "Post the invoice in the ERP", 5_000),
        ("=HYPERLINK(\"http://evil.example\",\"click\")", "Copy the credit note number", 3_000),
        ("Agent mood scoring", "Score the emotions of call-centre agents from their voice", 20_000),
        ("Credit check <script>alert(1)</script>", "Assess creditworthiness of loan applicants", 4_000),
        ("-2+3", "Archive the file", 200),
        ("@SUM(A1:A9)", "Print the label", 800),
        ("Pipe | and [link](http://x.example)", "Stamp the form", 100),
    ];

    public static ScanReport Build(string scanId = "scan-1", IEnumerable<(string Task, string Text, long Executions)>? tasks = null)
    {
        var candidates = new List<TaskCandidate>();
        foreach (var (task, text, executions) in tasks ?? DefaultTasks)
        {
            var candidate = Builders.Task(task, "p2p", text);
            candidate.Statistics = Builders.Stats(task, executions: executions, executionsPerWeek: executions / 52.0,
                serviceTime: new DurationSummary(executions, 60, 240, 600, 300),
                byResource: new Dictionary<string, long> { [RealResourceName] = executions / 2, ["u2"] = executions - (executions / 2) });
            candidates.Add(candidate);
        }

        var options = new ValueOptions();
        var estimator = new ValueEstimator(options);
        var pseudonymizer = new ResourcePseudonymizer("sample");
        var context = new RiskContext(WorkloadIndex.Build(candidates, c => estimator.Handling(c).Seconds.P50), pseudonymizer);
        var screen = new RiskScreen();
        var ranked = new OpportunityRanker(new RankingOptions(), options)
            .Rank(candidates.Select(c => new RankingInput(c, estimator.Estimate(c, 0.8), screen.Assess(c, context))));
        return new ScanReport
        {
            ScanId = scanId,
            GeneratedAt = new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero),
            Inputs = [new InputOutcome("p2p.csv", "event-log", true, null)],
            Processes = [],
            Opportunities = [.. ranked.Select(r => Opportunity.From(r, pseudonymizer))],
            ScoreDescription = ScanPipeline.ScoreDescription,
            Assumptions = ["Test assumption."],
            ValueAssumptions = ValueAssumptions.From(options),
            RuleCatalogueVersion = RuleCatalogue.Default.Version,
            RegulatoryDates = RuleCatalogue.Default.Dates,
        };
    }

    public static async Task<PreviousReport> RoundTripAsync(ScanReport report, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await ReportJson.WriteAsync(report, stream, cancellationToken);
        stream.Position = 0;
        return await PreviousReport.ReadAsync(stream, "previous.json", cancellationToken);
    }
}
