using AutomationScanner.Core.Ingestion;

namespace AutomationScanner.Functions.Scanning;

/// <summary>
/// One mined part (its aggregate, never its events) and the blob holding its sidecar (the start-time journal, or an
/// object-centric log's flattened processes) in the cache container, or why the export could not be read.
/// </summary>
public sealed record ChunkOutcome(string Export, MinedChunk? Mined, string? Error, string? SidecarBlob = null);
