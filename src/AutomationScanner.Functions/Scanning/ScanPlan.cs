using AutomationScanner.Azure.Storage;

namespace AutomationScanner.Functions.Scanning;

/// <summary>What the first activity found: <see cref="Done"/> (a <see cref="ScanStatus"/> name) when there is nothing to scan.</summary>
public sealed record ScanPlan(ScanRequest Request, string? Done, string Fingerprint, string? ExistingScanId, IReadOnlyList<ExportPart> Exports);
