using System.Text.Json.Serialization;

namespace AutomationScanner.Azure.Storage;

/// <summary>
/// Source-generated JSON metadata of what the storage layer writes besides reports (manifests, claim and pending
/// markers, scan requests), so the Native AOT scanner can publish to and scan from Blob Storage.
/// </summary>
[JsonSerializable(typeof(ScanManifest))]
[JsonSerializable(typeof(ClaimMarker))]
[JsonSerializable(typeof(PendingMarker))]
[JsonSerializable(typeof(ScanRequest))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
