using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Core.Tracking;
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
}

public sealed record ScanOutcome(ScanStatus Status, ScanManifest? Manifest, ScanReport? Report);

/// <summary>A scan that must not be published (no export could be read); the request fails and is retried, then poisoned.</summary>
public sealed class ScanFailedException(string message) : Exception(message);

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

        var previous = await reports.ReadLatestAsync(engagement, cancellationToken);
        var scanId = ScanId.Create(timeProvider.GetUtcNow(), fingerprint);
        progress?.Report($"Scanning {snapshot.Blobs.Count} exports");
        // The diff against the previous scan (new, dropped, moved tasks, risk changes) goes into every format.
        var previousReport = previous is null ? null : await reports.ReadPreviousAsync(engagement, previous.ScanId, cancellationToken);
        var marks = statuses is null ? null : await statuses.ReadAsync(engagement, cancellationToken);
        var report = await pipeline.RunAsync(snapshot.Inputs, scanId, previousReport, marks, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: no exports, nothing to scan")]
    private partial void LogNoExports(string engagement);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: unchanged inputs, scan {ScanId} already published")]
    private partial void LogAlreadyPublished(string engagement, string scanId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engagement {Engagement}: published scan {ScanId} with {Opportunities} opportunities")]
    private partial void LogPublished(string engagement, string scanId, int opportunities);
}
