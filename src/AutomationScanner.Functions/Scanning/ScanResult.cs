using AutomationScanner.Azure.Storage;

namespace AutomationScanner.Functions.Scanning;

/// <summary>How the scan ended: a <see cref="ScanStatus"/> name and, when there is one, the scan published or found.</summary>
public sealed record ScanResult(string Engagement, string Status, string? ScanId, int Opportunities);
