using System.Text.Json;
using AutomationScanner.Functions.Scanning;
using AutomationScanner.Functions.Tests.Infrastructure;
using Microsoft.DurableTask.Client;

namespace AutomationScanner.Functions.Tests.Triggers;

/// <summary>
/// Failures: a request that cannot be read fails RunScan (the host retries the message, then poisons it); exports
/// that cannot be read are reported, beside the ones that can, and never fail the scan.
/// </summary>
public sealed class RunScanFailureTests(ScannerEnvironment env)
{
    [Fact]
    public async Task RunScan_EngagementWithOnlyCorruptExports_PublishesAReportThatNamesEveryProblem()
    {
        var engagement = ScannerEnvironment.NewEngagement("corrupt");
        await env.UploadTextAsync(engagement, "broken.xes", "<log><trace><event><string key=\"concept:name\" value=\"A\"/>");
        await env.UploadTextAsync(engagement, "notes.csv", "just one column\nnothing else\n");

        var run = await env.RunScanAsync(ScannerEnvironment.Request(engagement));

        // Retrying cannot make a bad file good: the scan completes and its report tells the consultant what to fix.
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal("Published", run.ReadOutputAs<ScanResult>()!.Status);
        var latest = (await env.LatestAsync(engagement))!;
        Assert.All(latest.Inputs, i => Assert.False(i.Read));
        Assert.Contains(latest.Inputs, i => i.Name == "broken.xes" && i.Error!.Contains("broken.xes", StringComparison.Ordinal));
        Assert.Contains(latest.Inputs, i => i.Name == "notes.csv" && i.Error!.Contains("notes.csv", StringComparison.Ordinal));
        Assert.Equal(0, latest.Opportunities);
    }

    [Theory]
    [InlineData("""{"engagement":"../other"}""")]
    [InlineData("""{"reason":"upload"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("not json at all")]
    public async Task RunScan_InvalidRequest_FailsBeforeStartingAnything(string message)
    {
        var before = await env.ReportBlobsAsync("other");

        await Assert.ThrowsAsync<FormatException>(() => env.Triggers.RunScanAsync(message, env.Durable.Client, TestContext.Current.CancellationToken));

        Assert.Equal(before, await env.ReportBlobsAsync("other"));
    }

    [Fact]
    public async Task RunScan_EngagementWithoutExports_CompletesWithoutReport()
    {
        var engagement = ScannerEnvironment.NewEngagement("empty");

        var run = await env.RunScanAsync(ScannerEnvironment.Request(engagement));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal("NoExports", run.ReadOutputAs<ScanResult>()!.Status);
        Assert.Empty(await env.ReportBlobsAsync(engagement));
    }

    [Fact]
    public async Task RunScan_OneCorruptExportBesideAGoodOne_PublishesTheGoodOneAndNamesTheBad()
    {
        var engagement = ScannerEnvironment.NewEngagement("mixed");
        await env.UploadSampleAsync(engagement, "running-example.xes");
        await env.UploadTextAsync(engagement, "broken.xes", "<log><trace><event><string key=\"concept:name\" value=\"A\"/>");

        var run = await env.RunScanAsync(ScannerEnvironment.Request(engagement));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var latest = (await env.LatestAsync(engagement))!;
        var inputs = latest.Inputs.ToDictionary(i => i.Name);
        Assert.True(inputs["running-example.xes"].Read);
        Assert.False(inputs["broken.xes"].Read);
        Assert.Contains("broken.xes", inputs["broken.xes"].Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse((await env.Storage.Reports.GetBlobClient($"{engagement}/{latest.ScanId}/report.json").DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content);
        Assert.True(json.RootElement.GetProperty("opportunities").GetArrayLength() > 0);
    }
}
