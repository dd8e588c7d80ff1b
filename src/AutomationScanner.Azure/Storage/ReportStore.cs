using System.Net;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using AutomationScanner.Core.Reporting;
using Microsoft.Extensions.Logging;

namespace AutomationScanner.Azure.Storage;

/// <summary>
/// The <c>reports</c> container. A scan is published in three steps so that readers never see half of one: every
/// format blob under <c>{engagement}/{scanId}/</c>, then that folder's <c>manifest.json</c> (a folder without it
/// is not a scan), then <c>{engagement}/latest.json</c>, replaced only by a newer scan (ETag-conditional write).
/// </summary>
public sealed partial class ReportStore(ScannerStorageClients storage, ILogger<ReportStore> logger)
{
    private const string FingerprintMetadata = "fingerprint";

    private BlobContainerClient Reports => storage.Reports;

    public async Task<ScanManifest?> ReadLatestAsync(string engagement, CancellationToken cancellationToken) =>
        (await ReadJsonAsync(StorageNames.LatestBlob(EngagementName.Validate(engagement)), cancellationToken)).Manifest;

    public async Task<ScanManifest?> ReadManifestAsync(string engagement, string scanId, CancellationToken cancellationToken)
    {
        EngagementName.Validate(engagement);
        return ScanId.IsValid(scanId) ? (await ReadJsonAsync(StorageNames.ManifestBlob(engagement, scanId), cancellationToken)).Manifest : null;
    }

    /// <summary>Published scans of an engagement, oldest first.</summary>
    public async Task<IReadOnlyList<PublishedScan>> ListScansAsync(string engagement, CancellationToken cancellationToken)
    {
        var prefix = EngagementName.Validate(engagement) + "/";
        var scans = new List<PublishedScan>();
        await foreach (var item in Reports.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix, Traits = BlobTraits.Metadata }, cancellationToken))
        {
            var parts = item.Name[prefix.Length..].Split('/');
            if (parts is [var scanId, "manifest.json"] && ScanId.IsValid(scanId))
            {
                scans.Add(new PublishedScan(scanId, item.Metadata.TryGetValue(FingerprintMetadata, out var f) ? f : string.Empty,
                    item.Properties.LastModified ?? DateTimeOffset.MinValue));
            }
        }

        scans.Sort((a, b) => string.CompareOrdinal(a.ScanId, b.ScanId));
        return scans;
    }

    public async Task<ScanManifest?> FindByFingerprintAsync(string engagement, string fingerprint, CancellationToken cancellationToken)
    {
        var match = (await ListScansAsync(engagement, cancellationToken)).LastOrDefault(s => s.Fingerprint == fingerprint);
        return match is null ? null : await ReadManifestAsync(engagement, match.ScanId, cancellationToken);
    }

    /// <summary>Writes every format, then the manifest, then points latest.json at the scan if no newer scan got there first.</summary>
    public async Task<ScanManifest> PublishAsync(ScanManifest manifest, ScanReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(report);
        var folder = StorageNames.ScanFolder(manifest.Engagement, manifest.ScanId);
        var formats = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var format in ReportFormat.All)
        {
            // Written to a local file first and uploaded in one commit (a single put, or staged blocks and one block
            // list): no reader ever sees a partial or empty blob. OpenWrite would create an empty blob at once.
            var blob = Reports.GetBlobClient(folder + format.FileName);
            await using var staged = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            await format.WriteAsync(report, staged, cancellationToken);
            await staged.FlushAsync(cancellationToken);
            staged.Position = 0;
            await blob.UploadAsync(staged, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = format.ContentType } }, cancellationToken);
            formats[format.Name] = format.FileName;
        }

        var published = manifest with { Formats = formats };
        await Reports.GetBlobClient(StorageNames.ManifestBlob(manifest.Engagement, manifest.ScanId)).UploadAsync(
            BinaryData.FromObjectAsJson(published, ScanManifest.Info),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Metadata = new Dictionary<string, string> { [FingerprintMetadata] = manifest.Fingerprint },
            },
            cancellationToken);
        await PointLatestAsync(published, cancellationToken);
        return published;
    }

    /// <summary>
    /// Makes latest.json name <paramref name="manifest"/> unless it already names a scan at least as new. The write is
    /// conditional on the ETag just read, so two scans finishing together cannot put the older one last.
    /// </summary>
    public async Task<bool> PointLatestAsync(ScanManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var blob = Reports.GetBlobClient(StorageNames.LatestBlob(manifest.Engagement));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (latest, etag) = await ReadJsonAsync(blob.Name, cancellationToken);
            if (latest is not null && (latest.ScanId == manifest.ScanId || latest.GeneratedAt > manifest.GeneratedAt))
            {
                return latest.ScanId == manifest.ScanId;
            }

            var conditions = etag is { } current ? new BlobRequestConditions { IfMatch = current } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                await blob.UploadAsync(BinaryData.FromObjectAsJson(manifest, ScanManifest.Info), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                    Conditions = conditions,
                }, cancellationToken);
                LogLatest(manifest.Engagement, manifest.ScanId);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
            {
                // Another scan moved latest.json between our read and write: read it again and decide again.
            }
        }

        throw new InvalidOperationException($"reports/{StorageNames.LatestBlob(manifest.Engagement)} kept changing; latest was not updated.");
    }

    /// <summary>Opens one format of a published scan for streaming, or null when the scan or the format does not exist.</summary>
    public async Task<BlobDownloadStreamingResult?> OpenReportAsync(string engagement, string scanId, ReportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(format);
        EngagementName.Validate(engagement);
        if (!ScanId.IsValid(scanId))
        {
            return null;
        }

        // Only a published scan is served: its manifest exists and lists the format (a crashed publish leaves neither).
        if (await ReadManifestAsync(engagement, scanId, cancellationToken) is not { } manifest || !manifest.Formats.ContainsKey(format.Name))
        {
            return null;
        }

        try
        {
            return (await Reports.GetBlobClient(StorageNames.ScanFolder(engagement, scanId) + format.FileName).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// The JSON report of an earlier scan, for the scan-to-scan diff; null when it is missing or unreadable (the new
    /// scan then goes on without a diff rather than failing over an old file).
    /// </summary>
    public async Task<PreviousReport?> ReadPreviousAsync(string engagement, string scanId, CancellationToken cancellationToken)
    {
        using var blob = await OpenReportAsync(engagement, scanId, ReportFormat.Json, cancellationToken);
        if (blob is null)
        {
            return null;
        }

        try
        {
            await using var content = blob.Content;
            return await PreviousReport.ReadAsync(content, $"reports/{StorageNames.ScanFolder(engagement, scanId)}{ReportFormat.Json.FileName}", cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            LogUnreadablePrevious(engagement, scanId, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Claims the scan of one input fingerprint before it starts, so that concurrent or repeated deliveries of the
    /// same request publish one report: a marker blob written with <c>If-None-Match: *</c> names the scan id. Who
    /// finds the marker gets the claimed scan (published, or still running); a claim older than
    /// <paramref name="staleAfter"/> whose scan never published (its worker died) is taken over, ETag-conditionally,
    /// keeping its scan id.
    /// </summary>
    public async Task<ScanClaim> ClaimAsync(string engagement, string fingerprint, string scanId, TimeSpan staleAfter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        EngagementName.Validate(engagement);
        var blob = Reports.GetBlobClient(StorageNames.ClaimBlob(engagement, fingerprint));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var content = BinaryData.FromObjectAsJson(new ClaimMarker(scanId, now), ScanManifest.ClaimInfo);
            try
            {
                await blob.UploadAsync(content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
                return new ScanClaim(ClaimState.Acquired, scanId, null);
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // Someone claimed it first: see what became of their scan.
            }

            ClaimMarker? marker;
            ETag etag;
            try
            {
                var existing = await blob.DownloadContentAsync(cancellationToken);
                etag = existing.Value.Details.ETag;
                marker = TryRead(existing.Value.Content);
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                continue;
            }

            if (marker is not null && ScanId.IsValid(marker.ScanId) && await ReadManifestAsync(engagement, marker.ScanId, cancellationToken) is { } published)
            {
                return new ScanClaim(ClaimState.Published, marker.ScanId, published);
            }

            if (marker is not null && now - marker.ClaimedAt < staleAfter)
            {
                return new ScanClaim(ClaimState.InProgress, marker.ScanId, null);
            }

            // Stale or unreadable: take it over, keeping the claimed scan id so a half-written folder is overwritten.
            var takeover = marker is not null && ScanId.IsValid(marker.ScanId) ? marker.ScanId : scanId;
            try
            {
                await blob.UploadAsync(BinaryData.FromObjectAsJson(new ClaimMarker(takeover, now), ScanManifest.ClaimInfo),
                    new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = etag } }, cancellationToken);
                LogTakeover(engagement, takeover);
                return new ScanClaim(ClaimState.Acquired, takeover, null);
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // Another delivery took it over between our read and write: look again.
            }
        }

        return new ScanClaim(ClaimState.InProgress, scanId, null);
    }

    /// <summary>
    /// Deletes scan folders that never got a manifest (a publish that died half-way) once they are older than
    /// <paramref name="olderThan"/>; a published scan is never touched. Returns the folders removed.
    /// </summary>
    public async Task<IReadOnlyList<string>> SweepOrphansAsync(string engagement, TimeSpan olderThan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var prefix = EngagementName.Validate(engagement) + "/";
        var folders = new Dictionary<string, (bool Manifest, DateTimeOffset Newest, List<string> Blobs)>(StringComparer.Ordinal);
        await foreach (var item in Reports.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            var parts = item.Name[prefix.Length..].Split('/');
            if (parts.Length != 2 || !ScanId.IsValid(parts[0]))
            {
                continue;
            }

            var entry = folders.TryGetValue(parts[0], out var e) ? e : (Manifest: false, Newest: DateTimeOffset.MinValue, Blobs: new List<string>());
            var modified = item.Properties.LastModified ?? DateTimeOffset.MinValue;
            entry.Blobs.Add(item.Name);
            folders[parts[0]] = (entry.Manifest || parts[1] == "manifest.json", modified > entry.Newest ? modified : entry.Newest, entry.Blobs);
        }

        var removed = new List<string>();
        foreach (var (scanId, folder) in folders)
        {
            if (folder.Manifest || now - folder.Newest < olderThan)
            {
                continue;
            }

            foreach (var name in folder.Blobs)
            {
                await Reports.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }

            removed.Add(scanId);
            LogSwept(engagement, scanId, folder.Blobs.Count);
        }

        return removed;
    }

    private static ClaimMarker? TryRead(BinaryData content)
    {
        try
        {
            return content.ToObjectFromJson(ScanManifest.ClaimInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<(ScanManifest? Manifest, ETag? ETag)> ReadJsonAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Reports.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return (content.Value.Content.ToObjectFromJson(ScanManifest.Info), content.Value.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return (null, null);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"reports/{blobName} is not a scan manifest: {ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engagement {Engagement}: previous scan {ScanId} has no readable JSON report ({Problem}); no diff this time")]
    private partial void LogUnreadablePrevious(string engagement, string scanId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engagement {Engagement}: took over the stale claim of scan {ScanId} (its worker stopped before publishing)")]
    private partial void LogTakeover(string engagement, string scanId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engagement {Engagement}: removed unpublished scan folder {ScanId} ({Blobs} blobs) left by an interrupted publish")]
    private partial void LogSwept(string engagement, string scanId, int blobs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: latest scan is now {ScanId}")]
    private partial void LogLatest(string engagement, string scanId);
}

/// <summary>The content of <c>reports/{engagement}/claims/{fingerprint}.json</c>.</summary>
internal sealed record ClaimMarker(string ScanId, DateTimeOffset ClaimedAt);
