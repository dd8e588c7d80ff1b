using System.Globalization;
using System.Text;
using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 12b's experiment (docs/ranking.md): the floor on the nearest case's similarity for the vote read through the
/// rules (<see cref="RiskScreen.LabelledCasesMinSimilarity"/>), chosen by leave-one-batch-out within the batches up to
/// fresh-r8 only (index of those batches; each batch screened without its own cases), by round 11's score (in-tier %
/// less one case per Prohibited/High rated lower), ties to the lower floor; then fresh-r9 to fresh-r12 and the whole set
/// leave-one-batch-out for rules only, through the rules, and through the rules with the chosen floor.
/// <c>RISK_FLOOR_SWEEP_OUT=&lt;dir&gt;</c> runs it and writes risk-floor-sweep.txt; <c>RISK_FLOOR_SWEEP_GIVEN=&lt;floor&gt;</c>
/// skips the choice and reports the held-out batches at that floor (what a floor set by hand would cost).
/// </summary>
public sealed class RiskThroughRulesFloorSweep
{
    private static string[] Order { get; } = RiskEvaluation.BatchOrder;

    private static readonly double[] Floors = [0, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

    [Fact]
    public void Sweep()
    {
        var folder = Environment.GetEnvironmentVariable("RISK_FLOOR_SWEEP_OUT");
        Assert.SkipWhen(string.IsNullOrEmpty(folder), "set RISK_FLOOR_SWEEP_OUT to a folder to run the sweep");
        var file = Path.Combine(folder!, "risk-floor-sweep.txt");
        var text = new StringBuilder();
        void Line(string s)
        {
            text.AppendLine(s);
            File.WriteAllText(file, text.ToString());
        }

        var shipped = LabelledCaseIndex.Shipped!;
        var tune = Order.Take(9).ToHashSet(StringComparer.Ordinal);
        var tuneIndex = new LabelledCaseIndex(shipped.ModelId, [.. shipped.Cases.Where(c => tune.Contains(c.Batch))]);
        var tuneCases = RiskEvaluation.All.Where(c => tune.Contains(c.Batch)).ToList();
        Line(string.Create(CultureInfo.InvariantCulture, $"nested choice on {tuneCases.Count} cases (batches up to fresh-r8, index of those {tuneIndex.Cases.Count} cases, leave-one-batch-out)"));
        var chosen = 0.0;
        var bestScore = double.NegativeInfinity;
        var given = Environment.GetEnvironmentVariable("RISK_FLOOR_SWEEP_GIVEN") is { Length: > 0 } g ? double.Parse(g, CultureInfo.InvariantCulture) : (double?)null;
        foreach (var floor in given is null ? Floors : [])
        {
            var card = RiskEvaluation.Score(Through(tuneIndex, floor), tuneCases);
            var score = (card.Accuracy * 100) - (card.UnderRated.Count * 100.0 / tuneCases.Count);
            Line(string.Create(CultureInfo.InvariantCulture, $"floor {floor:0.00}: {card.Accuracy:P2} in tier, {card.UnderRated.Count} P/H lower, {card.OverRated.Count} higher, score {score:0.000}"));
            if (score > bestScore)
            {
                (bestScore, chosen) = (score, floor);
            }
        }

        // RISK_FLOOR_SWEEP_GIVEN=<floor> reports the held-out batches at a floor given, not chosen (what a floor costs).
        chosen = given ?? chosen;
        Line(string.Create(CultureInfo.InvariantCulture, $"{(given is null ? "chosen" : "given (not chosen)")} floor: {chosen:0.00}"));
        Line("");
        Line("held out, leave-one-batch-out with the whole index: rules | through the rules | through + floor");
        var rules = new RiskScreen(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value) { LabelledCases = null };
        var through = Through(shipped, 0);
        var floored = Through(shipped, chosen);
        var all = (R: new List<Outcome>(), T: new List<Outcome>(), F: new List<Outcome>());
        var changed = new StringBuilder();
        foreach (var batch in Order)
        {
            var cases = RiskEvaluation.All.Where(c => c.Batch == batch).ToList();
            var r = RiskEvaluation.Score(rules, cases);
            var t = RiskEvaluation.Score(through, cases);
            var f = chosen == 0 ? t : RiskEvaluation.Score(floored, cases);
            all.R.AddRange(r.Outcomes);
            all.T.AddRange(t.Outcomes);
            all.F.AddRange(f.Outcomes);
            Line(Row(batch, r, t, f));
            foreach (var (a, b) in t.Outcomes.Zip(f.Outcomes).Where(p => p.First.Actual != p.Second.Actual))
            {
                changed.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {a.Case.Id} ({a.Case.Tier}): {a.Actual} -> {b.Actual}  [{a.Hits}]  \"{a.Case.Text}\""));
            }
        }

        Line(Row("all", new Scorecard(all.R), new Scorecard(all.T), new Scorecard(all.F)));
        Line("");
        Line("cases the floor changes (through the rules -> with the floor):");
        Line(changed.ToString());
    }

    private static RiskScreen Through(LabelledCaseIndex index, double floor) =>
        new(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value) { LabelledCases = index, LabelledCasesThroughRules = true, LabelledCasesMinSimilarity = floor };

    private static string Row(string batch, Scorecard r, Scorecard t, Scorecard f) =>
        string.Create(CultureInfo.InvariantCulture, $"{batch,-12} {r.Outcomes.Count,5}  rules {r.Accuracy,7:P1} {r.UnderRated.Count,3} {r.OverRated.Count,3} | through {t.Accuracy,7:P1} {t.UnderRated.Count,3} {t.OverRated.Count,3} | +floor {f.Accuracy,7:P1} {f.UnderRated.Count,3} {f.OverRated.Count,3}");
}
