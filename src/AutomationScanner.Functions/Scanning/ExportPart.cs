namespace AutomationScanner.Functions.Scanning;

/// <summary>
/// One export of the scan's snapshot, with the ETag every read of it must match, how many parts to cut it into and
/// the process name the scan gives it (<see cref="Core.Scanning.ScanPipeline.ProcessNames"/>).
/// </summary>
public sealed record ExportPart(string Name, string BlobName, long Size, string ETag, bool IsLog, int Parts, string Process);
