namespace AutomationScanner.Functions.Scanning;

/// <summary>What <see cref="ScanOrchestration.StartAsync"/> did for a request.</summary>
public sealed record ScanStart(string InstanceId, bool Created, string Status);
