using System.Text;
using System.Text.Json;
using Spectre.Console.Testing;

namespace AutomationScanner.Cli.Tests.Commands;

/// <summary>
/// The CLI reads input limits from its configuration (appsettings.json, Limits__... environment variables, --settings
/// FILE) in the Functions app's shape: a configured value changes what a scan reads; a bad one stops the scan.
/// </summary>
public sealed class LimitsSettingsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "scanner-cli-limits", Guid.NewGuid().ToString("N"));

    public LimitsSettingsTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Scan_MaxEventsPerCaseInSettings_CapsTheCaseWithANote()
    {
        var log = WriteLog();
        var settings = Path.Combine(_dir, "limits.json");
        await File.WriteAllTextAsync(settings, """{ "Limits": { "MaxEventsPerCase": 5 } }""", TestContext.Current.CancellationToken);

        var (defaultEvents, defaultNotes) = await ScanAsync(log, "default");
        var (limitedEvents, limitedNotes) = await ScanAsync(log, "limited", "--settings", settings);

        Assert.Equal(40, defaultEvents);
        Assert.DoesNotContain("events-per-case-limit", defaultNotes);
        Assert.Equal(5 + 10, limitedEvents); // the long case capped at 5, the ten one-event cases untouched
        Assert.Contains("events-per-case-limit", limitedNotes);
    }

    [Theory]
    [InlineData("""{ "Limits": { "MaxColumns": 1 } }""", "MaxColumns")]
    [InlineData("""{ "Limits": { "MaxEventPerCase": 10 } }""", "Limits:MaxEventPerCase")]
    [InlineData("""{ "Limits": { "Documents": { "MaxXmlDepth": 2 } } }""", "MaxXmlDepth")]
    [InlineData("""{ "Limits": """, "limits.json")]
    public async Task Scan_BadLimitInSettings_ExitsOneNamingIt(string json, string name)
    {
        var settings = Path.Combine(_dir, "limits.json");
        await File.WriteAllTextAsync(settings, json, TestContext.Current.CancellationToken);
        var console = new TestConsole().Width(400);

        var exit = await ScannerCli.Create(console).Parse(["scan", WriteLog(), "--no-llm", "--out", Path.Combine(_dir, "out"), "--settings", settings])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains(name, console.Output.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "out", "opportunities.json")));
    }

    /// <summary>One case of 30 events and ten cases of one event each.</summary>
    private string WriteLog()
    {
        var csv = new StringBuilder("case,activity,timestamp,resource\n");
        for (var i = 0; i < 30; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"long,Step {i % 3},2024-01-01T{i / 6:00}:{i % 6 * 10:00}:00Z,r1\n");
        }

        for (var i = 0; i < 10; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"short{i},Step 0,2024-01-02T10:{i:00}:00Z,r2\n");
        }

        var path = Path.Combine(_dir, "orders.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private async Task<(long Events, List<string> Notes)> ScanAsync(string log, string name, params string[] extra)
    {
        var output = Path.Combine(_dir, name);
        var exit = await ScannerCli.Create(new TestConsole().Width(200)).Parse(["scan", log, "--no-llm", "--out", output, .. extra])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "opportunities.json"), TestContext.Current.CancellationToken));
        var process = Assert.Single(json.RootElement.GetProperty("processes").EnumerateArray());
        return (process.GetProperty("events").GetInt64(),
            [.. process.GetProperty("dataQuality").EnumerateArray().Select(d => d.GetProperty("kind").GetString()!)]);
    }
}
