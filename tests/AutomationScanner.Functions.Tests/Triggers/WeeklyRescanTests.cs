using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using System.Text.Json;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Tests.Infrastructure;

namespace AutomationScanner.Functions.Tests.Triggers;

public sealed class WeeklyRescanTests(ScannerEnvironment env)
{
    [Fact]
    public async Task WeeklyRescan_TimerPayload_EnqueuesOneRescanPerEngagement()
    {
        var first = ScannerEnvironment.NewEngagement("weekly-a");
        var second = ScannerEnvironment.NewEngagement("weekly-b");
        await env.UploadSampleAsync(first, "running-example.xes");
        await env.UploadSampleAsync(second, "running-example.xes", "nested/log.xes");
        await env.ClearQueuesAsync();
        var engagements = await new ExportCatalog(env.Storage).ListEngagementsAsync(TestContext.Current.CancellationToken);

        var outcome = await env.Triggers.WeeklyRescanAsync(new TimerInfo { IsPastDue = true }, TestContext.Current.CancellationToken);

        Assert.Contains("(past due)", outcome, StringComparison.Ordinal);
        var requests = (await env.DrainScanRequestsAsync()).Select(r => ScanRequest.Parse(JsonDocument.Parse(r).RootElement)).ToList();
        Assert.Equal(engagements.Order(StringComparer.Ordinal), requests.Select(r => r.Engagement).Order(StringComparer.Ordinal));
        Assert.Contains(first, requests.Select(r => r.Engagement));
        Assert.Contains(second, requests.Select(r => r.Engagement));
        Assert.All(requests, r => Assert.Equal(ScanRequest.Weekly, r.Reason));
        Assert.Single(requests.Select(r => r.RequestKey).Distinct());
        Assert.StartsWith("weekly-", requests[0].RequestKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunScan_WeeklyRescanOfUnchangedExports_PublishesNewScanAgainstThePreviousOnceOnly()
    {
        var engagement = ScannerEnvironment.NewEngagement("rescan");
        await env.UploadSampleAsync(engagement, "running-example.xes");
        await env.RunScanAsync(ScannerEnvironment.Request(engagement));
        var previous = (await env.LatestAsync(engagement))!;
        await Task.Delay(1100, TestContext.Current.CancellationToken); // scan ids have one-second resolution
        var weekly = new ScanRequest(engagement, ScanRequest.Weekly, "weekly-2026-11-23", DateTimeOffset.UtcNow).ToJson();

        var run = await env.RunScanAsync(weekly);
        var redelivered = await env.RunScanAsync(weekly);
        var sameKeyAgain = await env.RunScanAsync(new ScanRequest(engagement, ScanRequest.Weekly, "weekly-2026-11-23", DateTimeOffset.UtcNow.AddSeconds(1)).ToJson());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, redelivered.RuntimeStatus);
        Assert.Equal("AlreadyPublished", sameKeyAgain.ReadOutputAs<AutomationScanner.Functions.Scanning.ScanResult>()!.Status);
        var latest = (await env.LatestAsync(engagement))!;
        Assert.NotEqual(previous.ScanId, latest.ScanId);
        Assert.Equal(previous.ScanId, latest.PreviousScanId);
        Assert.Equal(ScanRequest.Weekly, latest.Reason);
        var scans = await new ReportStore(env.Storage, Microsoft.Extensions.Logging.Abstractions.NullLogger<ReportStore>.Instance)
            .ListScansAsync(engagement, TestContext.Current.CancellationToken);
        Assert.Equal([previous.ScanId, latest.ScanId], scans.Select(s => s.ScanId));
        var report = (await env.Storage.Reports.GetBlobClient($"{engagement}/{latest.ScanId}/report.json").DownloadContentAsync(TestContext.Current.CancellationToken)).Value;
        using var json = JsonDocument.Parse(report.Content);
        var diff = json.RootElement.GetProperty("diff");
        Assert.Equal(previous.ScanId, diff.GetProperty("previousScanId").GetString());
        Assert.Empty(diff.GetProperty("new").EnumerateArray());
        Assert.Empty(diff.GetProperty("dropped").EnumerateArray());
        var markdown = (await env.Storage.Reports.GetBlobClient($"{engagement}/{latest.ScanId}/report.md").DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString();
        Assert.Contains(previous.ScanId, markdown, StringComparison.Ordinal);
    }
}
