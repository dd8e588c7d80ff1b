namespace AutomationScanner.Core.Ranking;

/// <summary>How the handling time of one execution was obtained.</summary>
public enum HandlingTimeBasis
{
    /// <summary>Time from start to complete of the same instance (P10 / median / P90).</summary>
    ServiceTime,

    /// <summary>No start events: gaps since the previous event of the case, each quantile capped.</summary>
    EstimatedFromWaiting,

    /// <summary>No usable times: the configured default (P10 half of it, P90 double).</summary>
    Assumed,
}
