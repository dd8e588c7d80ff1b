using AutomationScanner.Functions.Scanning;
using Microsoft.DurableTask.Client;
using System.Text.Json;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Tests.Infrastructure;

namespace AutomationScanner.Functions.Tests.Triggers;

/// <summary>The main flow on a real Azurite: upload, ScanOnUpload, scan request, RunScan, the scan orchestration, report.</summary>
public sealed class UploadToReportTests(ScannerEnvironment env)
{
    [Fact]
    public async Task ScanOnUpload_ThenRunScan_PublishesEveryFormatAndLatestLast()
    {
        await env.ClearQueuesAsync();
        var engagement = ScannerEnvironment.NewEngagement("acme");
        var blob = await env.UploadSampleAsync(engagement, "running-example.xes");

        var upload = await env.Triggers.ScanOnUploadAsync(HostPayloads.BlobCreatedEvent("exports", blob), TestContext.Current.CancellationToken);
        Assert.Contains(upload, l => l.Contains("scan scheduled", StringComparison.Ordinal));

        var request = Assert.Single(await env.DrainScanRequestsAsync());
        using (var parsed = JsonDocument.Parse(request))
        {
            Assert.Equal(engagement, parsed.RootElement.GetProperty("engagement").GetString());
            Assert.Equal("upload", parsed.RootElement.GetProperty("reason").GetString());
        }

        var run = await env.RunScanAsync(request);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal("Published", run.ReadOutputAs<ScanResult>()!.Status);

        var latest = await env.LatestAsync(engagement);
        Assert.NotNull(latest);
        Assert.True(ScanId.IsValid(latest.ScanId));
        Assert.Equal("upload", latest.Reason);
        Assert.Null(latest.PreviousScanId);
        Assert.True(latest.Opportunities > 0);
        Assert.Equal(["csv", "html", "json", "md", "xlsx"], latest.Formats.Keys.Order(StringComparer.Ordinal));
        var folder = $"{engagement}/{latest.ScanId}/";
        Assert.Equal(
            [folder + "manifest.json", folder + "report.csv", folder + "report.html", folder + "report.json", folder + "report.md", folder + "report.xlsx", $"{engagement}/latest.json"],
            (await env.ReportBlobsAsync(engagement)).Where(n => !n.StartsWith($"{engagement}/claims/", StringComparison.Ordinal))); // the exactly-once claim stays beside them

        var report = (await env.Storage.Reports.GetBlobClient($"{engagement}/{latest.ScanId}/report.json").DownloadContentAsync(TestContext.Current.CancellationToken)).Value;
        using var json = JsonDocument.Parse(report.Content);
        Assert.Equal(latest.ScanId, json.RootElement.GetProperty("scanId").GetString());
        Assert.Equal(latest.Opportunities, json.RootElement.GetProperty("opportunities").GetArrayLength());
        Assert.Equal("running-example.xes", json.RootElement.GetProperty("inputs")[0].GetProperty("name").GetString());
        Assert.False(json.RootElement.TryGetProperty("diff", out var diff) && diff.ValueKind != JsonValueKind.Null, "a first scan has nothing to compare with");
        Assert.False(await env.Storage.Reports.GetBlobClient(StorageNames.PendingBlob(engagement)).ExistsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunScan_RedeliveredForSameInputs_PublishesNoSecondReport()
    {
        await env.ClearQueuesAsync();
        var engagement = ScannerEnvironment.NewEngagement("redeliver");
        await env.UploadSampleAsync(engagement, "running-example.xes");
        var message = ScannerEnvironment.Request(engagement);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await env.RunScanAsync(message)).RuntimeStatus);
        var first = await env.ReportBlobsAsync(engagement);
        var firstLatest = await env.LatestAsync(engagement);

        var redelivered = await env.Triggers.RunScanAsync(message, env.Durable.Client, TestContext.Current.CancellationToken);
        var sameInputsAgain = await env.RunScanAsync(ScannerEnvironment.Request(engagement));

        Assert.Contains("already Completed", redelivered, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, sameInputsAgain.RuntimeStatus);
        Assert.Equal("AlreadyPublished", sameInputsAgain.ReadOutputAs<ScanResult>()!.Status);
        Assert.Equal(first, await env.ReportBlobsAsync(engagement));
        Assert.Equal(firstLatest!.ScanId, (await env.LatestAsync(engagement))!.ScanId);
    }

    [Fact]
    public async Task RunScan_AfterNewUpload_PublishesSecondScanThatNamesThePrevious()
    {
        var engagement = ScannerEnvironment.NewEngagement("second");
        await env.UploadSampleAsync(engagement, "running-example.xes");
        await env.RunScanAsync(ScannerEnvironment.Request(engagement));
        var first = (await env.LatestAsync(engagement))!;
        await Task.Delay(1100, TestContext.Current.CancellationToken); // scan ids have one-second resolution
        await env.UploadSampleAsync(engagement, "receipt.csv.gz");

        var run = await env.RunScanAsync(ScannerEnvironment.Request(engagement));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var second = (await env.LatestAsync(engagement))!;
        Assert.NotEqual(first.ScanId, second.ScanId);
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        Assert.Equal(first.ScanId, second.PreviousScanId);
        Assert.Equal(2, second.Inputs.Count);
        var report = (await env.Storage.Reports.GetBlobClient($"{engagement}/{second.ScanId}/report.json").DownloadContentAsync(TestContext.Current.CancellationToken)).Value;
        using var json = JsonDocument.Parse(report.Content);
        var diff = json.RootElement.GetProperty("diff");
        Assert.Equal(first.ScanId, diff.GetProperty("previousScanId").GetString());
        Assert.NotEmpty(diff.GetProperty("new").EnumerateArray()); // the receipt log's tasks
    }

    [Fact]
    public async Task ScanOnUpload_BurstOfUploads_EnqueuesOneScan()
    {
        await env.ClearQueuesAsync();
        var engagement = ScannerEnvironment.NewEngagement("burst");
        for (var i = 0; i < 5; i++)
        {
            var blob = await env.UploadSampleAsync(engagement, "running-example.xes", $"part-{i}.xes");
            var outcome = await env.Triggers.ScanOnUploadAsync(HostPayloads.BlobCreatedEvent("exports", blob), TestContext.Current.CancellationToken);
            Assert.Contains(outcome, l => l.Contains(i == 0 ? "scan scheduled" : "coalesced", StringComparison.Ordinal));
        }

        var requests = await env.DrainScanRequestsAsync();

        Assert.Single(requests);
        Assert.True(await env.Storage.Reports.GetBlobClient(StorageNames.PendingBlob(engagement)).ExistsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ScanOnUpload_UploadAfterScanStarted_SchedulesTheNextScan()
    {
        await env.ClearQueuesAsync();
        var engagement = ScannerEnvironment.NewEngagement("after");
        var blob = await env.UploadSampleAsync(engagement, "running-example.xes");
        await env.Triggers.ScanOnUploadAsync(HostPayloads.BlobCreatedEvent("exports", blob), TestContext.Current.CancellationToken);
        var request = Assert.Single(await env.DrainScanRequestsAsync());
        await env.RunScanAsync(request);

        await env.Triggers.ScanOnUploadAsync(HostPayloads.BlobCreatedEvent("exports", blob), TestContext.Current.CancellationToken);

        Assert.Single(await env.DrainScanRequestsAsync());
    }

    public static TheoryData<string, string> Encodings() => new()
    {
        { "plain event", "plain" },
        { "base64 event", "base64" },
        { "array of events", "array" },
        { "base64 array", "base64-array" },
        { "CloudEvents schema, url only", "cloud" },
        { "event as JSON string inside the message", "string" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task ScanOnUpload_AnyMessageEncoding_SchedulesScanOfFirstPathSegment(string description, string encoding)
    {
        Assert.NotEmpty(description);
        await env.ClearQueuesAsync();
        var engagement = ScannerEnvironment.NewEngagement("enc");
        var blob = await env.UploadSampleAsync(engagement, "running-example.xes", "sub folder/log.xes"); // events of absent blobs are dropped
        var single = HostPayloads.BlobCreatedEvent("exports", blob);
        var message = encoding switch
        {
            "plain" => single,
            "base64" => HostPayloads.Base64(single),
            "array" => $"[{HostPayloads.BlobCreatedEvent("exports", "other-container-check/x.csv", "Microsoft.Storage.BlobDeleted")},{single}]",
            "base64-array" => HostPayloads.Base64($"[{single},{single}]"),
            "cloud" => HostPayloads.BlobCreatedCloudEvent("exports", blob),
            "string" => JsonSerializer.Serialize(single),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };

        await env.Triggers.ScanOnUploadAsync(message, TestContext.Current.CancellationToken);

        var request = Assert.Single(await env.DrainScanRequestsAsync());
        Assert.Equal(engagement, JsonDocument.Parse(request).RootElement.GetProperty("engagement").GetString());
    }

    [Theory]
    [InlineData("reports", "acme/20261123T060000Z-0123456789ab/report.json", "Microsoft.Storage.BlobCreated")]
    [InlineData("exports", "file-at-root.csv", "Microsoft.Storage.BlobCreated")]
    [InlineData("exports", "Bad_Name/file.csv", "Microsoft.Storage.BlobCreated")]
    [InlineData("exports", "acme/file.csv", "Microsoft.Storage.BlobDeleted")]
    public async Task ScanOnUpload_EventOutsideEngagementExports_IsAcknowledgedAndIgnored(string container, string blob, string eventType)
    {
        await env.ClearQueuesAsync();

        var outcome = await env.Triggers.ScanOnUploadAsync(HostPayloads.BlobCreatedEvent(container, blob, eventType), TestContext.Current.CancellationToken);

        Assert.Contains(outcome, l => l.StartsWith("Ignored", StringComparison.Ordinal));
        Assert.Empty(await env.DrainScanRequestsAsync());
    }

    [Theory]
    [InlineData("not json and not base64 !")]
    [InlineData("\"just a string\"")]
    public async Task ScanOnUpload_UnreadableMessage_FailsSoTheHostRetriesAndPoisons(string message)
    {
        var failure = await Assert.ThrowsAsync<FormatException>(() => env.Triggers.ScanOnUploadAsync(message, TestContext.Current.CancellationToken));

        Assert.Contains("neither JSON nor base64", failure.Message, StringComparison.Ordinal);
    }
}
