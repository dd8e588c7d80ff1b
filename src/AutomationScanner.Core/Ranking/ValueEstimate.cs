namespace AutomationScanner.Core.Ranking;

/// <summary>The sized value of automating one task, with its ranges and how far to trust them.</summary>
public sealed record ValueEstimate
{
    public required double ExecutionsPerYear { get; init; }

    public required VolumeSource VolumeSource { get; init; }

    /// <summary>Days covered by the log for this task; null without a log.</summary>
    public double? LogSpanDays { get; init; }

    /// <summary>Seconds one execution takes (P10 / median / P90 of the service time).</summary>
    public required ValueRange HandlingSeconds { get; init; }

    /// <summary>Measured, estimated (method and error band in <see cref="HandlingSource"/>) or assumed.</summary>
    public required HandlingTimeBasis HandlingBasis { get; init; }

    /// <summary>Basis, method, validated error band and a note on how the handling time was obtained.</summary>
    public required HandlingTimeSource HandlingSource { get; init; }

    /// <summary>Share of executions still done by people (1 - automation rate already achieved).</summary>
    public required double ManualShare { get; init; }

    /// <summary>Automation potential (suitability) used for the benefit, 0..1.</summary>
    public required double Suitability { get; init; }

    /// <summary>Manual hours per year, as is.</summary>
    public required ValueRange Hours { get; init; }

    /// <summary>Suitability x manual hours.</summary>
    public required ValueRange BenefitHours { get; init; }

    /// <summary>Benefit hours / (working days x hours per day).</summary>
    public required ValueRange Fte { get; init; }

    /// <summary>Benefit hours x hourly cost, in <see cref="Currency"/>.</summary>
    public required ValueRange Money { get; init; }

    public required string Currency { get; init; }

    /// <summary>0..1; every data-quality problem multiplies it down.</summary>
    public required double Confidence { get; init; }

    public required IReadOnlyList<string> ConfidenceReasons { get; init; }
}
