namespace AutomationScanner.Core.Ranking;

/// <summary>Signals from ingestion that lower the confidence in the figures.</summary>
/// <param name="FaultyRowShare">Share of the export's rows that were rejected or repaired, 0..1.</param>
/// <param name="Issues">Other data-quality findings that touch this task (clock skew, ties, missing lifecycle...).</param>
public sealed record DataQualitySignals(double FaultyRowShare = 0, IReadOnlyList<string>? Issues = null)
{
    public static DataQualitySignals None { get; } = new();
}
