using System.Globalization;
using System.Text;
using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Threshold calibration on the tune split only (set RISK_EVAL_SWEEP to a folder to run it): every combination of
/// the per-tier thresholds and the margin, ranked by (no under-rated Prohibited/High, accuracy). The held-out split is
/// never read here.
/// </summary>
public sealed class RiskCalibration
{
    [Fact]
    public void Sweep_TuneSplit_WritesRanking()
    {
        var folder = Environment.GetEnvironmentVariable("RISK_EVAL_SWEEP");
        Assert.SkipWhen(string.IsNullOrEmpty(folder), "set RISK_EVAL_SWEEP to a folder to run the calibration sweep");
        var tune = RiskEvaluation.Cases.Where(c => c.Split == "tune").ToList();
        var rows = new List<(int Under, double Accuracy, string Setting)>();
        foreach (var prohibited in new[] { 0.6, 0.65, 0.7 })
        {
            foreach (var high in new[] { 0.45, 0.5, 0.55, 0.6 })
            {
                foreach (var limited in new[] { 0.45, 0.5, 0.55, 0.6 })
                {
                    foreach (var (margin, competition) in new[] { 0.0, 0.03, 0.06 }.SelectMany(m => new[] { 0.04, 0.08, 0.15, 1.0 }.Select(c => (m, c))))
                    {
                        var settings = RuleCatalogue.Default.Semantic with
                        {
                            Thresholds = new Dictionary<RiskTier, double> { [RiskTier.Prohibited] = prohibited, [RiskTier.High] = high, [RiskTier.Limited] = limited },
                            Margin = margin,
                            Competition = competition,
                        };
                        var card = RiskEvaluation.Score(RiskEvaluation.Screen(RuleCatalogue.Default.WithSemantic(settings)), tune);
                        rows.Add((card.UnderRated.Count, card.Accuracy, string.Create(CultureInfo.InvariantCulture, $"P {prohibited} H {high} L {limited} margin {margin} competition {competition}")));
                    }
                }
            }
        }

        var text = new StringBuilder();
        foreach (var row in rows.OrderByDescending(r => r.Accuracy - 0.01 * r.Under).Take(40))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Accuracy:P1} under {row.Under}: {row.Setting}");
        }

        File.WriteAllText(Path.Combine(folder!, "risk-calibration.txt"), text.ToString());
    }
}
