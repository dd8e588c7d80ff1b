using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 10 (catalogue 2026.12.9): Annex III 4(b) covers "decisions affecting ... the promotion or termination of
/// work-related contractual relationships"; a verb that terminates, dismisses, deactivates, demotes or promotes is that
/// decision, so it also states the rule's act element. The phrasings were written for this test and are in no batch;
/// the same verbs on things (alerts, keys, printers, posts) stay Minimal.
/// </summary>
public sealed class RiskEmploymentActTests
{
    [Fact]
    public void TerminationOrPromotionVerb_OnWorkers_IsTheEmploymentDecision_OnThingsNot()
    {
        var screen = RiskEvaluation.Screen();
        (string Text, RiskTier Tier)[] cases =
        [
            ("Deactivate the support agents whose customer ratings drop below four stars", RiskTier.High),
            ("Demote shift supervisors whose teams miss the weekly quota", RiskTier.High),
            ("Dismiss the alert on the dashboard", RiskTier.Minimal),
            ("Deactivate the expired API keys", RiskTier.Minimal),
            ("Promote the blog post on social media", RiskTier.Minimal),
            ("Deactivate the printers that are out of toner", RiskTier.Minimal),
        ];

        var wrong = cases
            .Select(c => (c, Assessment: RiskEvaluation.Assess(screen, c.Text, null)))
            .Where(r => r.Assessment.Tier != r.c.Tier
                || (r.c.Tier == RiskTier.High && !r.Assessment.Hits.Any(h => h.Applied && h.RuleId == "H2a-employment-decisions")))
            .Select(r => $"'{r.c.Text}': {r.Assessment.Tier} ({RiskEvaluation.HitsOf(r.Assessment)}), expected {r.c.Tier}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
