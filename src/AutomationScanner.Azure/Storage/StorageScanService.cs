using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.Logging;

namespace AutomationScanner.Azure.Storage;

/// <summary>How a scan request ended.</summary>
public enum ScanStatus
{
    /// <summary>A new report was published.</summary>
    Published,

    /// <summary>A report for the same fingerprint exists already; nothing new was written.</summary>
    AlreadyPublished,

    /// <summary>The engagement has no exports; nothing to scan.</summary>
    NoExports,

    /// <summary>The exports changed while the (Durable) scan ran; the upload that changed them schedules the next scan.</summary>
    Superseded,
}

/// <summary>
/// The exports of a scan request and their fingerprint, before anything is mined; <see cref="Done"/> is set when
/// there is nothing to scan (no exports, or this fingerprint is published already).
/// </summary>
public sealed record ScanPreparation(ScanStatus? Done, ExportSnapshot Snapshot, string Fingerprint, ScanManifest? Existing);

public sealed record ScanOutcome(ScanStatus Status, ScanManifest? Manifest, ScanReport? Report);

/// <summary>A scan that must not be published (no export could be read); the request fails and is retried, then poisoned.</summary>
public sealed class ScanFailedException(string message) : Exception(message);

/// <summary>
/// Scans one engagement in storage: read its exports, run the pipeline, publish the report. Idempotent by input
/// fingerprint: a repeated request for unchanged exports publishes nothing and returns the existing scan.
/// </summary>
public sealed partial class StorageScanService(
    ExportCatalog exports, ReportStore reports, ScanScheduler scheduler, ScanPipeline pipeline, TimeProvider timeProvider, ILogger<StorageScanService> logger)
{
    public async Task<ScanOutcome> ScanAsync(ScanRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var engagement = EngagementName.Validate(request.Engagement);
        await scheduler.ReleaseAsync(engagement, cancellationToken);
        return await ScanSnapshotAsync(request, expectedFingerprint: null, logMiner: null, progress, cancellationToken);
    }

    /// <summary>
    /// The first step of a Durable scan: release the upload marker (later uploads schedule the next scan), list the
    /// exports and say whether there is anything to scan.
    /// </summary>
    public async Task<ScanPreparation> PrepareAsync(ScanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var engagement = EngagementName.Validate(request.Engagement);
        await scheduler.ReleaseAsync(engagement, cancellationToken);
        var snapshot = await exports.SnapshotAsync(engagement, cancellationToken);
        var fingerprint = snapshot.Fingerprint(request.RequestKey);
        if (snapshot.Blobs.Count == 0)
        {
            return new ScanPreparation(ScanStatus.NoExports, snapshot, fingerprint, null);
        }

        var existing = await reports.FindByFingerprintAsync(engagement, fingerprint, cancellationToken);
        return new ScanPreparation(existing is null ? null : ScanStatus.AlreadyPublished, snapshot, fingerprint, existing);
    }

    /// <summary>
    /// Lists the exports, then scans and publishes them unless that fingerprint is published already. With
    /// <paramref name="expectedFingerprint"/> (a Durable scan's last step) exports that changed since the scan began
    /// end it as <see cref="ScanStatus.Superseded"/>; <paramref name="logMiner"/> supplies the logs' merged aggregates.
    /// </summary>
    public async Task<ScanOutcome> ScanSnapshotAsync(
        ScanRequest request, string? expectedFingerprint, LogMiner? logMiner, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var engagement = EngagementName.Validate(request.Engagement);
        progress?.Report("Listing exports");
        var snapshot = await exports.SnapshotAsync(engagement, cancellationToken);
        if (snapshot.Blobs.Count == 0)
        {
            LogNoExports(engagement);
            return new ScanOutcome(ScanStatus.NoExports, null, null);
        }

        var fingerprint = snapshot.Fingerprint(request.RequestKey);
        if (await reports.FindByFingerprintAsync(engagement, fingerprint, cancellationToken) is { } existing)
        {
            // A crash between the manifest and latest.json leaves the pointer behind: finish that step now.
            await reports.PointLatestAsync(existing, cancellationToken);
            LogAlreadyPublished(engagement, existing.ScanId);
            return new ScanOutcome(ScanStatus.AlreadyPublished, existing, null);
        }

        if (expectedFingerprint is not null && expectedFingerprint != fingerprint)
        {
            LogSuperseded(engagement);
            return new ScanOutcome(ScanStatus.Superseded, null, null);
        }

        var previous = await reports.ReadLatestAsync(engagement, cancellationToken);
        var scanId = ScanId.Create(timeProvider.GetUtcNow(), fingerprint);
        progress?.Report($"Scanning {snapshot.Blobs.Count} exports");
        // The diff against the previous scan (new, dropped, moved tasks, risk changes) goes into every format.
        var previousReport = previous is null ? null : await reports.ReadPreviousAsync(engagement, previous.ScanId, cancellationToken);
        var report = await pipeline.RunAsync(snapshot.Inputs, scanId, previousReport, logMiner, cancellationToken);
        if (!report.Inputs.Any(i => i.Read))
        {
            var problems = string.Join("; ", report.Inputs.Select(i => $"{i.Name}: {i.Error}"));
            throw new ScanFailedException($"Engagement {engagement}: no export could be read, nothing published ({problems}).");
        }

        progress?.Report("Publishing report");
        var manifest = await reports.PublishAsync(new ScanManifest
        {
            Engagement = engagement,
            ScanId = report.ScanId,
            GeneratedAt = report.GeneratedAt,
            Fingerprint = fingerprint,
            Reason = request.Reason,
            PreviousScanId = previous?.ScanId,
            Inputs = [.. report.Inputs.Select(i => new ManifestInput(i.Name, snapshot.Blobs.FirstOrDefault(b => b.Name == i.Name)?.Size ?? 0, i.Read, i.Error))],
            Formats = new Dictionary<string, string>(),
            Opportunities = report.Opportunities.Count,
        }, report, cancellationToken);
        LogPublished(engagement, manifest.ScanId, manifest.Opportunities);
        return new ScanOutcome(ScanStatus.Published, manifest, report);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: exports changed during the scan; superseded by the scan their upload scheduled")]
    private partial void LogSuperseded(string engagement);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: no exports, nothing to scan")]
    private partial void LogNoExports(string engagement);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: unchanged inputs, scan {ScanId} already published")]
    private partial void LogAlreadyPublished(string engagement, string scanId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: published scan {ScanId} with {Opportunities} opportunities")]
    private partial void LogPublished(string engagement, string scanId, int opportunities);
}
