using System.Text.Json;
using Spectre.Console.Testing;

namespace AutomationScanner.Cli.Tests.Commands;

public sealed class ScanCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "scanner-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Scan_ShippedSamples_WritesRankedJsonAndCsv()
    {
        var console = new TestConsole().Width(200);
        var samples = Path.Combine(AppContext.BaseDirectory, "TestData", "samples");

        var exit = await ScannerCli.Create(console).Parse(["scan", samples, "--out", _out]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_out, "opportunities.json"), TestContext.Current.CancellationToken));
        var opportunities = json.RootElement.GetProperty("opportunities").EnumerateArray().ToList();
        var context = json.RootElement.GetProperty("context").EnumerateArray().ToList();
        Assert.True(opportunities.Count + context.Count >= 14 + 27 + 8, "every activity of every sample log is an opportunity or context");
        Assert.Contains(context, c => c.GetProperty("task").GetString() == "Closed" && c.GetProperty("kind").GetString() == "state");
        Assert.All(opportunities, o => Assert.Contains(o.GetProperty("kind").GetString(), new[] { "work", "decision" }));
        // Items sized from data rank first by score; "needs data" items follow, again by score.
        var order = opportunities.Select(o => (NeedsData: o.GetProperty("recommendation").GetString() == "needsData", Score: o.GetProperty("score").GetDouble())).ToList();
        Assert.Equal(order.OrderBy(o => o.NeedsData).ThenByDescending(o => o.Score), order);
        Assert.Contains(order, o => !o.NeedsData);
        Assert.Equal(Enumerable.Range(1, opportunities.Count), opportunities.Select(o => o.GetProperty("rank").GetInt32()));
        Assert.Equal(3, json.RootElement.GetProperty("processes").GetArrayLength());
        Assert.DoesNotContain("executionsByResource", json.RootElement.GetRawText(), StringComparison.Ordinal);
        var csv = await File.ReadAllLinesAsync(Path.Combine(_out, "opportunities.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(opportunities.Count + 1, csv.Length);
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'r'], File.ReadAllBytes(Path.Combine(_out, "opportunities.csv")).Take(4));
        Assert.Contains("helpdesk", console.Output, StringComparison.Ordinal);
        Assert.Contains("21,348 events", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WithPreviousReport_WritesAllFormatsAndDiff()
    {
        var ct = TestContext.Current.CancellationToken;
        var samples = Path.Combine(AppContext.BaseDirectory, "TestData", "samples");
        var first = Path.Combine(_out, "first");
        var second = Path.Combine(_out, "second");
        Assert.Equal(0, await ScannerCli.Create(new TestConsole().Width(200)).Parse(["scan", samples, "--out", first]).InvokeAsync(cancellationToken: ct));

        var exit = await ScannerCli.Create(new TestConsole().Width(200))
            .Parse(["scan", samples, "--out", second, "--previous", Path.Combine(first, "opportunities.json")]).InvokeAsync(cancellationToken: ct);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(second, "opportunities.json"), ct));
        var diff = json.RootElement.GetProperty("diff");
        Assert.Equal(0, diff.GetProperty("new").GetArrayLength());
        Assert.Equal(0, diff.GetProperty("dropped").GetArrayLength());
        Assert.Equal(0, diff.GetProperty("riskChanges").GetArrayLength());
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(Path.Combine(second, "opportunities.html"), ct), StringComparison.Ordinal);
        Assert.Contains("## Changes since the previous scan", await File.ReadAllTextAsync(Path.Combine(second, "opportunities.md"), ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_PreviousNotAReport_ExitsOneNamingFile()
    {
        Directory.CreateDirectory(_out);
        var bad = Path.Combine(_out, "previous.json");
        await File.WriteAllTextAsync(bad, "[]", TestContext.Current.CancellationToken);
        var console = new TestConsole().Width(200);

        var exit = await ScannerCli.Create(console).Parse(["scan", ".", "--previous", bad]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains("previous.json: not a scan report", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_OnlyUnreadableInput_ExitsTwoAndNamesFile()
    {
        Directory.CreateDirectory(_out);
        var bad = Path.Combine(_out, "broken.csv");
        await File.WriteAllTextAsync(bad, "case,activity,timestamp\n1,A,never\n", TestContext.Current.CancellationToken);
        var console = new TestConsole().Width(200);

        var exit = await ScannerCli.Create(console).Parse(["scan", bad, "--out", Path.Combine(_out, "report")]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains("broken.csv: no usable events", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_UnknownTimeZone_ExitsOneWithMessage()
    {
        var console = new TestConsole().Width(200);

        var exit = await ScannerCli.Create(console).Parse(["scan", ".", "--time-zone", "Mars/Olympus"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains("Mars/Olympus", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_HourlyCostAndCurrency_UsedForMoney()
    {
        var console = new TestConsole().Width(200);
        var samples = Path.Combine(AppContext.BaseDirectory, "TestData", "samples");

        var exit = await ScannerCli.Create(console).Parse(["scan", samples, "--out", _out, "--no-llm", "--hourly-cost", "72.5", "--currency", "chf"])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(_out, "opportunities.json"), TestContext.Current.CancellationToken));
        var assumptions = json.RootElement.GetProperty("valueAssumptions");
        Assert.Equal(72.5, assumptions.GetProperty("hourlyCost").GetDouble());
        Assert.Equal("CHF", assumptions.GetProperty("currency").GetString());
        var first = json.RootElement.GetProperty("opportunities")[0].GetProperty("value");
        Assert.Equal(first.GetProperty("benefitHours").GetProperty("p50").GetDouble() * 72.5, first.GetProperty("money").GetProperty("p50").GetDouble(), 6);
    }

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }
}
