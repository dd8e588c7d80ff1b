using System.Security.Cryptography;
using System.Text;
using AutomationScanner.Core.Scanning;

namespace AutomationScanner.Azure.Storage;

/// <summary>One export blob as listed: its name relative to the engagement and what identifies its content.</summary>
public sealed record ExportBlob(string Name, string BlobName, long Size, string ETag, string? ContentMd5);

/// <summary>
/// The exports of an engagement at one moment, and their fingerprint: SHA-256 over every name, size and content
/// identity (Content-MD5 when the service has one, else the ETag), plus the request key of a forced rescan. The same
/// files give the same fingerprint, so a redelivered or repeated request finds the scan it already published.
/// </summary>
public sealed record ExportSnapshot(string Engagement, IReadOnlyList<ExportBlob> Blobs, IReadOnlyList<ScanInput> Inputs)
{
    public string Fingerprint(string? requestKey)
    {
        var text = new StringBuilder();
        foreach (var blob in Blobs.OrderBy(b => b.Name, StringComparer.Ordinal))
        {
            text.Append(blob.Name).Append('\t').Append(blob.Size).Append('\t').Append(blob.ContentMd5 ?? blob.ETag).Append('\n');
        }

        if (!string.IsNullOrEmpty(requestKey))
        {
            text.Append("request\t").Append(requestKey).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
