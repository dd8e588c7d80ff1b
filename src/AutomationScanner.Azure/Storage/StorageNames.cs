namespace AutomationScanner.Azure.Storage;

/// <summary>The fixed names that the Functions bindings, the infrastructure and the CLI agree on.</summary>
public static class StorageNames
{
    public const string ExportsContainer = "exports";
    public const string ReportsContainer = "reports";
    public const string CacheContainer = "scanner-cache";
    public const string ExportEventsQueue = "export-events";
    public const string ScanRequestsQueue = "scan-requests";

    /// <summary>Pointer to the newest published scan of an engagement: <c>reports/{engagement}/latest.json</c>.</summary>
    public static string LatestBlob(string engagement) => $"{engagement}/latest.json";

    /// <summary>Marker of a scheduled, not yet started scan (coalesces bursts of uploads).</summary>
    public static string PendingBlob(string engagement) => $"{engagement}/pending.json";

    /// <summary>Claim of the scan of one input fingerprint, written with If-None-Match: * before the scan starts.</summary>
    public static string ClaimBlob(string engagement, string fingerprint) => $"{engagement}/claims/{fingerprint}.json";

    public static string ScanFolder(string engagement, string scanId) => $"{engagement}/{scanId}/";

    /// <summary>
    /// Folder, in <see cref="CacheContainer"/>, of the sidecars a Durable scan's parts leave for its last step
    /// (start-time journals, object-centric processes); deleted once the scan ends.
    /// </summary>
    public static string ScanWorkFolder(string engagement, string scan) => $"scan-work/{engagement}/{scan}/";

    /// <summary>Written after every format blob of a scan and before <see cref="LatestBlob"/>: a scan without it is not published.</summary>
    public static string ManifestBlob(string engagement, string scanId) => $"{engagement}/{scanId}/manifest.json";
}
