namespace AutomationScanner.Azure.Storage;

public sealed record ScanClaim(ClaimState State, string ScanId, ScanManifest? Published);
