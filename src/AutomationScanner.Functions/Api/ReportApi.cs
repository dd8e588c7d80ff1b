using System.Globalization;
using AutomationScanner.Azure.Access;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Access;
using Microsoft.AspNetCore.Mvc;

namespace AutomationScanner.Functions.Api;

/// <summary>
/// The consultants' HTTP API under <c>/api</c>. The host checks the function key (authorization level Function), then
/// the worker's ASP.NET Core pipeline hands each function the real <see cref="HttpRequest"/>. Every engagement in a
/// route is validated (400) and checked against the caller's principal (403) before storage is touched.
/// </summary>
public sealed class ReportApi(ScannerStorageClients storage, EngagementAccess access, ExportCatalog exports, ReportStore reports, ScanScheduler scheduler)
{
    public const string Latest = "latest";

    [Function("Health")]
    public async Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultAction(await HealthAsync(storage, cancellationToken));

    [Function("Engagements")]
    public async Task<IActionResult> Engagements([HttpTrigger(AuthorizationLevel.Function, "get", Route = "engagements")] HttpRequest request, CancellationToken cancellationToken) =>
        new ResultAction(await ListEngagementsAsync(request, access, exports, cancellationToken));

    [Function("Scans")]
    public async Task<IActionResult> Scans(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "engagements/{engagement}/scans")] HttpRequest request, string engagement, CancellationToken cancellationToken) =>
        new ResultAction(await ListScansAsync(engagement, request, access, reports, cancellationToken));

    [Function("Report")]
    public async Task<IActionResult> Report(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "engagements/{engagement}/reports/{scanId}")] HttpRequest request, string engagement, string scanId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = request.Query["format"].ToString();
        return new ResultAction(await DownloadAsync(engagement, scanId, format.Length == 0 ? null : format, request, request.HttpContext.Response, access, reports, cancellationToken));
    }

    [Function("Rescan")]
    public async Task<IActionResult> Rescan(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "engagements/{engagement}/rescan")] HttpRequest request, string engagement, CancellationToken cancellationToken) =>
        new ResultAction(await RescanAsync(engagement, request, access, exports, scheduler, cancellationToken));

    internal static async Task<IResult> HealthAsync(ScannerStorageClients storage, CancellationToken cancellationToken)
    {
        try
        {
            var reports = await storage.Reports.ExistsAsync(cancellationToken);
            return reports.Value
                ? Results.Ok(new { status = "healthy" })
                : Results.Json(new { status = "unhealthy", problem = $"container '{StorageNames.ReportsContainer}' does not exist" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (global::Azure.RequestFailedException ex)
        {
            return Results.Json(new { status = "unhealthy", problem = $"storage answered {ex.Status.ToString(CultureInfo.InvariantCulture)}" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    internal static async Task<IResult> ListEngagementsAsync(HttpRequest request, EngagementAccess access, ExportCatalog exports, CancellationToken cancellationToken)
    {
        var scope = access.ScopeOf(request);
        if (!scope.IsAuthenticated)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A signed-in user is required.");
        }

        var engagements = (await exports.ListEngagementsAsync(cancellationToken)).Where(scope.Allows).ToList();
        return Results.Ok(new { engagements });
    }

    internal static async Task<IResult> ListScansAsync(string engagement, HttpRequest request, EngagementAccess access, ReportStore reports, CancellationToken cancellationToken)
    {
        if (Refuse(engagement, access.ScopeOf(request)) is { } refusal)
        {
            return refusal;
        }

        var latest = await reports.ReadLatestAsync(engagement, cancellationToken);
        var scans = (await reports.ListScansAsync(engagement, cancellationToken))
            .Select(s => new { scanId = s.ScanId, publishedAt = s.PublishedAt, latest = s.ScanId == latest?.ScanId })
            .ToList();
        return Results.Ok(new { engagement, scans });
    }

    /// <summary>Streams one format of the latest or a given scan straight from its blob; the report is never buffered here.</summary>
    internal static async Task<IResult> DownloadAsync(string engagement, string scanId, string? format, HttpRequest request, HttpResponse response,
        EngagementAccess access, ReportStore reports, CancellationToken cancellationToken)
    {
        if (Refuse(engagement, access.ScopeOf(request)) is { } refusal)
        {
            return refusal;
        }

        format ??= "json";
        if (!ReportFormat.KnownNames.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Unknown format '{format}'; use one of {string.Join(", ", ReportFormat.KnownNames)}.");
        }

        if (ReportFormat.Find(format) is not { } reportFormat)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Format '{format}' is not published by this version; available: {string.Join(", ", ReportFormat.All.Select(f => f.Name))}.");
        }

        if (scanId == Latest)
        {
            if (await reports.ReadLatestAsync(engagement, cancellationToken) is not { } latest)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Engagement '{engagement}' has no published scan yet.");
            }

            scanId = latest.ScanId;
        }
        else if (!ScanId.IsValid(scanId))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"'{scanId}' is not a scan id (yyyyMMddTHHmmssZ-xxxxxxxxxxxx) or 'latest'.");
        }

        if (await reports.OpenReportAsync(engagement, scanId, reportFormat, cancellationToken) is not { } blob)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Scan '{scanId}' of '{engagement}' has no {reportFormat.Name} report.");
        }

        response.ContentLength = blob.Details.ContentLength;
        response.Headers["X-Scan-Id"] = scanId;
        // Reports hold untrusted text from uploads: never let a browser sniff or render them as something else.
        response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(blob.Content, reportFormat.ContentType, $"{engagement}-{scanId}-{reportFormat.FileName}");
    }

    /// <summary>Queues a rescan that publishes a new report even when no export changed.</summary>
    internal static async Task<IResult> RescanAsync(string engagement, HttpRequest request, EngagementAccess access, ExportCatalog exports, ScanScheduler scheduler,
        CancellationToken cancellationToken)
    {
        if (Refuse(engagement, access.ScopeOf(request)) is { } refusal)
        {
            return refusal;
        }

        if (!await exports.HasExportsAsync(engagement, cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Engagement '{engagement}' has no exports to scan.");
        }

        var requestKey = "manual-" + Guid.NewGuid().ToString("N");
        await scheduler.EnqueueRescanAsync(engagement, ScanRequest.Manual, requestKey, cancellationToken);
        return Results.Accepted($"/api/engagements/{engagement}/reports/latest", new { engagement, requestKey, status = "queued" });
    }

    private static IResult? Refuse(string engagement, EngagementScope scope)
    {
        if (!EngagementName.IsValid(engagement))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Invalid engagement name: {EngagementName.Rule}.");
        }

        if (!scope.IsAuthenticated)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A signed-in user is required.");
        }

        return scope.Allows(engagement) ? null : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"No access to engagement '{engagement}'.");
    }
}
