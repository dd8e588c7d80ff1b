using AutomationScanner.Core.Scanning;
using AutomationScanner.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace AutomationScanner.Azure.Storage;

/// <summary>
/// Scans one engagement in storage: read its exports, run the pipeline, publish the report. Idempotent by input
/// fingerprint: a repeated request for unchanged exports publishes nothing and returns the existing scan. With a
/// status store, the engagement's opportunity statuses shape the roadmap and every marked task's realised benefit is
/// measured against its baseline.
/// </summary>
public sealed partial class StorageScanService(
    ExportCatalog exports,
    ReportStore reports,
    ScanScheduler scheduler,
    ScanPipeline pipeline,
    TimeProvider timeProvider,
    ILogger<StorageScanService> logger,
    IOpportunityStatusStore? statuses = null)
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
    /// Lists the exports, then scans and publishes them unless that fingerprint is published (or being published)
    /// already. With <paramref name="expectedFingerprint"/> (a Durable scan's last step) exports that changed since the
    /// scan began end it as <see cref="ScanStatus.Superseded"/>; <paramref name="logMiner"/> supplies the logs' processes (merged from their parts).
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

        // Exactly once: concurrent or repeated deliveries of one fingerprint race for a claim; only its owner scans.
        var now = timeProvider.GetUtcNow();
        var claim = await reports.ClaimAsync(engagement, fingerprint, ScanId.Create(now, fingerprint), ClaimTimeout, now, cancellationToken);
        if (claim.State == ClaimState.Published)
        {
            await reports.PointLatestAsync(claim.Published!, cancellationToken);
            LogAlreadyPublished(engagement, claim.ScanId);
            return new ScanOutcome(ScanStatus.AlreadyPublished, claim.Published, null);
        }

        if (claim.State == ClaimState.InProgress)
        {
            LogInProgress(engagement, claim.ScanId);
            return new ScanOutcome(ScanStatus.InProgress, null, null);
        }

        var previous = await reports.ReadLatestAsync(engagement, cancellationToken);
        var scanId = claim.ScanId;
        progress?.Report($"Scanning {snapshot.Blobs.Count} exports");
        // The diff against the previous scan (new, dropped, moved tasks, risk changes) goes into every format.
        var previousReport = previous is null ? null : await reports.ReadPreviousAsync(engagement, previous.ScanId, cancellationToken);
        var marks = statuses is null ? null : await statuses.ReadAsync(engagement, cancellationToken);
        var report = await pipeline.RunAsync(snapshot.Inputs, scanId, previousReport, marks, logMiner, cancellationToken);
        if (!report.Inputs.Any(i => i.Read))
        {
            // Retrying cannot make a bad file good: the report is published with every input's error, so the
            // consultant sees what to fix, and the message is not poisoned.
            LogNothingReadable(engagement, string.Join("; ", report.Inputs.Select(i => i.Error ?? i.Name)));
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
        try
        {
            await reports.SweepOrphansAsync(engagement, OrphanAge, timeProvider.GetUtcNow(), cancellationToken);
        }
        catch (global::Azure.RequestFailedException ex)
        {
            LogSweepFailed(engagement, ex.Message);
        }

        return new ScanOutcome(ScanStatus.Published, manifest, report);
    }

    /// <summary>How long a claim holds off other deliveries of the same fingerprint before it counts as abandoned.</summary>
    public TimeSpan ClaimTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Age after which a scan folder without a manifest is an orphan of an interrupted publish and is deleted.</summary>
    public TimeSpan OrphanAge { get; init; } = TimeSpan.FromHours(1);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: scan {ScanId} of the same inputs is running in another delivery; this one does nothing")]
    private partial void LogInProgress(string engagement, string scanId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engagement {Engagement}: no export could be read; the report lists why ({Problems})")]
    private partial void LogNothingReadable(string engagement, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engagement {Engagement}: orphan sweep failed ({Problem}); it runs again after the next scan")]
    private partial void LogSweepFailed(string engagement, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: exports changed during the scan; superseded by the scan their upload scheduled")]
    private partial void LogSuperseded(string engagement);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: no exports, nothing to scan")]
    private partial void LogNoExports(string engagement);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: unchanged inputs, scan {ScanId} already published")]
    private partial void LogAlreadyPublished(string engagement, string scanId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: published scan {ScanId} with {Opportunities} opportunities")]
    private partial void LogPublished(string engagement, string scanId, int opportunities);
}
