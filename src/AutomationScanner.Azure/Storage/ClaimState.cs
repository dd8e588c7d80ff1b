namespace AutomationScanner.Azure.Storage;

/// <summary>What <see cref="ReportStore.ClaimAsync"/> found.</summary>
public enum ClaimState
{
    /// <summary>This delivery owns the scan: run it and publish under <see cref="ScanClaim.ScanId"/>.</summary>
    Acquired,

    /// <summary>Another delivery published this fingerprint's scan already.</summary>
    Published,

    /// <summary>Another delivery is scanning this fingerprint now; it will publish.</summary>
    InProgress,
}
