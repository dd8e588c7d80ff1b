using System.Globalization;
using System.Text;
using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Threshold calibration on the tune split only (set RISK_EVAL_SWEEP to a folder to run it). The held-out and fresh
/// splits are never read here. The cost is asymmetric: a Prohibited or High case rated lower costs
/// <see cref="UnderRatedCost"/> misses, any other miss one.
/// </summary>
public sealed class RiskCalibration
{
    /// <summary>Rating a Prohibited or High practice lower hides it from the consultant; rating ordinary work higher costs a review.</summary>
    public const int UnderRatedCost = 5;

    [Fact]
    public void Sweep_TuneSplit_WritesRanking()
    {
        var folder = Environment.GetEnvironmentVariable("RISK_EVAL_SWEEP");
        Assert.SkipWhen(string.IsNullOrEmpty(folder), "set RISK_EVAL_SWEEP to a folder to run the calibration sweep");
        var tune = RiskEvaluation.Cases.Where(c => c.Split == "tune").ToList();
        var rows = new List<(double Cost, int Under, double Accuracy, string Setting)>();
        var baseline = RuleCatalogue.Default.Semantic;
        foreach (var prohibited in new[] { 0.55, 0.6, 0.65 })
        {
            foreach (var high in new[] { 0.45, 0.5 })
            {
                foreach (var elementProhibited in new[] { 0.3, 0.35, 0.4, 0.45, 0.5 })
                {
                    foreach (var elementHigh in new[] { 0.25, 0.3, 0.35, 0.4, 0.45 })
                    {
                        foreach (var margin in new[] { 0.0, 0.03 })
                        {
                            var settings = baseline with
                            {
                                Thresholds = new Dictionary<RiskTier, double> { [RiskTier.Prohibited] = prohibited, [RiskTier.High] = high, [RiskTier.Limited] = baseline.Threshold(RiskTier.Limited) },
                                ElementThresholds = new Dictionary<RiskTier, double> { [RiskTier.Prohibited] = elementProhibited, [RiskTier.High] = elementHigh, [RiskTier.Limited] = baseline.ElementThreshold(RiskTier.Limited) },
                                Margin = margin,
                            };
                            var card = RiskEvaluation.Score(RiskEvaluation.Screen(RuleCatalogue.Default.WithSemantic(settings)), tune);
                            var misses = card.Outcomes.Count(o => !o.TierRight);
                            var cost = misses + ((UnderRatedCost - 1) * card.UnderRated.Count);
                            rows.Add((cost, card.UnderRated.Count, card.Accuracy, string.Create(CultureInfo.InvariantCulture,
                                $"P {prohibited} H {high} element P {elementProhibited} element H {elementHigh} margin {margin}")));
                        }
                    }
                }
            }
        }

        var text = new StringBuilder();
        foreach (var row in rows.OrderBy(r => r.Cost).ThenByDescending(r => r.Accuracy).Take(120))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"cost {row.Cost} accuracy {row.Accuracy:P1} under {row.Under}: {row.Setting}");
        }

        File.WriteAllText(Path.Combine(folder!, "risk-calibration.txt"), text.ToString());
    }

    /// <summary>Legal elements by meaning (round 4): the word threshold and how many elements meaning may supply, tune split only.</summary>
    [Fact]
    public void SweepElementWords_TuneSplit_WritesRanking()
    {
        var folder = Environment.GetEnvironmentVariable("RISK_EVAL_SWEEP");
        Assert.SkipWhen(string.IsNullOrEmpty(folder), "set RISK_EVAL_SWEEP to a folder to run the calibration sweep");
        var tune = RiskEvaluation.Cases.Where(c => c.Split == "tune").ToList();
        var text = new StringBuilder();
        foreach (var threshold in new[] { 0.5, 0.55, 0.6, 0.65, 0.7, 1.0 })
        {
            foreach (var max in new[] { 1, 2 })
            {
                var settings = RuleCatalogue.Default.Semantic with { ElementWordThreshold = threshold, MaxElementsByMeaning = max };
                var card = RiskEvaluation.Score(RiskEvaluation.Screen(RuleCatalogue.Default.WithSemantic(settings)), tune);
                var misses = card.Outcomes.Count(o => !o.TierRight);
                var cost = misses + ((UnderRatedCost - 1) * card.UnderRated.Count);
                text.AppendLine(CultureInfo.InvariantCulture, $"element words {threshold} max {max}: cost {cost} accuracy {card.Accuracy:P1} under {card.UnderRated.Count} over {card.OverRated.Count}");
            }
        }

        File.WriteAllText(Path.Combine(folder!, "risk-calibration-element-words.txt"), text.ToString());
    }
}
