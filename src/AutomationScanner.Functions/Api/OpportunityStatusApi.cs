using System.Text.Json;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Tracking;
using AutomationScanner.Functions.Access;
using Microsoft.AspNetCore.Mvc;

namespace AutomationScanner.Functions.Api;

/// <summary>Body of POST /api/engagements/{engagement}/opportunities/{opportunityId}/status.</summary>
/// <param name="Status">candidate, piloting, automated or rejected.</param>
/// <param name="Reason">Why; required for rejected.</param>
/// <param name="ScanId">The scan the mark is made from (its figures become the baseline); the latest when omitted.</param>
internal sealed record StatusBody(string? Status, string? Reason, string? ScanId);

/// <summary>
/// Marks an opportunity's status. Same access rules as the report routes (400 invalid engagement, 401, 403); all the
/// logic is in Core (<see cref="OpportunityMarking"/>) and the blob store, so the endpoint stays a thin adapter.
/// </summary>
public sealed class OpportunityStatusApi(EngagementAccess access, ReportStore reports, IOpportunityStatusStore statuses, TimeProvider time)
{
    [Function("OpportunityStatus")]
    public async Task<IActionResult> OpportunityStatus(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "engagements/{engagement}/opportunities/{opportunityId}/status")] HttpRequest request,
        string engagement,
        string opportunityId,
        CancellationToken cancellationToken) =>
        new ResultAction(await MarkAsync(engagement, opportunityId, request, access, reports, statuses, time, cancellationToken));

    internal static async Task<IResult> MarkAsync(string engagement, string opportunityId, HttpRequest request, EngagementAccess access, ReportStore reports,
        IOpportunityStatusStore statuses, TimeProvider time, CancellationToken cancellationToken)
    {
        var scope = access.ScopeOf(request);
        if (!EngagementName.IsValid(engagement))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Invalid engagement name: {EngagementName.Rule}.");
        }

        if (!scope.IsAuthenticated)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A signed-in user is required.");
        }

        if (!scope.Allows(engagement))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"No access to engagement '{engagement}'.");
        }

        StatusBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StatusBody>(request.Body, StoredJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Body is not JSON {{\"status\", \"reason\", \"scanId\"}} (line {ex.LineNumber + 1}).");
        }

        if (!OpportunityMarking.TryParseStatus(body?.Status, out var status))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"status: '{body?.Status}' is not one of candidate, piloting, automated, rejected.");
        }

        var scanId = body!.ScanId;
        if (scanId is null)
        {
            if (await reports.ReadLatestAsync(engagement, cancellationToken) is not { } latest)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Engagement '{engagement}' has no published scan to mark from.");
            }

            scanId = latest.ScanId;
        }
        else if (!ScanId.IsValid(scanId))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"scanId: '{scanId}' is not a scan id.");
        }

        using var blob = await reports.OpenReportAsync(engagement, scanId, ReportFormat.Json, cancellationToken);
        if (blob is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Scan '{scanId}' of '{engagement}' has no JSON report.");
        }

        BaselineReport baseline;
        await using (var content = blob.Content)
        {
            baseline = await BaselineReport.ReadAsync(content, $"reports/{engagement}/{scanId}/{ReportFormat.Json.FileName}", cancellationToken);
        }

        try
        {
            var mark = await statuses.MarkAsync(engagement, new MarkRequest(opportunityId, status, body.Reason, PrincipalName(request)), baseline, time.GetUtcNow(), cancellationToken);
            return Results.Json(mark, StoredJson.Options);
        }
        catch (ArgumentException ex)
        {
            return ex.Message.Contains("is not in scan", StringComparison.Ordinal)
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: ex.Message)
                : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: ex.Message);
        }
    }

    /// <summary>The signed-in user's name from App Service Authentication, kept in the status history.</summary>
    private static string? PrincipalName(HttpRequest request) =>
        request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].ToString() is { Length: > 0 and <= 200 } name ? name : null;
}
