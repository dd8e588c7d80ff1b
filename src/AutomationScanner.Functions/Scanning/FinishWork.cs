using AutomationScanner.Azure.Storage;

namespace AutomationScanner.Functions.Scanning;

/// <summary>The last step; <paramref name="Scan"/> (the orchestration's instance id) names the work folder it empties.</summary>
public sealed record FinishWork(ScanRequest Request, string Fingerprint, IReadOnlyList<ChunkOutcome> Chunks, string? Scan = null);
