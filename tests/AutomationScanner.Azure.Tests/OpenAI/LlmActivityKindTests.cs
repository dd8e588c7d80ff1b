using System.Globalization;
using System.Text;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Testing.Llm;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Azure.Tests.OpenAI;

/// <summary>
/// The LLM's activityKind vote, end to end: the real Azure.AI.OpenAI client against the loopback protocol server, the
/// validated field through the scan pipeline into each activity's kind evidence. One vote, never the only source.
/// </summary>
public sealed class LlmActivityKindTests : IAsyncLifetime
{
    private LoopbackAzureOpenAI _llm = null!;

    public async ValueTask InitializeAsync() => _llm = await LoopbackAzureOpenAI.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _llm.DisposeAsync();

    [Fact]
    public async Task RunAsync_LlmVotesOnKinds_TipsOnlyWhereTheExportAgreesAndIsShownAsEvidence()
    {
        var ct = TestContext.Current.CancellationToken;
        var log = WriteLog();
        var votes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Open case"] = "work",
            ["Prepare letter"] = "state",        // nothing in the export says state: shown, not counted
            ["Wait for documents"] = "work",     // the name says waiting: the LLM does not overturn it
            ["Sync ledger"] = "system",          // runs at all hours: a weak system signal the vote tips
        };
        _llm.Server.Reply = request => FakeReply.Completion(FakeAnswers.ValidFor(request.UserMessage,
            activityKind: task => votes.GetValueOrDefault(task["task"]!.GetValue<string>())));

        var withLlm = await Pipeline(Assessor()).RunAsync([ScanInput.FromFile(log)], "llm", ct);
        var offline = await Pipeline(null).RunAsync([ScanInput.FromFile(log)], "offline", ct);

        var request = Assert.Single(_llm.Server.Received);
        var schemaItem = request.Json["response_format"]!["json_schema"]!["schema"]!["properties"]!["assessments"]!["items"]!;
        Assert.Contains("activityKind", schemaItem["required"]!.AsArray().Select(n => n!.GetValue<string>()));

        // Tipped: the log's own timing evidence points to system, too weak alone; with the LLM's vote it decides.
        Assert.Equal(ActivityKind.Work, Kind(offline, "Sync ledger"));
        var sync = Assert.Single(withLlm.Context, c => c.Task == "Sync ledger");
        Assert.Equal(ActivityKind.System, sync.Kind);
        Assert.Contains(sync.KindEvidence, e => e.Source == KindSignalSources.Llm && e.Kind == ActivityKind.System && e.Weight > 0);
        Assert.Contains(sync.KindEvidence, e => e.Source == KindSignalSources.Timing && e.Kind == ActivityKind.System);
        Assert.DoesNotContain(withLlm.Opportunities, o => o.Task == "Sync ledger");

        // Alone: the vote is shown with weight 0 and the activity stays what the export says.
        var letter = Assert.Single(withLlm.Opportunities, o => o.Task == "Prepare letter");
        Assert.Equal(ActivityKind.Work, letter.Kind);
        var shown = Assert.Single(letter.KindEvidence, e => e.Source == KindSignalSources.Llm);
        Assert.Equal((ActivityKind.State, 0.0), (shown.Kind, shown.Weight));
        Assert.Contains("not counted", shown.Description, StringComparison.Ordinal);

        // Against the export's evidence: waiting stays waiting.
        Assert.Equal(ActivityKind.Wait, Kind(withLlm, "Wait for documents"));
        Assert.Equal(ActivityKind.Work, Kind(withLlm, "Open case"));
    }

    private static ActivityKind Kind(ScanReport report, string task) =>
        report.Opportunities.FirstOrDefault(o => o.Task == task)?.Kind ?? Assert.Single(report.Context, c => c.Task == task).Kind;

    private static ScanPipeline Pipeline(ITaskAssessor? assessor) =>
        new(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance, assessor: assessor);

    private LlmTaskAssessor Assessor() => _llm.Assessor(_llm.Options(o =>
    {
        o.MaxRetries = 1;
        o.MaxRetryDelay = TimeSpan.FromSeconds(1);
        o.RequestTimeout = TimeSpan.FromSeconds(20);
    }));

    /// <summary>72 cases: four people open, write, wait; "Sync ledger" runs the next day at every hour, night included.</summary>
    private string WriteLog()
    {
        var csv = new StringBuilder("case,activity,timestamp,resource\n");
        var day = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 72; i++)
        {
            var start = day.AddDays(i / 3).AddMinutes(i % 3 * 90);
            var who = "clerk" + (i % 4).ToString(CultureInfo.InvariantCulture);
            Row(csv, i, "Open case", start, who);
            Row(csv, i, "Prepare letter", start.AddMinutes(25), who);
            Row(csv, i, "Wait for documents", start.AddMinutes(40), who);
            Row(csv, i, "Sync ledger", new DateTimeOffset(start.Date.AddDays(1).AddHours(i % 24).AddMinutes(7), TimeSpan.Zero), who);
        }

        var path = Path.Combine(_llm.Folder, "claims.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private static void Row(StringBuilder csv, int i, string activity, DateTimeOffset at, string who) =>
        csv.Append(CultureInfo.InvariantCulture, $"C{i},{activity},{at:yyyy-MM-ddTHH:mm:ssK},{who}\n");
}
