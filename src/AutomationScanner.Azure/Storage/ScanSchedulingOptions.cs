using AutomationScanner.Core.Model;

namespace AutomationScanner.Azure.Storage;

/// <summary>
/// How uploads are coalesced into scans (section <c>ScanScheduling</c>; kept apart from the <c>ScannerStorage</c>
/// connection prefix, whose properties the Functions host reads for its queue triggers).
/// </summary>
public sealed class ScanSchedulingOptions
{
    public const string SectionName = "ScanScheduling";

    /// <summary>
    /// How long a scheduled scan waits after the first upload of a burst, so that the other files of the burst are
    /// scanned with it (one scan per burst).
    /// </summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan CoalesceDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A pending marker older than this (delay included) is taken as lost and a new scan is scheduled.</summary>
    [TimeSpanRange("00:01:00", "7.00:00:00")]
    public TimeSpan PendingTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
