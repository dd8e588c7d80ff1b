using System.Globalization;
using System.Text;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Core.Tracking;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Tests.Tracking;

/// <summary>
/// The shipped receipt log (WABO, 8,577 events, Oct 2010 - Jan 2012) split by the month each case started into
/// successive exports, each named for its period as clients name weekly exports (receipt-2010-12.csv, a dated folder,
/// receipt (Apr 2011).csv...): the ids must not depend on the period in the name. From March 2011 a growing share of
/// "T05 Print and send confirmation of receipt" moves to a bot resource: a quarter of the cases, then half, three
/// quarters, all. The rescans must report the rising automation rate and the realised hours of that task only.
/// </summary>
public sealed class RealisationOnRealLogTests
{
    private const string Task = "T05 Print and send confirmation of receipt";
    private const string Bot = "RPA-Bot-01";
    private static readonly string[] Months = ["2010-12", "2011-01", "2011-02", "2011-03", "2011-04", "2011-05", "2011-06"];

    /// <summary>The name each period's export arrives under: a different period pattern every time.</summary>
    private static readonly Dictionary<string, string> FileNames = new(StringComparer.Ordinal)
    {
        ["2010-12"] = "receipt-2010-12.csv",
        ["2011-01"] = "receipt 2011 week 04.csv",
        ["2011-02"] = "2011-02-28/receipt.csv",
        ["2011-03"] = "receipt_20110301_to_20110331.csv",
        ["2011-04"] = "receipt (Apr 2011).csv",
        ["2011-05"] = "receipt-201105.csv",
        ["2011-06"] = "receipt 2011-W26.csv",
    };

    [Fact]
    public async Task Rescans_TaskMovingToABot_ReportRisingAutomationRateAndRealisedHours()
    {
        var ct = TestContext.Current.CancellationToken;
        var exports = MonthlyExports(botFrom: "2011-03");
        var pipeline = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance);
        var store = new LocalOpportunityStatusStore(Path.Combine(Path.GetTempPath(), "realisation-tests", Guid.NewGuid().ToString("N")));

        var baseline = await pipeline.RunAsync([Export(exports[Months[0]], FileNames[Months[0]])], "scan-" + Months[0], null, null, logMiner: null, ct);
        var t05 = Assert.Single(baseline.Opportunities, o => o.Task == Task);
        Assert.Equal(TaskCandidate.StableId("receipt", Task), t05.Id);
        Assert.Equal(0, t05.Statistics!.AutomationRate);
        await store.MarkAsync("wabo", new MarkRequest(t05.Id, OpportunityStatus.Automated, By: "consultant"), baseline.ToBaseline(), baseline.GeneratedAt, ct);

        var reports = new List<ScanReport> { baseline };
        foreach (var month in Months.Skip(1))
        {
            var previous = await Reread(reports[^1], ct);
            reports.Add(await pipeline.RunAsync([Export(exports[month], FileNames[month])], "scan-" + month, previous, await store.ReadAsync("wabo", ct), logMiner: null, ct));
        }

        // The id is the same in every scan, whatever period the file name carries: the tracker finds the task in each export, as an opportunity or, once a
        // bot does most of it, as a system step reported as context.
        Assert.All(reports, r => Assert.Single(
            r.Opportunities.Select(o => (o.Id, o.Task)).Concat(r.Context.Select(c => (c.Id, c.Task))), x => x.Id == t05.Id && x.Task == Task));
        Assert.All(reports, r => Assert.Equal("receipt", Assert.Single(r.Processes).Process));
        Assert.Contains(reports[^1].Context, c => c.Id == t05.Id && c.Kind == ActivityKind.System);
        var last = reports[^1];
        var track = Assert.Single(last.Realisation!.Tracks);
        Assert.Equal(t05.Id, track.OpportunityId);
        Assert.Equal(Months.Select(m => "scan-" + m), track.Points.Select(p => p.ScanId));
        var rates = track.Points.Select(p => p.AutomationRate!.Value).ToList();
        Assert.Equal([0, 0, 0], rates.Take(3));
        Assert.InRange(rates[3], 0.1, 0.4);
        Assert.InRange(rates[4], 0.35, 0.65);
        Assert.InRange(rates[5], 0.6, 0.9);
        Assert.Equal(1, rates[6]);
        Assert.Equal(rates.Order(), rates);

        var realised = track.Points.Select(p => p.RealisedHoursPerYear!.Value).ToList();
        Assert.Equal([0, 0, 0], realised.Take(3));
        Assert.True(realised[6] > realised[3] && realised[3] > 0, string.Join(", ", realised));
        var now = Assert.Single(last.Context, o => o.Id == t05.Id);
        Assert.Equal(now.ExecutionsPerYear * 1.0 * t05.HandlingSeconds / 3600, track.RealisedHoursPerYear!.Value, 6);
        Assert.Equal(0, track.Points[^1].ManualHoursPerYear);
        Assert.True(track.ManualHoursChange < 0);
        Assert.Equal(t05.Value.BenefitHours, track.EstimatedBenefitHours);
        Assert.NotNull(track.RealisedShare);

        // Only the marked task moved: another task of the same exports stays manual and untracked.
        var t02 = Assert.Single(last.Opportunities, o => o.Task == "T02 Check confirmation of receipt");
        Assert.Equal(0, t02.Statistics!.AutomationRate);

        // The plan leaves the automated task out; the reports show the history.
        Assert.DoesNotContain(last.Roadmap!.Phases.SelectMany(p => p.Items), i => i.OpportunityId == t05.Id);
        var html = HtmlReportWriter.Render(last);
        Assert.Contains("class=\"realisation-chart\" data-id=\"" + t05.Id + "\"", html, StringComparison.Ordinal);
        Assert.Equal(Months.Length, CountOf(html, "<circle class=\"realised\""));
        var markdown = MarkdownReportWriter.Render(last);
        Assert.Contains("| scan-2011-06 | 100.0 % |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scans_LogSplitIntoTwoPeriods_KeepEveryCommonTaskId()
    {
        var ct = TestContext.Current.CancellationToken;
        var (header, rows) = ReadReceipt();
        var starts = CaseStarts(rows);
        var cut = new DateTimeOffset(2011, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var first = Csv(header, rows.Where(r => starts[r[1]] < cut));
        var second = Csv(header, rows.Where(r => starts[r[1]] >= cut));
        var pipeline = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance);

        var before = await pipeline.RunAsync([Export(first)], "p1", null, null, logMiner: null, ct);
        var after = await pipeline.RunAsync([Export(second)], "p2", await Reread(before, ct), null, logMiner: null, ct);

        var common = before.Opportunities.Select(o => o.Task).Intersect(after.Opportunities.Select(o => o.Task)).ToList();
        Assert.True(common.Count >= 10, $"{common.Count} tasks in both periods");
        foreach (var task in common)
        {
            Assert.Equal(before.Opportunities.Single(o => o.Task == task).Id, after.Opportunities.Single(o => o.Task == task).Id);
        }

        Assert.All(after.Diff!.New, n => Assert.DoesNotContain(n.Task, common));
        Assert.All(after.Diff!.Dropped, d => Assert.DoesNotContain(d.Task, common));
    }

    /// <summary>A report as the next scan reads it: written to JSON and read back.</summary>
    private static async Task<PreviousReport> Reread(ScanReport report, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await ReportJson.WriteAsync(report, buffer, ct);
        buffer.Position = 0;
        return await PreviousReport.ReadAsync(buffer, report.ScanId, ct);
    }

    private static ScanInput Export(byte[] csv, string name = "receipt.csv") => new(name, _ => System.Threading.Tasks.Task.FromResult<Stream>(new MemoryStream(csv)));

    [Fact]
    public async Task Scan_TwoPeriodsOfOneProcessTogether_TheLatestKeepsTheIdsAndNothingIsLost()
    {
        var ct = TestContext.Current.CancellationToken;
        var exports = MonthlyExports(botFrom: "2099-01");
        var pipeline = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance);

        var report = await pipeline.RunAsync(
            [Export(exports["2011-05"], "receipt week 9.csv"), Export(exports["2011-06"], "receipt week 10.csv")], "both", null, null, logMiner: null, ct);

        Assert.Equal(["receipt", "receipt week 9"], report.Processes.Select(p => p.Process).Order(StringComparer.Ordinal));
        var latest = Assert.Single(report.Opportunities, o => o.Task == Task && o.Process == "receipt");
        Assert.Equal(TaskCandidate.StableId("receipt", Task), latest.Id);
        Assert.All(report.Inputs, i => Assert.True(i.Read));
    }

    /// <summary>One export per month (cases by the month of their first event), T05 moving to a bot from <paramref name="botFrom"/>.</summary>
    private static Dictionary<string, byte[]> MonthlyExports(string botFrom)
    {
        var (header, rows) = ReadReceipt();
        var starts = CaseStarts(rows);
        var activity = Array.IndexOf(header, "concept:name");
        var resource = Array.IndexOf(header, "org:resource");
        var exports = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var month in Months)
        {
            // The rollout: 1/4 of the cases in the first bot month, then 2/4, 3/4, all (by case number, deterministic).
            var step = string.CompareOrdinal(month, botFrom) < 0 ? 0 : Array.IndexOf(Months, month) - Array.IndexOf(Months, botFrom) + 1;
            var selected = rows.Where(r => Month(starts[r[1]]) == month).Select(r =>
            {
                var number = int.Parse(r[1].AsSpan("case-".Length), CultureInfo.InvariantCulture);
                return r[activity] == Task && number % 4 < step ? [.. r[..resource], Bot, .. r[(resource + 1)..]] : r;
            });
            exports[month] = Csv(header, selected);
        }

        return exports;
    }

    private static (string[] Header, List<string[]> Rows) ReadReceipt()
    {
        var text = Encoding.UTF8.GetString(TestFiles.ReadAll(TestFiles.Sample("receipt.csv.gz")));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        Assert.Equal("case:concept:name", header[1]);
        return (header, rows);
    }

    private static Dictionary<string, DateTimeOffset> CaseStarts(List<string[]> rows) =>
        rows.GroupBy(r => r[1]).ToDictionary(g => g.Key, g => g.Min(r => DateTimeOffset.Parse(r[^1], CultureInfo.InvariantCulture)));

    private static string Month(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static byte[] Csv(string[] header, IEnumerable<string[]> rows)
    {
        var builder = new StringBuilder().AppendJoin(',', header).Append('\n');
        foreach (var row in rows)
        {
            builder.AppendJoin(',', row).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
