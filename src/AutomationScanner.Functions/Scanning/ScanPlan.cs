using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Ingestion;

namespace AutomationScanner.Functions.Scanning;

/// <summary>
/// One export of the scan's snapshot, with the ETag every read of it must match, how many parts to cut it into and
/// the process name the scan gives it (<see cref="Core.Scanning.ScanPipeline.ProcessNames"/>).
/// </summary>
public sealed record ExportPart(string Name, string BlobName, long Size, string ETag, bool IsLog, int Parts, string Process);

/// <summary>What the first activity found: <see cref="Done"/> (a <see cref="ScanStatus"/> name) when there is nothing to scan.</summary>
public sealed record ScanPlan(ScanRequest Request, string? Done, string Fingerprint, string? ExistingScanId, IReadOnlyList<ExportPart> Exports);

public sealed record PlanExportWork(string Engagement, ExportPart Export);

/// <summary>One part to mine; <paramref name="Scan"/> (the orchestration's instance id) names the folder of its sidecar.</summary>
public sealed record MineChunkWork(string Engagement, ExportPart Export, ExportChunk Chunk, string Scan);

/// <summary>
/// One mined part (its aggregate, never its events) and the blob holding its sidecar (the start-time journal, or an
/// object-centric log's flattened processes) in the cache container, or why the export could not be read.
/// </summary>
public sealed record ChunkOutcome(string Export, MinedChunk? Mined, string? Error, string? SidecarBlob = null);

/// <summary>The last step; <paramref name="Scan"/> (the orchestration's instance id) names the work folder it empties.</summary>
public sealed record FinishWork(ScanRequest Request, string Fingerprint, IReadOnlyList<ChunkOutcome> Chunks, string? Scan = null);

/// <summary>A scan's work folder to empty (its parts' sidecars) once the scan has ended, however it ended.</summary>
public sealed record DiscardWork(string Engagement, string Scan);

/// <summary>How the scan ended: a <see cref="ScanStatus"/> name and, when there is one, the scan published or found.</summary>
public sealed record ScanResult(string Engagement, string Status, string? ScanId, int Opportunities);

/// <summary>What <see cref="ScanOrchestration.StartAsync"/> did for a request.</summary>
public sealed record ScanStart(string InstanceId, bool Created, string Status);
