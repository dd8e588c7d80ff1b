using System.Globalization;
using System.Text.Json;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Invocation;

namespace AutomationScanner.Functions.Triggers;

/// <summary>
/// The non-HTTP functions, each at <c>POST /{FunctionName}</c> as the custom-handler protocol calls them. They are
/// thin: decode the invocation, call one storage service, answer. Any failure answers non-2xx so the host retries the
/// queue message and finally moves it to <c>{queue}-poison</c>.
/// </summary>
internal static partial class TriggerFunctions
{
    public const string ScanOnUpload = "ScanOnUpload";
    public const string RunScan = "RunScan";
    public const string WeeklyRescan = "WeeklyRescan";

    public static void MapTriggerFunctions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + ScanOnUpload, ScanOnUploadAsync);
        app.MapPost("/" + RunScan, RunScanAsync);
        app.MapPost("/" + WeeklyRescan, WeeklyRescanAsync);
    }

    /// <summary>Event Grid BlobCreated events from <c>export-events</c>: schedule one coalesced scan per engagement touched.</summary>
    internal static async Task<IResult> ScanOnUploadAsync(HttpRequest http, ScanScheduler scheduler, ExportCatalog exports, ILogger<FunctionInvocation> logger, CancellationToken cancellationToken)
    {
        return await GuardAsync(logger, ScanOnUpload, async () =>
        {
            var invocation = await FunctionInvocation.ReadAsync(http, cancellationToken);
            var events = BlobCreatedEvent.ParseAll(FunctionInvocation.DecodeMessage(invocation.Data("message")), out var skipped);
            var logs = new List<string>();
            if (skipped > 0)
            {
                logs.Add(string.Create(CultureInfo.InvariantCulture, $"Ignored {skipped} event(s) that are not BlobCreated."));
            }

            var engagements = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var created in events)
            {
                var engagement = created.Container == StorageNames.ExportsContainer ? EngagementName.FromExportBlob(created.BlobName) : null;
                if (engagement is null)
                {
                    logs.Add($"Ignored a blob outside exports/{{engagement}}/ in container '{created.Container}'.");
                    continue;
                }

                engagements.Add(engagement);
            }

            logs.AddRange(await scheduler.ScheduleUploadsAsync(engagements, exports, maxEngagements: 50, cancellationToken));

            return InvocationResult.Ok([.. logs]);
        });
    }

    /// <summary>One <c>scan-requests</c> message: scan the engagement and publish, unless the same inputs were published already.</summary>
    internal static async Task<IResult> RunScanAsync(HttpRequest http, StorageScanService scans, ILogger<FunctionInvocation> logger, CancellationToken cancellationToken)
    {
        return await GuardAsync(logger, RunScan, async () =>
        {
            var invocation = await FunctionInvocation.ReadAsync(http, cancellationToken);
            ScanRequest request;
            try
            {
                request = ScanRequest.Parse(FunctionInvocation.DecodeMessage(invocation.Data("request")));
            }
            catch (FormatException ex)
            {
                throw new InvocationFormatException(ex.Message);
            }

            LogRunScan(logger, request.Engagement, request.Reason, invocation.DequeueCount);
            var outcome = await scans.ScanAsync(request, cancellationToken: cancellationToken);
            return InvocationResult.Ok(outcome.Status switch
            {
                ScanStatus.Published => $"Engagement {request.Engagement}: published scan {outcome.Manifest!.ScanId}.",
                ScanStatus.AlreadyPublished => $"Engagement {request.Engagement}: inputs unchanged, scan {outcome.Manifest!.ScanId} already published.",
                ScanStatus.InProgress => $"Engagement {request.Engagement}: the same inputs are being scanned by another delivery; nothing to do.",
                _ => $"Engagement {request.Engagement}: no exports to scan.",
            });
        });
    }

    /// <summary>Timer, Monday 06:00 UTC: one rescan request per engagement, keyed by the day so a repeated run adds nothing.</summary>
    internal static async Task<IResult> WeeklyRescanAsync(
        HttpRequest http, ExportCatalog exports, ScanScheduler scheduler, TimeProvider timeProvider, ILogger<FunctionInvocation> logger, CancellationToken cancellationToken)
    {
        return await GuardAsync(logger, WeeklyRescan, async () =>
        {
            var invocation = await FunctionInvocation.ReadAsync(http, cancellationToken);
            var timer = invocation.Data("timer");
            var pastDue = timer.ValueKind == JsonValueKind.Object && timer.TryGetProperty("IsPastDue", out var p) && p.ValueKind == JsonValueKind.True;
            var key = "weekly-" + timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var engagements = await exports.ListEngagementsAsync(cancellationToken);
            foreach (var engagement in engagements)
            {
                await scheduler.EnqueueRescanAsync(engagement, ScanRequest.Weekly, key, cancellationToken);
            }

            return InvocationResult.Ok(string.Create(CultureInfo.InvariantCulture, $"Weekly rescan {key}{(pastDue ? " (past due)" : string.Empty)}: {engagements.Count} engagement(s) enqueued."));
        });
    }

    private static async Task<IResult> GuardAsync(ILogger logger, string function, Func<Task<IResult>> body)
    {
        try
        {
            return await body();
        }
        catch (InvocationFormatException ex)
        {
            LogRejected(logger, function, ex.Message);
            return InvocationResult.Failed(StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (FormatException ex)
        {
            LogRejected(logger, function, ex.Message);
            return InvocationResult.Failed(StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (ScanFailedException ex)
        {
            LogFailed(logger, function, ex);
            return InvocationResult.Failed(StatusCodes.Status500InternalServerError, ex.Message);
        }
        catch (Exception ex) when (ex is global::Azure.RequestFailedException or InvalidDataException or InvalidOperationException or IOException)
        {
            LogFailed(logger, function, ex);
            return InvocationResult.Failed(StatusCodes.Status500InternalServerError, $"{function} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RunScan for {Engagement} ({Reason}), delivery {DequeueCount}")]
    private static partial void LogRunScan(ILogger logger, string engagement, string reason, int dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} rejected its invocation: {Problem}")]
    private static partial void LogRejected(ILogger logger, string function, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed")]
    private static partial void LogFailed(ILogger logger, string function, Exception exception);
}
