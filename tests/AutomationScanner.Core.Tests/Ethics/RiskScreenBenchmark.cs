using System.Diagnostics;
using System.Globalization;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// What the screen costs a 100-activity scan with a warm embedding cache (set RISK_BENCH to a folder to run it): the
/// screen with patterns only against the screen with meaning and domains. A benchmark to quote, not a timed assertion.
/// </summary>
public sealed class RiskScreenBenchmark
{
    [Fact]
    public void Screen_HundredActivities_WarmCache_WritesTimings()
    {
        var folder = Environment.GetEnvironmentVariable("RISK_BENCH");
        Assert.SkipWhen(string.IsNullOrEmpty(folder), "set RISK_BENCH to a folder to run the benchmark");
        var names = RiskEvaluation.Cases.Select(c => c.Text).Distinct().Take(100).ToList();
        var candidates = names.Select((n, i) => Builders.Task(n, "p" + (i % 4).ToString(CultureInfo.InvariantCulture))).ToList();
        var context = new RiskContext(Builders.Workload(candidates), new ResourcePseudonymizer("bench"));
        var embedder = RiskEvaluation.Embedder.Value;

        // Warm: the first pass embeds exemplars and task texts into the cache, as the scan before this one would have.
        Run(Default(embedder), candidates, context, embedder);
        var missesBefore = embedder.Counts.Misses;

        var plain = Enumerable.Range(0, 5).Select(_ => Run(new RiskScreen(), candidates, context, null)).Min();

        // With and without the labelled cases, alternating, so load drift hits both alike.
        var (full, withoutCases) = (double.MaxValue, double.MaxValue);
        for (var i = 0; i < 5; i++)
        {
            full = Math.Min(full, Run(Default(embedder), candidates, context, embedder));
            withoutCases = Math.Min(withoutCases, Run(new RiskScreen(RuleCatalogue.Default, new RiskScreenOptions(), embedder) { LabelledCases = null }, candidates, context, embedder));
        }

        // Counted here: the second part's warm-up pass below embeds its descriptions (round 23 quoted 520 "model runs during
        // the timed passes" that were that warm-up's, not the timed passes').
        var timedMisses = embedder.Counts.Misses - missesBefore;

        // Round 15: 100 step names the screen cannot read, in four processes each with a description of 12 sentences, so
        // every step takes what its process's description screens as (once per process and scan).
        var unread = Enumerable.Range(0, 100).Select(i => Builders.Task(string.Create(CultureInfo.InvariantCulture, $"QZV_XRT_{i:000}"), "p" + (i % 4).ToString(CultureInfo.InvariantCulture))).ToList();
        var sentences = RiskEvaluation.Cases.Select(c => c.Text.TrimEnd('.')).Distinct().Skip(100).Take(48).ToList();
        var descriptions = Enumerable.Range(0, 4).ToDictionary(
            p => "p" + p.ToString(CultureInfo.InvariantCulture), p => string.Join(". ", sentences.Skip(p * 12).Take(12)) + ".");
        var described = new RiskContext(Builders.Workload(unread), new ResourcePseudonymizer("bench")) { ProcessDescriptions = descriptions };
        Run(Default(embedder), unread, described, embedder);
        var missesBeforeDescribed = embedder.Counts.Misses;
        var describedMs = Enumerable.Range(0, 5).Select(_ => Run(Default(embedder), unread, described, embedder)).Min();

        var text = string.Create(CultureInfo.InvariantCulture,
            $"100 activities, warm cache: patterns only {plain:0} ms; patterns + meaning + domains {withoutCases:0} ms; + labelled cases and linear signal {full:0} ms; added {full - plain:0} ms (labelled cases and linear signal {full - withoutCases:0} ms); model runs during the timed passes: {timedMisses}\n"
            + $"100 unread step names in 4 processes with 12-sentence descriptions, warm cache, default screen: {describedMs:0} ms; model runs during the timed passes: {embedder.Counts.Misses - missesBeforeDescribed}\n");
        File.WriteAllText(Path.Combine(folder!, "risk-bench.txt"), text);
    }

    /// <summary>The screen as the scan builds it (round 25: the vote through the rules and the learned linear signal).</summary>
    private static RiskScreen Default(Core.Embeddings.ITextEmbedder embedder) =>
        new(RuleCatalogue.Default, new RiskScreenOptions(), embedder) { LabelledCases = LabelledCaseIndex.Shipped, LabelledCasesThroughRules = true, LabelledLinear = LabelledLinearModel.Shipped };

    private static double Run(RiskScreen screen, List<TaskCandidate> candidates, RiskContext context, Core.Embeddings.ITextEmbedder? embedder)
    {
        var watch = Stopwatch.StartNew();
        var inference = new DomainInference(RuleCatalogue.Default, embedder);
        var domains = candidates.GroupBy(c => c.Process).ToDictionary(
            g => g.Key, g => inference.Infer(new ProcessFacts(g.Key, [.. g.Select(c => c.Name)], [])));
        var withDomains = new RiskContext(context.Workload, context.Pseudonymizer) { Domains = domains, ProcessDescriptions = context.ProcessDescriptions };
        screen.Prepare(candidates, withDomains);
        foreach (var candidate in candidates)
        {
            _ = screen.Assess(candidate, withDomains);
        }

        return watch.Elapsed.TotalMilliseconds;
    }
}
