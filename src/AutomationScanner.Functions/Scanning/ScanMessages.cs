using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Ingestion;

namespace AutomationScanner.Functions.Scanning;

/// <summary>One export of the scan's snapshot, with the ETag every read of it must match and how many parts to cut it into.</summary>
public sealed record ExportPart(string Name, string BlobName, long Size, string ETag, bool IsLog, int Parts);

/// <summary>What the first activity found: <see cref="Done"/> (a <see cref="ScanStatus"/> name) when there is nothing to scan.</summary>
public sealed record ScanPlan(ScanRequest Request, string? Done, string Fingerprint, string? ExistingScanId, IReadOnlyList<ExportPart> Exports);

public sealed record PlanExportWork(string Engagement, ExportPart Export);

public sealed record MineChunkWork(string Engagement, ExportPart Export, ExportChunk Chunk);

/// <summary>One mined part (its aggregate, never its events), or why the export could not be read.</summary>
public sealed record ChunkOutcome(string Export, MinedChunk? Mined, string? Error);

public sealed record FinishWork(ScanRequest Request, string Fingerprint, IReadOnlyList<ChunkOutcome> Chunks);

/// <summary>How the scan ended: a <see cref="ScanStatus"/> name and, when there is one, the scan published or found.</summary>
public sealed record ScanResult(string Engagement, string Status, string? ScanId, int Opportunities);

/// <summary>What <see cref="ScanOrchestration.StartAsync"/> did for a request.</summary>
public sealed record ScanStart(string InstanceId, bool Created, string Status);
