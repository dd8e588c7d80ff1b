namespace AutomationScanner.Core.Ranking;

/// <summary>The method behind a handling time.</summary>
public enum HandlingTimeMethod
{
    /// <summary>Start-to-complete times of the same instance.</summary>
    StartComplete,

    /// <summary>
    /// Start estimated as the later of the moment the activity was enabled in its case and the moment its resource
    /// became free, off-duty gaps excluded (after Fracca et al., CAiSE 2022; Chapela-Campa and Dumas). Validated on
    /// logs with real starts; see docs/handling-time.md.
    /// </summary>
    ResourceAvailability,

    /// <summary>Status logs: time the case spent in an active (work) status, off-duty gaps excluded.</summary>
    TimeInStatus,

    /// <summary>
    /// Times that cannot be effort (start-to-complete spanning elapsed time, estimates counting idle time) capped at what
    /// the people's throughput allows: the working day / their executions a day. An upper bound, so assumed.
    /// </summary>
    ResourceCapacity,

    /// <summary>Last resort: gaps since the previous event of the case, each quantile capped at 30 minutes.</summary>
    CappedCaseGap,

    /// <summary>Last resort: the configured default handling time (5 minutes unless configured).</summary>
    Default,
}
