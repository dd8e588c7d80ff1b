using System.Net;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Mining;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Functions.Scanning;

/// <summary>
/// The work of a Durable scan, one method per activity. Inputs and outputs are small: names, ETags, byte ranges and
/// mined aggregates; never events. Each method is safe to run again (retries, replays): reads are pinned to the
/// snapshot's ETags and the publish is idempotent by input fingerprint.
/// </summary>
public sealed partial class ScanActivities(
    StorageScanService scans, ScannerStorageClients storage, IngestionOptions ingestion, IOptions<ScanFanOutOptions> fanOut, ILogger<ScanActivities> logger)
{
    /// <summary>Releases the upload marker, lists the exports and decides the parts per export.</summary>
    public async Task<ScanPlan> BeginAsync(ScanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prepared = await scans.PrepareAsync(request, cancellationToken);
        var exports = prepared.Snapshot.Blobs
            .Select(b => new ExportPart(b.Name, b.BlobName, b.Size, b.ETag, ExportSniffer.IsEventLogName(b.Name), fanOut.Value.PartsFor(b.Size)))
            .ToList();
        return new ScanPlan(request, prepared.Done?.ToString(), prepared.Fingerprint, prepared.Existing?.ScanId, exports);
    }

    /// <summary>Cuts one export into parts (reads only around the cuts); one whole part when it cannot be cut.</summary>
    public async Task<List<ExportChunk>> PlanAsync(PlanExportWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Export.Parts <= 1)
        {
            return [new ExportChunk(0, 1, ChunkKind.Whole)];
        }

        try
        {
            await using var content = await OpenAsync(work.Export, cancellationToken);
            return [.. await Task.Run(() => ExportChunker.Plan(work.Export.Name, content, work.Export.Parts, ingestion), cancellationToken)];
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return [new ExportChunk(0, 1, ChunkKind.Whole)]; // changed since the snapshot: the mining step reports it
        }
    }

    /// <summary>Mines one part; an unreadable export is an outcome (reported in the scan), not a failure to retry.</summary>
    public async Task<ChunkOutcome> MineAsync(MineChunkWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var name = work.Export.Name;
        try
        {
            await using var content = await OpenAsync(work.Export, cancellationToken);
            var mined = await Task.Run(() => ExportChunker.Mine(name, content, work.Chunk, EventLogReader.ProcessName(name), ingestion, cancellationToken), cancellationToken);
            LogMined(logger, work.Engagement, name, work.Chunk.Index + 1, work.Chunk.Count, mined.Aggregate.Events);
            return new ChunkOutcome(name, mined, null);
        }
        catch (IngestionException ex)
        {
            return new ChunkOutcome(name, null, ex.Message);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return new ChunkOutcome(name, null, $"{name}: the file changed while it was scanned");
        }
    }

    /// <summary>Merges each export's parts, then judges, ranks and publishes exactly as a one-pass scan does.</summary>
    public async Task<ScanResult> FinishAsync(FinishWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var byExport = work.Chunks.GroupBy(c => c.Export, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Task<LogAggregate> MergeParts(Core.Scanning.ScanInput input, string process, CancellationToken ct)
        {
            if (!byExport.TryGetValue(input.Name, out var parts))
            {
                throw new IngestionException(input.Name, "was not mined by this scan (it appeared after the scan began)");
            }

            if (parts.FirstOrDefault(p => p.Error is not null) is { } failed)
            {
                throw new IngestionException(failed.Error!);
            }

            var merged = ExportChunker.Merge(input.Name, parts.Select(p => p.Mined!), ingestion.Mining);
            return Task.FromResult(merged.Process == process ? merged : LogAggregate.FromState(merged.ToState() with { Process = process }, ingestion.Mining));
        }

        var outcome = await scans.ScanSnapshotAsync(work.Request, work.Fingerprint, MergeParts, progress: null, cancellationToken);
        return new ScanResult(work.Request.Engagement, outcome.Status.ToString(), outcome.Manifest?.ScanId, outcome.Manifest?.Opportunities ?? 0);
    }

    private async Task<Stream> OpenAsync(ExportPart export, CancellationToken cancellationToken)
    {
        var options = new BlobOpenReadOptions(allowModifications: true)
        {
            BufferSize = 4 << 20,
            Conditions = new BlobRequestConditions { IfMatch = new ETag(export.ETag) },
        };
        return await storage.Exports.GetBlobClient(export.BlobName).OpenReadAsync(options, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: mined {Export} part {Part}/{Parts}: {Events} events")]
    private static partial void LogMined(ILogger logger, string engagement, string export, int part, int parts, long events);
}
