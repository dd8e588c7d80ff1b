namespace AutomationScanner.Azure.Storage;

/// <summary>How a scan request ended.</summary>
public enum ScanStatus
{
    /// <summary>A new report was published.</summary>
    Published,

    /// <summary>A report for the same fingerprint exists already; nothing new was written.</summary>
    AlreadyPublished,

    /// <summary>The engagement has no exports; nothing to scan.</summary>
    NoExports,

    /// <summary>Another delivery of the same request (same input fingerprint) is scanning now and will publish; nothing was done.</summary>
    InProgress,

    /// <summary>The exports changed while the (Durable) scan ran; the upload that changed them schedules the next scan.</summary>
    Superseded,
}
