namespace AutomationScanner.Azure.Storage;

/// <summary>A published scan as listed: its id, fingerprint and when it was published.</summary>
public sealed record PublishedScan(string ScanId, string Fingerprint, DateTimeOffset PublishedAt);
