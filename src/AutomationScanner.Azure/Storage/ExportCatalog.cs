using Azure;
using Azure.Storage.Blobs.Models;
using AutomationScanner.Core.Scanning;

namespace AutomationScanner.Azure.Storage;

/// <summary>Reads the <c>exports</c> container: which engagements exist and what each holds.</summary>
public sealed class ExportCatalog(ScannerStorageClients storage)
{
    /// <summary>Every first-level folder under <c>exports</c> whose name is a valid engagement name, in order.</summary>
    public async Task<IReadOnlyList<string>> ListEngagementsAsync(CancellationToken cancellationToken)
    {
        var engagements = new List<string>();
        try
        {
            await foreach (var item in storage.Exports.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Delimiter = "/" }, cancellationToken))
            {
                if (item.IsPrefix && EngagementName.IsValid(item.Prefix.TrimEnd('/')))
                {
                    engagements.Add(item.Prefix.TrimEnd('/'));
                }
            }
        }
        catch (RequestFailedException ex) when (IsMissingContainer(ex))
        {
            // A new storage account has no exports container until the first upload: no engagements yet.
        }

        return engagements;
    }

    /// <summary>True when the engagement has at least one export.</summary>
    public async Task<bool> HasExportsAsync(string engagement, CancellationToken cancellationToken)
    {
        var options = new GetBlobsOptions { Prefix = EngagementName.Validate(engagement) + "/" };
        try
        {
            await foreach (var page in storage.Exports.GetBlobsAsync(options, cancellationToken).AsPages(pageSizeHint: 1))
            {
                return page.Values.Count > 0;
            }
        }
        catch (RequestFailedException ex) when (IsMissingContainer(ex))
        {
            return false;
        }

        return false;
    }

    /// <summary>
    /// Lists the exports of an engagement. Each input reads its blob only if it still has the listed ETag, so a file
    /// replaced during the scan fails the scan (to be retried) instead of mixing two versions under one fingerprint.
    /// </summary>
    public async Task<ExportSnapshot> SnapshotAsync(string engagement, CancellationToken cancellationToken)
    {
        EngagementName.Validate(engagement);
        var prefix = engagement + "/";
        var blobs = new List<ExportBlob>();
        try
        {
            await foreach (var item in storage.Exports.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
            {
                var name = item.Name[prefix.Length..];
                if (name.Length == 0 || name.EndsWith('/') || name.Split('/').Any(segment => segment.StartsWith('.')))
                {
                    continue;
                }

                var md5 = item.Properties.ContentHash is { Length: > 0 } hash ? Convert.ToBase64String(hash) : null;
                blobs.Add(new ExportBlob(name, item.Name, item.Properties.ContentLength ?? 0, item.Properties.ETag?.ToString() ?? string.Empty, md5));
            }
        }
        catch (RequestFailedException ex) when (IsMissingContainer(ex))
        {
            // No exports container yet (a new storage account): the engagement has no exports, "upload first".
        }

        blobs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var inputs = blobs.Select(blob => new ScanInput(blob.Name, async ct =>
        {
            var client = storage.Exports.GetBlobClient(blob.BlobName);
            // allowModifications: false gives a seekable stream of known length (DOCX and PDF read from the end) and
            // pins the ETag for every range read; the listed ETag is its first condition, so a replaced blob fails.
            var options = new BlobOpenReadOptions(allowModifications: false)
            {
                BufferSize = 1 << 20,
                Conditions = new BlobRequestConditions { IfMatch = new global::Azure.ETag(blob.ETag) },
            };
            return await client.OpenReadAsync(options, ct);
        })
        {
            // A blob replaced or unreachable mid-scan fails the scan (it is retried), instead of becoming the file's error.
            IsTransient = ex => ex is RequestFailedException || ex.InnerException is RequestFailedException,
        }).ToList();
        return new ExportSnapshot(engagement, blobs, inputs);
    }

    private static bool IsMissingContainer(RequestFailedException ex) => ex.Status == 404 && ex.ErrorCode == "ContainerNotFound";
}
