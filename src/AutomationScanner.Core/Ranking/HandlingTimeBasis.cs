namespace AutomationScanner.Core.Ranking;

/// <summary>How far the handling time of one execution rests on data.</summary>
public enum HandlingTimeBasis
{
    /// <summary>Start and complete of the same instance are in the log (P10 / median / P90).</summary>
    Measured,

    /// <summary>Derived from the log by a stated method with a validated error band (see <see cref="HandlingTimeMethod"/>).</summary>
    Estimated,

    /// <summary>No usable times: a configured default or a cap. The opportunity "needs data" and is not recommended.</summary>
    Assumed,
}

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

/// <summary>The handling time's basis, method and error band, stated on every opportunity.</summary>
/// <param name="Basis">Measured, estimated or assumed.</param>
/// <param name="Method">How it was obtained.</param>
/// <param name="MedianRelativeError">
/// For estimates: the method's median relative error against true service times in validation (0.3 = 30 %); null
/// when measured or assumed.
/// </param>
/// <param name="Note">The method and its error band in words.</param>
public sealed record HandlingTimeSource(HandlingTimeBasis Basis, HandlingTimeMethod Method, double? MedianRelativeError, string Note);
