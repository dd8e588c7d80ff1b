using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ranking;

/// <summary>How the handling time of one execution was obtained.</summary>
public enum HandlingTimeBasis
{
    /// <summary>Median time from start to complete of the same instance.</summary>
    ServiceTime,

    /// <summary>No start events: median gap since the previous event of the case, capped.</summary>
    EstimatedFromWaiting,

    /// <summary>No usable times: a fixed assumption.</summary>
    Assumed,
}

/// <summary>
/// The spine's first, deliberately simple score: manual hours per year an activity consumes.
/// hours/year = executions/year x median handling time x (1 - automation rate already achieved).
/// Later stages replace it with the full judgment (suitability, risk, value ranges).
/// </summary>
public static class InterimScorer
{
    /// <summary>Gaps between events include queueing; a single execution is rarely handled for longer than this.</summary>
    public static readonly TimeSpan EstimatedHandlingCap = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan AssumedHandlingTime = TimeSpan.FromMinutes(5);

    public static (double Seconds, HandlingTimeBasis Basis) HandlingTime(ActivityStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        if (statistics.ServiceTime.HasData)
        {
            return (statistics.ServiceTime.MedianSeconds, HandlingTimeBasis.ServiceTime);
        }

        if (statistics.WaitingTime.HasData)
        {
            return (Math.Min(statistics.WaitingTime.MedianSeconds, EstimatedHandlingCap.TotalSeconds), HandlingTimeBasis.EstimatedFromWaiting);
        }

        return (AssumedHandlingTime.TotalSeconds, HandlingTimeBasis.Assumed);
    }

    public static double ExecutionsPerYear(ActivityStatistics statistics) => statistics.ExecutionsPerWeek * 52.1775;

    public static IReadOnlyList<ScoreFactor> Score(ActivityStatistics statistics, out double manualHoursPerYear)
    {
        var perYear = ExecutionsPerYear(statistics);
        var (seconds, basis) = HandlingTime(statistics);
        var manualShare = 1 - statistics.AutomationRate;
        manualHoursPerYear = perYear * seconds / 3600 * manualShare;
        var basisText = basis switch
        {
            HandlingTimeBasis.ServiceTime => "median start-to-complete time",
            HandlingTimeBasis.EstimatedFromWaiting => $"median gap since the previous event, capped at {EstimatedHandlingCap.TotalMinutes:0} min (no start events)",
            _ => $"assumed {AssumedHandlingTime.TotalMinutes:0} min (no usable times)",
        };
        return
        [
            new("executions per year", perYear, 1, perYear, "executions in the log scaled to a year over the log's span"),
            new("handling hours per execution", seconds / 3600, 1, seconds / 3600, basisText),
            new("manual share", manualShare, 1, manualShare, "1 - share of executions by system or bot resources"),
            new("manual hours per year", manualHoursPerYear, 1, manualHoursPerYear, "product of the three factors above: the interim score"),
        ];
    }
}
