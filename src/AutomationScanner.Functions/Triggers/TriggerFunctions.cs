using System.Globalization;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Scanning;
using Microsoft.DurableTask.Client;

namespace AutomationScanner.Functions.Triggers;

/// <summary>
/// The non-HTTP entry points. Thin: decode the trigger, call one service, return. A thrown exception fails the
/// invocation: the host retries the queue message and, after host.json's maxDequeueCount (5), moves it to
/// <c>{queue}-poison</c>.
/// </summary>
public sealed partial class TriggerFunctions(ScanScheduler scheduler, ExportCatalog exports, TimeProvider timeProvider, ILogger<TriggerFunctions> logger)
{
    public const string ScanOnUpload = nameof(ScanOnUpload);
    public const string RunScan = nameof(RunScan);
    public const string WeeklyRescan = nameof(WeeklyRescan);

    /// <summary>The connection setting every storage trigger uses (ScannerStorage or ScannerStorage__*).</summary>
    public const string Connection = ScannerStorageOptions.SectionName;

    /// <summary>
    /// Event Grid BlobCreated events that its subscription on <c>exports</c> writes to <c>export-events</c>: one coalesced
    /// scan per engagement touched, however many files a burst uploads. Returns what it did, one line per event outcome.
    /// </summary>
    [Function(ScanOnUpload)]
    public async Task<IReadOnlyList<string>> ScanOnUploadAsync(
        [QueueTrigger(StorageNames.ExportEventsQueue, Connection = Connection)] string message, CancellationToken cancellationToken)
    {
        var events = BlobCreatedEvent.ParseAll(QueueMessage.Decode(message), out var skipped);
        var outcomes = new List<string>();
        if (skipped > 0)
        {
            outcomes.Add(string.Create(CultureInfo.InvariantCulture, $"Ignored {skipped} event(s) that are not BlobCreated."));
        }

        var engagements = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var created in events)
        {
            var engagement = created.Container == StorageNames.ExportsContainer ? EngagementName.FromExportBlob(created.BlobName) : null;
            if (engagement is null)
            {
                outcomes.Add($"Ignored a blob outside exports/{{engagement}}/ in container '{created.Container}'.");
                continue;
            }

            engagements.Add(engagement);
        }

        outcomes.AddRange(await scheduler.ScheduleUploadsAsync(engagements, exports, maxEngagements: 50, cancellationToken));

        foreach (var outcome in outcomes)
        {
            LogOutcome(logger, ScanOnUpload, outcome);
        }

        return outcomes;
    }

    /// <summary>One <c>scan-requests</c> message: start (or find) the scan orchestration for it.</summary>
    [Function(RunScan)]
    public async Task<string> RunScanAsync(
        [QueueTrigger(StorageNames.ScanRequestsQueue, Connection = Connection)] string request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var parsed = ScanRequest.Parse(QueueMessage.Decode(request));
        LogRunScan(logger, parsed.Engagement, parsed.Reason);
        var started = await ScanOrchestration.StartAsync(durable, parsed, cancellationToken);
        return started.Created
            ? $"Engagement {parsed.Engagement}: scan orchestration {started.InstanceId} started."
            : $"Engagement {parsed.Engagement}: scan orchestration {started.InstanceId} already {started.Status}; nothing started.";
    }

    /// <summary>Timer, Monday 06:00 UTC: one rescan request per engagement, keyed by the day so a repeated run adds nothing.</summary>
    [Function(WeeklyRescan)]
    public async Task<string> WeeklyRescanAsync([TimerTrigger("0 0 6 * * Mon")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var key = "weekly-" + timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var engagements = await exports.ListEngagementsAsync(cancellationToken);
        foreach (var engagement in engagements)
        {
            await scheduler.EnqueueRescanAsync(engagement, ScanRequest.Weekly, key, cancellationToken);
        }

        var outcome = string.Create(CultureInfo.InvariantCulture, $"Weekly rescan {key}{(timer.IsPastDue ? " (past due)" : string.Empty)}: {engagements.Count} engagement(s) enqueued.");
        LogOutcome(logger, WeeklyRescan, outcome);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RunScan for {Engagement} ({Reason})")]
    private static partial void LogRunScan(ILogger logger, string engagement, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string function, string outcome);
}
