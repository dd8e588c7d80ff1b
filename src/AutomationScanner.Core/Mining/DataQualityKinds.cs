namespace AutomationScanner.Core.Mining;

/// <summary>Kinds of data-quality issues the readers and the miner record.</summary>
public static class DataQualityKinds
{
    public const string MissingField = "missing-field";
    public const string EncodingOrCompression = "encoding-or-compression";
    public const string CaseTooLong = "events-per-case-limit";
    public const string TooManyActivities = "activity-limit";
    public const string QuotedLineBreak = "quoted-line-break";
    public const string BadTimestamp = "unparseable-timestamp";
    public const string EmptyCaseOrActivity = "empty-case-or-activity";
    public const string OutOfOrder = "out-of-order-events";
    public const string FragmentedCase = "fragmented-case";
    public const string NoOffset = "timestamps-without-offset";
    public const string UnmatchedComplete = "complete-without-start";
    public const string MalformedEvent = "malformed-event";
    public const string DuplicateCaseId = "duplicate-case-id";
    public const string ImplausibleTimestamp = "implausible-timestamp";

    /// <summary>No longer recorded as a fault: see <see cref="LogSummary.StartEstimateLateEvents"/>. Kept for readers of older reports.</summary>
    public const string LateEvent = "late-event-for-start-estimation";
}
