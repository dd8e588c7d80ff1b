using System.Net;
using Azure;
using Azure.Storage.Blobs.Models;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Azure.Storage;

/// <summary>
/// Opportunity statuses of each engagement in <c>reports/{engagement}/opportunity-status.json</c>. A mark is a
/// read-modify-write conditional on the ETag just read, so two consultants marking at once never lose a mark.
/// </summary>
public sealed class BlobOpportunityStatusStore(ScannerStorageClients storage) : IOpportunityStatusStore
{
    private const int Attempts = 8;

    public static string BlobName(string engagement) => $"{EngagementName.Validate(engagement)}/{LocalOpportunityStatusStore.FileName}";

    public async Task<EngagementMarks> ReadAsync(string engagement, CancellationToken cancellationToken) =>
        (await ReadWithETagAsync(engagement, cancellationToken)).Marks;

    public async Task<OpportunityMark> MarkAsync(string engagement, MarkRequest request, BaselineReport baseline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var blob = storage.Reports.GetBlobClient(BlobName(engagement));
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var (current, etag) = await ReadWithETagAsync(engagement, cancellationToken);
            var (marks, mark) = OpportunityMarking.Apply(current, request, baseline, now);
            try
            {
                await blob.UploadAsync(BinaryData.FromBytes(marks.ToJson()), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                    Conditions = etag is { } e ? new BlobRequestConditions { IfMatch = e } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, cancellationToken);
                return mark;
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
            {
                // Someone else marked in between: read their version and apply this mark on top of it.
            }
        }

        throw new InvalidOperationException($"reports/{blob.Name} kept changing; the mark was not stored.");
    }

    private async Task<(EngagementMarks Marks, ETag? ETag)> ReadWithETagAsync(string engagement, CancellationToken cancellationToken)
    {
        var blob = storage.Reports.GetBlobClient(BlobName(engagement));
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return (EngagementMarks.Read(content.Value.Content.ToMemory().Span, "reports/" + blob.Name), content.Value.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return (EngagementMarks.Empty(engagement), null);
        }
    }
}
