using System.Text;
using System.Text.Json;
using Spectre.Console.Testing;

namespace AutomationScanner.Cli.Tests.Commands;

/// <summary>
/// The CLI's one host: flags become configuration keys over appsettings.json, the environment and --settings, and a
/// bad Scoring or Ingestion value stops the scan before it reads anything, naming the key (and the flag that set it).
/// </summary>
public sealed class ScanConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "scanner-cli-config", Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("""{ "Scoring": { "Value": { "HourlyCost": -5 } } }""", "Scoring:Value:HourlyCost")]
    [InlineData("""{ "Scoring": { "Ranking": { "ValueWeight": 3 } } }""", "Scoring:Ranking:ValueWeight")]
    [InlineData("""{ "Scoring": { "KindOverrides": [ "A_SUBMITTED=robot" ] } }""", "Scoring:KindOverrides:0")]
    [InlineData("""{ "Ingestion": { "TimeZone": "Mars/Olympus_Mons" } }""", "Ingestion:TimeZone")]
    public async Task Scan_InvalidSettingInSettingsFile_ExitsOneNamingTheKey(string json, string key)
    {
        var settings = Path.Combine(_dir, "settings.json");
        await File.WriteAllTextAsync(settings, json, TestContext.Current.CancellationToken);

        var (exit, output) = await RunAsync("scan", WriteLog(), "--no-llm", "--out", Path.Combine(_dir, "out"), "--settings", settings);

        Assert.Equal(1, exit);
        Assert.Contains(key, output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "out", "opportunities.json")));
    }

    [Theory]
    [InlineData("--hourly-cost", "-5", "Scoring:Value:HourlyCost (--hourly-cost)")]
    [InlineData("--kind", "A_SUBMITTED=robot", "Scoring:KindOverrides:0 (--kind)")]
    [InlineData("--time-zone", "Mars/Olympus_Mons", "Ingestion:TimeZone (--time-zone)")]
    [InlineData("--map", "case", "Ingestion:Columns (--map)")]
    public async Task Scan_InvalidFlag_ExitsOneNamingTheKeyAndTheFlag(string flag, string value, string expected)
    {
        var (exit, output) = await RunAsync("scan", WriteLog(), "--no-llm", "--out", Path.Combine(_dir, "out"), flag, value);

        Assert.Equal(1, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WeightInSettingsAndCostFlag_ReportUsesAndDescribesBoth()
    {
        var settings = Path.Combine(_dir, "settings.json");
        await File.WriteAllTextAsync(settings, """{ "Scoring": { "Ranking": { "ValueWeight": 0.55, "EaseWeight": 0.1 }, "Value": { "HourlyCost": 70 } } }""", TestContext.Current.CancellationToken);
        var output = Path.Combine(_dir, "out");

        var (exit, printed) = await RunAsync("scan", WriteLog(), "--no-llm", "--out", output, "--settings", settings, "--hourly-cost", "90");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "opportunities.json"), TestContext.Current.CancellationToken));
        var description = json.RootElement.GetProperty("scoreDescription").GetString()!;
        Assert.Contains("(0.55 x value + 0.35 x suitability + 0.10 x ease)", description, StringComparison.Ordinal);
        Assert.Contains("0.55 x value", printed, StringComparison.Ordinal);
        Assert.Equal(90, json.RootElement.GetProperty("valueAssumptions").GetProperty("hourlyCost").GetDouble()); // the flag wins over --settings
    }

    /// <summary>One process, three activities, a few cases.</summary>
    private string WriteLog()
    {
        var csv = new StringBuilder("case,activity,timestamp,resource\n");
        for (var c = 0; c < 12; c++)
        {
            for (var i = 0; i < 3; i++)
            {
                csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{c},Step {i},2024-01-{c + 1:00}T{9 + i:00}:00:00Z,r{c % 3}\n");
            }
        }

        var path = Path.Combine(_dir, "orders.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(1000);
        var exit = await ScannerCli.Create(console).Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exit, console.Output.Replace("\n", string.Empty, StringComparison.Ordinal));
    }
}
