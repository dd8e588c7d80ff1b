using System.IO.Compression;
using System.Text.Json;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Mining;
using AutomationScanner.Functions.Scanning;
using AutomationScanner.Functions.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Functions.Tests.Scanning;

/// <summary>
/// The Durable scan in DurableTaskTestHost on real blobs: real logs cut into 1, 2 and 8 parts, mined by one activity
/// each, merged, judged and published, give the same processes and ranked opportunities as a one-pass scan. The
/// logs here record start events, so handling times are measured; the start-time estimator (logs without starts) is
/// a whole-log computation that parts do not reproduce, and its fields are left out of the comparison.
/// </summary>
public sealed class ScanOrchestrationTests(ScannerEnvironment env)
{
    private static byte[] Uncompressed(string log)
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "eventlogs", log));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Uploads the same exports (two real logs, uncompressed so they can be cut, and a sample) to an engagement.</summary>
    private async Task<Dictionary<string, long>> UploadAsync(string engagement)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (log, name) in new[] { ("02_teleclaims.xes.gz", "teleclaims.xes"), ("03_repairExample.xes.gz", "repair.xes") })
        {
            var bytes = Uncompressed(log);
            await env.Storage.Exports.GetBlobClient($"{engagement}/{name}").UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, TestContext.Current.CancellationToken);
            sizes[name] = bytes.Length;
        }

        await env.UploadSampleAsync(engagement, "helpdesk.xes.gz");
        return sizes;
    }

    private async Task<JsonDocument> ReportAsync(string engagement)
    {
        var latest = (await env.LatestAsync(engagement))!;
        var blob = await env.Storage.Reports.GetBlobClient($"{engagement}/{latest.ScanId}/report.json").DownloadContentAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(blob.Value.Content);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public async Task Orchestration_RealLogsInParts_PublishesTheOnePassReport(int parts)
    {
        var onePass = ScannerEnvironment.NewEngagement("onepass");
        var fanned = ScannerEnvironment.NewEngagement("fanned");
        var sizes = await UploadAsync(onePass);
        await UploadAsync(fanned);
        var scans = env.Services.GetRequiredService<StorageScanService>();
        await scans.ScanAsync(new ScanRequest(onePass, ScanRequest.Upload, null, DateTimeOffset.UtcNow), cancellationToken: TestContext.Current.CancellationToken);
        var options = Options.Create(new ScanFanOutOptions { PartBytes = Math.Max(1 << 16, sizes.Values.Max() / parts + 1), MaxPartsPerExport = parts });
        var activities = new ScanActivities(scans, env.Storage, IngestionOptions.Default, options, env.Services.GetRequiredService<ILogger<ScanActivities>>());
        await using var durable = await ScannerEnvironment.StartDurableAsync(env.Services, activities);
        var plan = await activities.BeginAsync(new ScanRequest(fanned, ScanRequest.Upload, null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        var cuts = await activities.PlanAsync(new PlanExportWork(fanned, plan.Exports.Single(e => e.Name == "teleclaims.xes")), TestContext.Current.CancellationToken);

        var id = await durable.Client.ScheduleNewOrchestrationInstanceAsync(ScanOrchestration.Orchestrator,
            new ScanRequest(fanned, ScanRequest.Upload, null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        var run = await durable.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, TestContext.Current.CancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal("Published", run.ReadOutputAs<ScanResult>()!.Status);
        Assert.Equal(parts, cuts.Count);
        using var expected = await ReportAsync(onePass);
        using var actual = await ReportAsync(fanned);
        foreach (var section in new[] { "processes", "opportunities", "inputs" })
        {
            Assert.Equal(WithoutEstimates(expected.RootElement.GetProperty(section)), WithoutEstimates(actual.RootElement.GetProperty(section)));
        }
    }

    /// <summary>The JSON without the start-time estimator's outputs (keys containing "estimat", the late-event note).</summary>
    private static string WithoutEstimates(JsonElement element)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(element.GetRawText());
        Strip(node);
        return node!.ToJsonString();
    }

    private static void Strip(System.Text.Json.Nodes.JsonNode? node)
    {
        if (node is System.Text.Json.Nodes.JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => k.Contains("estimat", StringComparison.OrdinalIgnoreCase) || k.Equals("timeInStatus", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                obj.Remove(key);
            }

            foreach (var (_, value) in obj.ToList())
            {
                Strip(value);
            }
        }
        else if (node is System.Text.Json.Nodes.JsonArray array)
        {
            foreach (var item in array.ToList())
            {
                if (item is System.Text.Json.Nodes.JsonObject o && o["kind"]?.GetValueKind() == JsonValueKind.String && o["kind"]!.GetValue<string>() == DataQualityKinds.LateEvent)
                {
                    array.Remove(item);
                }
                else
                {
                    Strip(item);
                }
            }
        }
    }

    [Fact]
    public async Task Orchestration_ExportReplacedWhileMining_IsSupersededAndPublishesNothing()
    {
        var engagement = ScannerEnvironment.NewEngagement("replaced");
        await env.UploadSampleAsync(engagement, "running-example.xes");
        var activities = env.Services.GetRequiredService<ScanActivities>();
        var request = new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow);
        var plan = await activities.BeginAsync(request, TestContext.Current.CancellationToken);
        var export = Assert.Single(plan.Exports);
        await env.UploadSampleAsync(engagement, "receipt.csv.gz", "running-example.xes");

        var mined = await activities.MineAsync(new MineChunkWork(engagement, export, new ExportChunk(0, 1, ChunkKind.Whole)), TestContext.Current.CancellationToken);
        var result = await activities.FinishAsync(new FinishWork(request, plan.Fingerprint, [mined]), TestContext.Current.CancellationToken);

        Assert.Contains("changed while it was scanned", mined.Error, StringComparison.Ordinal);
        Assert.Equal("Superseded", result.Status);
        Assert.Empty(await env.ReportBlobsAsync(engagement));
    }

    [Fact]
    public async Task MineChunk_Output_IsAnAggregateNotTheEvents()
    {
        var engagement = ScannerEnvironment.NewEngagement("payload");
        await env.Storage.Exports.GetBlobClient($"{engagement}/receipt.xes").UploadAsync(BinaryData.FromBytes(Uncompressed("08_receipt.xes.gz")), overwrite: true, TestContext.Current.CancellationToken);
        var activities = env.Services.GetRequiredService<ScanActivities>();
        var plan = await activities.BeginAsync(new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        var export = Assert.Single(plan.Exports);

        var mined = await activities.MineAsync(new MineChunkWork(engagement, export, new ExportChunk(0, 1, ChunkKind.Whole)), TestContext.Current.CancellationToken);

        var payload = JsonSerializer.Serialize(mined);
        Assert.True(mined.Mined!.Aggregate.Events > 5000);
        Assert.True(payload.Length < export.Size / 10, $"{payload.Length} bytes of payload for a {export.Size}-byte export");
    }
}
