using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AutomationScanner.Azure.Storage;

/// <summary>
/// What a published scan consists of: written to <c>reports/{engagement}/{scanId}/manifest.json</c> once every
/// format blob is in place, and copied to <c>reports/{engagement}/latest.json</c> last.
/// </summary>
public sealed record ScanManifest
{
    public required string Engagement { get; init; }

    public required string ScanId { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required string Fingerprint { get; init; }

    /// <summary>upload, weekly, manual or cli.</summary>
    public required string Reason { get; init; }

    /// <summary>The scan that was latest when this one started; the base for a scan-to-scan comparison.</summary>
    public string? PreviousScanId { get; init; }

    public required IReadOnlyList<ManifestInput> Inputs { get; init; }

    /// <summary>Format name to blob name under the scan folder.</summary>
    public required IReadOnlyDictionary<string, string> Formats { get; init; }

    public required int Opportunities { get; init; }

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true, TypeInfoResolver = StorageJsonContext.Default };

    internal static JsonTypeInfo<ScanManifest> Info { get; } = (JsonTypeInfo<ScanManifest>)JsonOptions.GetTypeInfo(typeof(ScanManifest));

    internal static JsonTypeInfo<ClaimMarker> ClaimInfo { get; } = (JsonTypeInfo<ClaimMarker>)JsonOptions.GetTypeInfo(typeof(ClaimMarker));
}
