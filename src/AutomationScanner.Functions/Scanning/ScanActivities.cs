using System.Net;
using System.Security.Cryptography;
using System.Text;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Scanning;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Functions.Scanning;

/// <summary>
/// The work of a Durable scan, one method per activity. Inputs and outputs are small: names, ETags, byte ranges, mined
/// aggregates and the names of the parts' sidecar blobs (start-time journals, object-centric processes); never events. Each method is safe to run again (retries, replays): reads are pinned to the
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
        var processes = ScanPipeline.ProcessNames(prepared.Snapshot.Blobs.Select(b => b.Name).Where(ExportSniffer.IsEventLogName));
        var exports = prepared.Snapshot.Blobs
            .Select(b => new ExportPart(b.Name, b.BlobName, b.Size, b.ETag, ExportSniffer.IsEventLogName(b.Name), fanOut.Value.PartsFor(b.Size),
                processes.GetValueOrDefault(b.Name, EventLogReader.ProcessName(b.Name))))
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

    /// <summary>
    /// Mines one part and stores its sidecar (start-time journal, or an object-centric log's processes) as a blob named
    /// by the scan, the export's ETag and the part, so a retry overwrites it; an unreadable export is an outcome
    /// (reported in the scan), not a failure to retry.
    /// </summary>
    public async Task<ChunkOutcome> MineAsync(MineChunkWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var name = work.Export.Name;
        try
        {
            await using var content = await OpenAsync(work.Export, cancellationToken);
            await using var sidecar = ExportChunker.TemporarySidecar();
            var mined = await Task.Run(() => ExportChunker.Mine(name, content, work.Chunk, work.Export.Process, sidecar, ingestion, cancellationToken), cancellationToken);
            var blobName = SidecarBlob(work);
            sidecar.Position = 0;
            await Work.GetBlobClient(blobName).UploadAsync(sidecar, overwrite: true, cancellationToken);
            LogMined(logger, work.Engagement, name, work.Chunk.Index + 1, work.Chunk.Count, mined.Events, mined.SidecarBytes);
            return new ChunkOutcome(name, mined, null, blobName);
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

    /// <summary>
    /// Merges each export's parts (the start times estimated over the whole log from the parts' journals), then judges,
    /// ranks and publishes exactly as a one-pass scan does; the scan's sidecars are deleted once it has ended.
    /// </summary>
    public async Task<ScanResult> FinishAsync(FinishWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var byExport = work.Chunks.GroupBy(c => c.Export, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        async Task<IReadOnlyList<MinedProcess>> FinishExport(ScanInput input, string process, CancellationToken ct)
        {
            if (!byExport.TryGetValue(input.Name, out var parts))
            {
                throw new IngestionException(input.Name, "was not mined by this scan (it appeared after the scan began)");
            }

            if (parts.FirstOrDefault(p => p.Error is not null) is { } failed)
            {
                throw new IngestionException(failed.Error!);
            }

            // The sidecars come down to temporary files first: the replay reads them all at once, at its own pace.
            var sidecars = new Dictionary<int, FileStream>();
            try
            {
                foreach (var part in parts)
                {
                    var file = ExportChunker.TemporarySidecar();
                    sidecars[part.Mined!.Chunk.Index] = file;
                    await Work.GetBlobClient(part.SidecarBlob).DownloadToAsync(file, ct);
                    file.Position = 0;
                }

                var mined = parts.Select(p => p.Mined!).ToList();
                return await Task.Run(() => ExportChunker.Finish(input.Name, process, mined, m => sidecars.Remove(m.Chunk.Index, out var file) ? file : throw new InvalidOperationException($"{input.Name}: part {m.Chunk.Index} has no sidecar."), ingestion), ct);
            }
            finally
            {
                foreach (var file in sidecars.Values)
                {
                    await file.DisposeAsync();
                }
            }
        }

        var outcome = await scans.ScanSnapshotAsync(work.Request, work.Fingerprint, FinishExport, progress: null, cancellationToken);
        await DeleteSidecarsAsync(work.Chunks.Select(c => c.SidecarBlob).OfType<string>(), cancellationToken);
        if (work.Scan is not null)
        {
            // Also what a first cut left before its log was re-cut by case-id hash (those parts are not in the merge).
            await DiscardAsync(new DiscardWork(work.Request.Engagement, work.Scan), cancellationToken);
        }

        return new ScanResult(work.Request.Engagement, outcome.Status.ToString(), outcome.Manifest?.ScanId, outcome.Manifest?.Opportunities ?? 0);
    }

    /// <summary>Where a part's sidecar is kept: the scan, the export's blob and ETag, and the part.</summary>
    public static string SidecarBlob(MineChunkWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var export = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(work.Export.BlobName + "\n" + work.Export.ETag)))[..16];
        return FormattableString.Invariant($"{StorageNames.ScanWorkFolder(work.Engagement, work.Scan)}{export}/{work.Chunk.Kind}-{work.Chunk.Index}-of-{work.Chunk.Count}.sidecar");
    }

    private BlobContainerClient Work => storage.Blobs.GetBlobContainerClient(StorageNames.CacheContainer);

    /// <summary>Deletes every blob in a scan's work folder (its parts' sidecars); run when the scan ends, however it ends.</summary>
    public async Task DiscardAsync(DiscardWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var folder = StorageNames.ScanWorkFolder(work.Engagement, work.Scan);
        var names = new List<string>();
        await foreach (var blob in Work.GetBlobsAsync(new GetBlobsOptions { Prefix = folder }, cancellationToken))
        {
            names.Add(blob.Name);
        }

        await DeleteSidecarsAsync(names, cancellationToken);
        if (names.Count > 0)
        {
            LogDiscarded(logger, work.Engagement, work.Scan, names.Count);
        }
    }

    private async Task DeleteSidecarsAsync(IEnumerable<string> blobs, CancellationToken cancellationToken)
    {
        foreach (var blob in blobs.Distinct(StringComparer.Ordinal))
        {
            try
            {
                await Work.GetBlobClient(blob).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
            catch (RequestFailedException ex)
            {
                // The report is out; a leftover sidecar costs storage only, and no later scan reads it (its folder is this scan's).
                LogSidecarLeft(logger, blob, ex.Status);
            }
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: mined {Export} part {Part}/{Parts}: {Events} events, sidecar {SidecarBytes} bytes")]
    private static partial void LogMined(ILogger logger, string engagement, string export, int part, int parts, long events, long sidecarBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: deleted {Count} sidecar(s) left by scan {Scan}")]
    private static partial void LogDiscarded(ILogger logger, string engagement, string scan, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the scan sidecar {Blob} (status {Status})")]
    private static partial void LogSidecarLeft(ILogger logger, string blob, int status);
}
