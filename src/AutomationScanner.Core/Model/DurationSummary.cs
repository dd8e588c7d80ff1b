namespace AutomationScanner.Core.Model;

/// <summary>Distribution of a duration, in seconds, as read from a mergeable quantile sketch.</summary>
public sealed record DurationSummary(long Count, double P10Seconds, double MedianSeconds, double P90Seconds, double MeanSeconds)
{
    public static DurationSummary Empty { get; } = new(0, 0, 0, 0, 0);

    public bool HasData => Count > 0;
}
