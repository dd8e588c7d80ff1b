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
            var blob = Reports.GetBlobClient(folder + format.FileName);
            var options = new BlobOpenWriteOptions { HttpHeaders = new BlobHttpHeaders { ContentType = format.ContentType } };
            await using (var stream = await blob.OpenWriteAsync(overwrite: true, options, cancellationToken))
            {
                await format.WriteAsync(report, stream, cancellationToken);
            }

            formats[format.Name] = format.FileName;
        }

        var published = manifest with { Formats = formats };
        await Reports.GetBlobClient(StorageNames.ManifestBlob(manifest.Engagement, manifest.ScanId)).UploadAsync(
            BinaryData.FromObjectAsJson(published, ScanManifest.JsonOptions),
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
                await blob.UploadAsync(BinaryData.FromObjectAsJson(manifest, ScanManifest.JsonOptions), new BlobUploadOptions
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

    private async Task<(ScanManifest? Manifest, ETag? ETag)> ReadJsonAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Reports.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return (content.Value.Content.ToObjectFromJson<ScanManifest>(ScanManifest.JsonOptions), content.Value.Details.ETag);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: latest scan is now {ScanId}")]
    private partial void LogLatest(string engagement, string scanId);
}
