using AutomationScanner.Core.Ingestion;

namespace AutomationScanner.Functions.Scanning;

/// <summary>One part to mine; <paramref name="Scan"/> (the orchestration's instance id) names the folder of its sidecar.</summary>
public sealed record MineChunkWork(string Engagement, ExportPart Export, ExportChunk Chunk, string Scan);
