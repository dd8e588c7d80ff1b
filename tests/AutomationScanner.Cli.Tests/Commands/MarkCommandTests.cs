using System.Text.Json;
using Spectre.Console.Testing;

namespace AutomationScanner.Cli.Tests.Commands;

public sealed class MarkCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "scanner-mark-tests", Guid.NewGuid().ToString("N"));

    private static string Samples => Path.Combine(AppContext.BaseDirectory, "TestData", "samples");

    private async Task<int> RunAsync(TestConsole console, params string[] args) =>
        await ScannerCli.Create(console).Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Mark_ThenRescanWithMarks_WritesStatusRoadmapAndRealisation()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = Path.Combine(_out, "first");
        var marks = Path.Combine(_out, "marks");
        Assert.Equal(0, await RunAsync(new TestConsole().Width(200), "scan", Samples, "--out", first, "--no-llm"));
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(first, "opportunities.json"), ct));
        var opportunities = report.RootElement.GetProperty("opportunities").EnumerateArray().ToList();
        Assert.All(opportunities, o => Assert.Equal(JsonValueKind.Object, o.GetProperty("cost").ValueKind));
        Assert.Equal(JsonValueKind.Object, report.RootElement.GetProperty("roadmap").ValueKind);
        var (piloted, rejected) = (opportunities[0].GetProperty("id").GetString()!, opportunities[1].GetProperty("id").GetString()!);
        var console = new TestConsole().Width(200);

        var exit = await RunAsync(console, "mark", "acme", piloted, "--status", "piloting", "--report", Path.Combine(first, "opportunities.json"), "--marks-dir", marks, "--by", "ana");
        var noReason = await RunAsync(new TestConsole(), "mark", "acme", rejected, "--status", "rejected", "--report", Path.Combine(first, "opportunities.json"), "--marks-dir", marks);
        var withReason = await RunAsync(new TestConsole(), "mark", "acme", rejected, "-s", "rejected", "-r", "out of scope", "--report", Path.Combine(first, "opportunities.json"), "--marks-dir", marks);

        Assert.Equal((0, 1, 0), (exit, noReason, withReason));
        Assert.Contains("is now piloting", console.Output, StringComparison.Ordinal);
        Assert.Contains("Baseline: scan", console.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(marks, "acme", "opportunity-status.json")));

        var second = Path.Combine(_out, "second");
        Assert.Equal(0, await RunAsync(new TestConsole().Width(200), "scan", Samples, "--out", second, "--no-llm", "--previous", Path.Combine(first, "opportunities.json"), "--marks", "acme", "--marks-dir", marks));
        using var rescan = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(second, "opportunities.json"), ct));
        var realisation = rescan.RootElement.GetProperty("realisation");
        var track = Assert.Single(realisation.GetProperty("tracks").EnumerateArray());
        Assert.Equal(piloted, track.GetProperty("opportunityId").GetString());
        Assert.Equal(0, track.GetProperty("realisedHoursPerYear").GetDouble());
        Assert.Equal(2, track.GetProperty("points").GetArrayLength());
        Assert.Equal(2, realisation.GetProperty("statuses").GetArrayLength());
        var roadmap = rescan.RootElement.GetProperty("roadmap");
        Assert.Contains(roadmap.GetProperty("notPlanned").EnumerateArray(), n => n.GetProperty("opportunityId").GetString() == rejected && n.GetProperty("reason").GetString() == "rejected: out of scope");
        var pilot = roadmap.GetProperty("phases")[0];
        Assert.Equal("pilot", pilot.GetProperty("kind").GetString());
        Assert.Contains(pilot.GetProperty("items").EnumerateArray(), i => i.GetProperty("opportunityId").GetString() == piloted);
        Assert.Contains("id=\"realisation\"", await File.ReadAllTextAsync(Path.Combine(second, "opportunities.html"), ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ACME", "0123456789abcdef", "automated", "invalid engagement name")]
    [InlineData("acme", "0123456789abcdef", "finished", "is not one of candidate")]
    [InlineData("acme", "0123456789abcdef", "automated", "no such report")]
    public async Task Mark_BadInput_ExitsOneAndSaysWhy(string engagement, string id, string status, string message)
    {
        var console = new TestConsole().Width(200);

        var exit = await RunAsync(console, "mark", engagement, id, "--status", status, "--report", Path.Combine(_out, "missing.json"), "--marks-dir", Path.Combine(_out, "marks"));

        Assert.Equal(1, exit);
        Assert.Contains(message, console.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_out, "marks")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}
