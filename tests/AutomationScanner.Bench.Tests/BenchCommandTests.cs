using System.Text.Json;
using Spectre.Console.Testing;

namespace AutomationScanner.Bench.Tests;

/// <summary>The bench tool keeps the options and output of the former `scanner bench`, at its root.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public void CreateRoot_HasTheBenchOptionsAtTheRoot()
    {
        var root = BenchCommand.CreateRoot(new TestConsole());

        var names = root.Options.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var option in new[] { "--bpic", "--events", "--work", "--repeat", "--ocel-events", "--only", "--parts", "--embedding-cache", "--measure" })
        {
            Assert.Contains(option, names);
        }

        Assert.Empty(root.Subcommands);
    }

    [Fact]
    public async Task Measure_ShippedLog_PrintsTheEventsAndTimesAsJson()
    {
        var log = Path.Combine(AppContext.BaseDirectory, "TestData", "running-example.xes");
        var written = new StringWriter();
        var original = Console.Out;
        int exit;
        Console.SetOut(written);
        try
        {
            exit = await BenchCommand.CreateRoot(new TestConsole()).Parse(["--measure", log, "--repeat", "1"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(written.ToString().Trim().Split('\n')[^1]);
        Assert.Equal(42, json.RootElement.GetProperty("Events").GetInt64());
        Assert.True(json.RootElement.GetProperty("Seconds").GetDouble() > 0);
    }

    [Fact]
    public async Task Run_BpicMissing_ExitsOneSayingWhere()
    {
        var console = new TestConsole().Width(300);
        var work = Path.Combine(Path.GetTempPath(), "bench-tests-" + Guid.NewGuid().ToString("N"));

        var exit = await BenchCommand.CreateRoot(console).Parse(["--bpic", Path.Combine(work, "missing.xes.gz"), "--work", work, "--only", "BPIC"])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains("missing.xes.gz not found", console.Output.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Directory.Delete(work, recursive: true);
    }
}
