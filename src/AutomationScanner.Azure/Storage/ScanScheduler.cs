using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Azure.Storage;

/// <summary>
/// Puts scan requests on <c>scan-requests</c>. Uploads are coalesced: the first upload of a burst creates the
/// marker <c>reports/{engagement}/pending.json</c> (create-only) and enqueues one request that becomes visible
/// after <see cref="ScanSchedulingOptions.CoalesceDelay"/>; later uploads see the marker and add nothing. The scan
/// deletes the marker before it lists the exports, so an upload during a scan schedules the next one.
/// </summary>
public sealed partial class ScanScheduler(
    ScannerStorageClients storage, IOptions<ScanSchedulingOptions> options, TimeProvider timeProvider, ILogger<ScanScheduler> logger)
{
    /// <summary>Schedules a scan after an upload; false when one is already pending for the engagement.</summary>
    public async Task<bool> ScheduleAfterUploadAsync(string engagement, CancellationToken cancellationToken)
    {
        EngagementName.Validate(engagement);
        var marker = storage.Reports.GetBlobClient(StorageNames.PendingBlob(engagement));
        var now = timeProvider.GetUtcNow();
        var content = BinaryData.FromObjectAsJson(new PendingMarker(engagement, now, now + options.Value.CoalesceDelay), PendingMarkerInfo);
        try
        {
            await marker.UploadAsync(content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            if (!await TakeOverStaleMarkerAsync(marker, content, now, cancellationToken))
            {
                LogCoalesced(engagement);
                return false;
            }
        }

        try
        {
            await EnqueueAsync(new ScanRequest(engagement, ScanRequest.Upload, null, now), options.Value.CoalesceDelay, cancellationToken);
        }
        catch
        {
            // Without its message the marker would block every scan until it goes stale: remove it and let the retry start over.
            await marker.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw;
        }

        return true;
    }

    /// <summary>
    /// Schedules the scans that the upload events of one message ask for, one per engagement: names that are not
    /// engagements and engagements without exports (events of blobs that are not there: forged or stale) are
    /// dropped, each with a line in the result; at most <paramref name="maxEngagements"/> are looked at.
    /// </summary>
    public async Task<IReadOnlyList<string>> ScheduleUploadsAsync(IEnumerable<string> engagements, ExportCatalog exports, int maxEngagements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagements);
        ArgumentNullException.ThrowIfNull(exports);
        var lines = new List<string>();
        var distinct = engagements.Where(EngagementName.IsValid).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (distinct.Count > maxEngagements)
        {
            lines.Add(FormattableString.Invariant($"The message names {distinct.Count} engagements; only the first {maxEngagements} are looked at (a real upload message names one)."));
            distinct = distinct[..maxEngagements];
        }

        foreach (var engagement in distinct)
        {
            if (!await exports.HasExportsAsync(engagement, cancellationToken))
            {
                LogNoExportsDropped(engagement);
                lines.Add($"Engagement {engagement}: no exports in storage; upload event dropped.");
                continue;
            }

            lines.Add(await ScheduleAfterUploadAsync(engagement, cancellationToken)
                ? $"Engagement {engagement}: scan scheduled."
                : $"Engagement {engagement}: scan already pending; coalesced.");
        }

        return lines;
    }

    /// <summary>Enqueues a rescan that produces a new report even if no export changed (weekly, on demand).</summary>
    public Task EnqueueRescanAsync(string engagement, string reason, string requestKey, CancellationToken cancellationToken) =>
        EnqueueAsync(new ScanRequest(EngagementName.Validate(engagement), reason, requestKey, timeProvider.GetUtcNow()), TimeSpan.Zero, cancellationToken);

    /// <summary>Called by the scan before it lists the exports: later uploads schedule a new scan.</summary>
    public async Task ReleaseAsync(string engagement, CancellationToken cancellationToken) =>
        await storage.Reports.GetBlobClient(StorageNames.PendingBlob(EngagementName.Validate(engagement))).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private static readonly JsonTypeInfo<PendingMarker> PendingMarkerInfo =
        (JsonTypeInfo<PendingMarker>)new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = StorageJsonContext.Default }.GetTypeInfo(typeof(PendingMarker));

    private async Task EnqueueAsync(ScanRequest request, TimeSpan delay, CancellationToken cancellationToken)
    {
        await storage.ScanRequests.SendMessageAsync(request.ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken);
        LogScheduled(request.Engagement, request.Reason, delay.TotalSeconds);
    }

    /// <summary>A marker older than the pending timeout lost its scan (message expired or poisoned): replace it, ETag-conditionally.</summary>
    private async Task<bool> TakeOverStaleMarkerAsync(global::Azure.Storage.Blobs.BlobClient marker, BinaryData content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await marker.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            if (now - properties.LastModified < options.Value.CoalesceDelay + options.Value.PendingTimeout)
            {
                return false;
            }

            await marker.UploadAsync(content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
        {
            // The marker went or changed while we looked: another invocation owns the schedule now.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: {Reason} scan scheduled in {DelaySeconds} s")]
    private partial void LogScheduled(string engagement, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engagement {Engagement}: upload event for an engagement without exports dropped")]
    private partial void LogNoExportsDropped(string engagement);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: a scan is already pending; upload coalesced into it")]
    private partial void LogCoalesced(string engagement);
}
