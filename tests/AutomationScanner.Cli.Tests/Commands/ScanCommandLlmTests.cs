using System.Text.Json;
using Spectre.Console.Testing;

namespace AutomationScanner.Cli.Tests.Commands;

public sealed class ScanCommandLlmTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "as-cli-llm-" + Guid.NewGuid().ToString("N"));

    public ScanCommandLlmTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "orders.csv"), """
            case,activity,timestamp,resource
            1,Receive order,2024-01-02T09:00:00Z,ann
            1,Check order,2024-01-02T09:20:00Z,bob
            2,Receive order,2024-01-03T10:00:00Z,ann
            2,Check order,2024-01-03T10:30:00Z,bob
            """);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Scan_NoAzureOpenAIConfigured_RunsOfflineAndReportSaysLlmOff(bool noLlmFlag)
    {
        Assert.SkipWhen(
            !noLlmFlag && Environment.GetEnvironmentVariable("AzureOpenAI__Endpoint") is not null,
            "AzureOpenAI__Endpoint is set in this environment; the offline default cannot be observed.");
        var console = new TestConsole();
        console.Profile.Width = 400;
        var output = Path.Combine(_dir, "out");
        string[] args = noLlmFlag ? ["scan", Path.Combine(_dir, "orders.csv"), "--out", output, "--no-llm"] : ["scan", Path.Combine(_dir, "orders.csv"), "--out", output];

        var exitCode = await ScannerCli.Create(console).Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Contains("LLM assessment: off", console.Output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "opportunities.json"), TestContext.Current.CancellationToken));
        Assert.False(report.RootElement.GetProperty("llm").GetProperty("enabled").GetBoolean());
        Assert.Contains("llm_status", (await File.ReadAllLinesAsync(Path.Combine(output, "opportunities.csv"), TestContext.Current.CancellationToken))[0], StringComparison.Ordinal);
    }
}
