using System.ComponentModel.DataAnnotations;

namespace AutomationScanner.Core.Ranking;

/// <summary>Weights and thresholds of the priority formula (configuration section <c>Ranking</c>); see docs/ranking.md.</summary>
public sealed class RankingOptions
{
    public const string SectionName = "Ranking";

    [Range(0d, 1d)]
    public double ValueWeight { get; set; } = 0.45;

    [Range(0d, 1d)]
    public double SuitabilityWeight { get; set; } = 0.35;

    [Range(0d, 1d)]
    public double EaseWeight { get; set; } = 0.20;

    /// <summary>Benefit hours a year at which the value score reaches 1; null means one FTE year.</summary>
    public double? ValueSaturationHours { get; set; }

    /// <summary>Priority (0..100) from which an item is recommended.</summary>
    [Range(0d, 100d)]
    public double RecommendThreshold { get; set; } = 40;

    [Range(0d, 1d)]
    public double LimitedRiskMultiplier { get; set; } = 0.9;

    [Range(0d, 1d)]
    public double HighRiskMultiplier { get; set; } = 0.6;
}
