namespace AutomationScanner.Core.Reporting;

/// <summary>An input the scan read, or could not read, and why.</summary>
public sealed record InputOutcome(string Name, string Kind, bool Read, string? Error);
