using System.IO.Compression;
using System.Text.Json;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Functions.Scanning;
using AutomationScanner.Functions.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Functions.Tests.Scanning;

/// <summary>
/// The Durable scan in DurableTaskTestHost on real blobs: real logs cut into 1, 2 and 8 parts, mined by one activity
/// each, merged, judged and published, give the same processes and ranked opportunities as a one-pass scan, the
/// start-time estimates included (the parts' journals are replayed after the merge); object-centric logs in every
/// format are flattened as one part each, as the one-pass scan (the pipeline <c>scanner scan</c> runs) flattens them.
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
            Assert.Equal(expected.RootElement.GetProperty(section).GetRawText(), actual.RootElement.GetProperty(section).GetRawText());
        }

        // The comparison covers the estimator: these logs give estimated handling times and their validation.
        Assert.Contains(Named(expected.RootElement.GetProperty("processes"), "startEstimateValidation"), v => v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0);
        Assert.Contains(Named(expected.RootElement.GetProperty("opportunities"), "estimatedServiceTime"), v => v.ValueKind == JsonValueKind.Object && v.GetProperty("count").GetInt64() > 0);
        Assert.Empty(await WorkBlobsAsync(fanned));
    }

    /// <summary>Every value of a property of that name, at any depth.</summary>
    private static IEnumerable<JsonElement> Named(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(name))
                {
                    yield return property.Value;
                }

                foreach (var inner in Named(property.Value, name))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var inner in Named(item, name))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The scan sidecars left under the engagement's work folder.</summary>
    private async Task<List<string>> WorkBlobsAsync(string engagement)
    {
        var names = new List<string>();
        await foreach (var blob in env.Storage.Blobs.GetBlobContainerClient(StorageNames.CacheContainer).GetBlobsAsync(new global::Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"scan-work/{engagement}/" }, TestContext.Current.CancellationToken))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>OCEL 1.0 JSON (a small ward log): events relate patients and beds.</summary>
    private const string LegacyOcel = """
        {"ocel:global-log": {"ocel:attribute-names": [], "ocel:object-types": ["patients", "beds"]},
         "ocel:events": {
           "e1": {"ocel:activity": "admit patient", "ocel:timestamp": "2026-03-02T08:00:00+00:00", "ocel:omap": ["p1", "b1"], "ocel:vmap": {"org:resource": "Ann"}},
           "e2": {"ocel:activity": "triage", "ocel:timestamp": "2026-03-02T08:40:00+00:00", "ocel:omap": ["p1"], "ocel:vmap": {"org:resource": "Eve"}},
           "e3": {"ocel:activity": "admit patient", "ocel:timestamp": "2026-03-02T09:10:00+00:00", "ocel:omap": ["p2", "b1"], "ocel:vmap": {"org:resource": "Ann"}},
           "e4": {"ocel:activity": "triage", "ocel:timestamp": "2026-03-02T09:55:00+00:00", "ocel:omap": ["p2"], "ocel:vmap": {"org:resource": "Eve"}},
           "e5": {"ocel:activity": "discharge patient", "ocel:timestamp": "2026-03-03T11:00:00+00:00", "ocel:omap": ["p1", "b1"], "ocel:vmap": {"org:resource": "Ann"}}
         },
         "ocel:objects": {"p1": {"ocel:type": "patients", "ocel:ovmap": {"age": 61}}, "p2": {"ocel:type": "patients", "ocel:ovmap": {}}, "b1": {"ocel:type": "beds", "ocel:ovmap": {}}}}
        """;

    private async Task UploadOcelAsync(string engagement)
    {
        foreach (var file in new[] { "ocel20_example.jsonocel", "ocel20_example.xmlocel", "ocel20_example.sqlite", "recruiting-red.jsonocel.gz" })
        {
            await env.UploadSampleAsync(engagement, "ocel/" + file);
        }

        await env.UploadTextAsync(engagement, "ward.json", LegacyOcel);
        await env.UploadSampleAsync(engagement, "running-example.xes");
    }

    [Fact]
    public async Task Orchestration_ObjectCentricLogsInEveryFormat_PublishesTheOnePassReport()
    {
        var onePass = ScannerEnvironment.NewEngagement("ocelone");
        var fanned = ScannerEnvironment.NewEngagement("ocelfan");
        await UploadOcelAsync(onePass);
        await UploadOcelAsync(fanned);
        var scans = env.Services.GetRequiredService<StorageScanService>();
        await scans.ScanAsync(new ScanRequest(onePass, ScanRequest.Upload, null, DateTimeOffset.UtcNow), cancellationToken: TestContext.Current.CancellationToken);

        var id = await env.Durable.Client.ScheduleNewOrchestrationInstanceAsync(ScanOrchestration.Orchestrator,
            new ScanRequest(fanned, ScanRequest.Upload, null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        var run = await env.Durable.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, TestContext.Current.CancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Equal("Published", run.ReadOutputAs<ScanResult>()!.Status);
        using var expected = await ReportAsync(onePass);
        using var actual = await ReportAsync(fanned);
        foreach (var section in new[] { "processes", "opportunities", "inputs" })
        {
            Assert.Equal(expected.RootElement.GetProperty(section).GetRawText(), actual.RootElement.GetProperty(section).GetRawText());
        }

        // Every OCEL input was read, each flattened into one process per object type (the two P2P files share a name).
        var inputs = actual.RootElement.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(6, inputs.Count);
        Assert.All(inputs, i => Assert.True(i.GetProperty("read").GetBoolean(), i.GetRawText()));
        var formats = actual.RootElement.GetProperty("processes").EnumerateArray()
            .Where(p => p.TryGetProperty("objectCentric", out var o) && o.ValueKind == JsonValueKind.Object)
            .Select(p => p.GetProperty("objectCentric").GetProperty("format").GetString()).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["OCEL 1.0 JSON", "OCEL 2.0 JSON", "OCEL 2.0 SQLite", "OCEL 2.0 XML"], formats);
        Assert.Empty(await WorkBlobsAsync(fanned));
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

        var mined = await activities.MineAsync(new MineChunkWork(engagement, export, new ExportChunk(0, 1, ChunkKind.Whole), "replaced"), TestContext.Current.CancellationToken);
        var result = await activities.FinishAsync(new FinishWork(request, plan.Fingerprint, [mined]), TestContext.Current.CancellationToken);

        Assert.Contains("changed while it was scanned", mined.Error, StringComparison.Ordinal);
        Assert.Equal("Superseded", result.Status);
        Assert.Empty(await env.ReportBlobsAsync(engagement));
    }

    [Fact]
    public async Task Orchestration_FailsForGoodAfterMining_DeletesItsSidecars()
    {
        var engagement = ScannerEnvironment.NewEngagement("failed");
        var sizes = await UploadAsync(engagement);
        var scans = env.Services.GetRequiredService<StorageScanService>();
        var options = Options.Create(new ScanFanOutOptions { PartBytes = Math.Max(1 << 16, sizes.Values.Max() / 4 + 1), MaxPartsPerExport = 4 });
        var activities = new ScanActivities(scans, env.Storage, IngestionOptions.Default, options, env.Services.GetRequiredService<ILogger<ScanActivities>>());
        var left = new List<string>();
        async Task<ScanResult> Fail(FinishWork work)
        {
            // What the parts stored is there when the last step fails (a fault not worth retrying).
            left.AddRange(await WorkBlobsAsync(engagement));
            throw new ScanFailedException("publishing failed for good");
        }

        await using var durable = await ScannerEnvironment.StartDurableAsync(env.Services, activities, Fail);

        var id = await durable.Client.ScheduleNewOrchestrationInstanceAsync(ScanOrchestration.Orchestrator,
            new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        var run = await durable.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, TestContext.Current.CancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.True(left.Count >= 5, $"{left.Count} sidecars while the scan ran"); // teleclaims and repair in parts, helpdesk whole
        Assert.All(left, name => Assert.StartsWith(StorageNames.ScanWorkFolder(engagement, id), name, StringComparison.Ordinal));
        Assert.Empty(await WorkBlobsAsync(engagement));
    }

    [Fact]
    public async Task Orchestration_InterleavedCsvRecutByCaseHash_LeavesNoSidecarOfTheFirstCut()
    {
        // Cases visited in turn: the byte-range parts are mined, found interleaved, and the log is mined again by case-id
        // hash; the first cut's sidecars are not in the merge and must go too.
        var engagement = ScannerEnvironment.NewEngagement("recut");
        var rows = new System.Text.StringBuilder("case,activity,timestamp,resource\n");
        var start = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 20_000; i++)
        {
            var c = i % 150;
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{c},step {i / 150 % 4},{start.AddMinutes(i * 3 + c):yyyy-MM-ddTHH:mm:ssZ},r{(c + i) % 11}\n");
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(rows.ToString());
        await env.Storage.Exports.GetBlobClient($"{engagement}/interleaved.csv").UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, TestContext.Current.CancellationToken);
        var scans = env.Services.GetRequiredService<StorageScanService>();
        var options = Options.Create(new ScanFanOutOptions { PartBytes = 1 << 16, MaxPartsPerExport = 4 });
        var activities = new ScanActivities(scans, env.Storage, IngestionOptions.Default, options, env.Services.GetRequiredService<ILogger<ScanActivities>>());
        var left = new List<string>();
        await using var durable = await ScannerEnvironment.StartDurableAsync(env.Services, activities, async work =>
        {
            left.AddRange(await WorkBlobsAsync(engagement));
            return await activities.FinishAsync(work, CancellationToken.None);
        });

        var id = await durable.Client.ScheduleNewOrchestrationInstanceAsync(ScanOrchestration.Orchestrator,
            new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        var run = await durable.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, TestContext.Current.CancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        Assert.Contains(left, n => n.Contains("/ByteRange-", StringComparison.Ordinal));
        Assert.Contains(left, n => n.Contains("/CaseHash-", StringComparison.Ordinal));
        Assert.Empty(await WorkBlobsAsync(engagement));
    }

    [Fact]
    public async Task MineChunk_Output_IsAnAggregateNotTheEvents()
    {
        var engagement = ScannerEnvironment.NewEngagement("payload");
        await env.Storage.Exports.GetBlobClient($"{engagement}/receipt.xes").UploadAsync(BinaryData.FromBytes(Uncompressed("08_receipt.xes.gz")), overwrite: true, TestContext.Current.CancellationToken);
        var activities = env.Services.GetRequiredService<ScanActivities>();
        var plan = await activities.BeginAsync(new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        var export = Assert.Single(plan.Exports);

        var mined = await activities.MineAsync(new MineChunkWork(engagement, export, new ExportChunk(0, 1, ChunkKind.Whole), "payload"), TestContext.Current.CancellationToken);

        var payload = JsonSerializer.Serialize(mined);
        var sidecar = await env.Storage.Blobs.GetBlobContainerClient(StorageNames.CacheContainer).GetBlobClient(mined.SidecarBlob).GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(mined.Mined!.Aggregate!.Events > 5000);
        Assert.True(payload.Length < export.Size / 10, $"{payload.Length} bytes of payload for a {export.Size}-byte export");

        // The start-time journal is a blob beside the payload: a few bytes per event, far from the export's size.
        Assert.Equal(mined.Mined.SidecarBytes, sidecar.Value.ContentLength);
        Assert.InRange(sidecar.Value.ContentLength, 1, mined.Mined.Events * 16);
        Assert.True(sidecar.Value.ContentLength < export.Size / 20, $"{sidecar.Value.ContentLength} bytes of sidecar for a {export.Size}-byte export");
    }
}
