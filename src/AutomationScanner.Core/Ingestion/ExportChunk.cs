namespace AutomationScanner.Core.Ingestion;

/// <summary>One part of an export: small, plain data that can travel as an activity input.</summary>
public sealed record ExportChunk(int Index, int Count, ChunkKind Kind, long Start = 0, long End = 0, long HeaderEnd = 0, string? Closing = null);
