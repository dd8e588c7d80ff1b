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
