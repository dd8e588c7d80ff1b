namespace AutomationScanner.Functions.Scanning;

/// <summary>A scan's work folder to empty (its parts' sidecars) once the scan has ended, however it ended.</summary>
public sealed record DiscardWork(string Engagement, string Scan);
