using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 21: "cut" written without "off" ("the system cuts a household's supply") is the act of a decision that ends a
/// person's access to a service (GDPR Art. 22; WP251rev.01 names decisions that affect access to essential services as
/// having a similarly significant effect). Before, only "cut off" was read as that act, so a disconnection said the
/// other way, with the absence of a human in words, took no Art. 22 hit and was rated Prohibited for manipulation by
/// meaning alone (r20's first run; the decision-prefix property failed on it because the prefix's "decide" supplied the
/// act). The rules are run without the labelled cases, so the rule's own words are what is tested.
/// </summary>
public sealed class RiskCutActRound21Tests
{
    [Theory]
    [InlineData("The water utility's software cuts a household's supply when a bill is two months late, and no one reviews it")]
    [InlineData("The platform cuts a seller's payouts automatically when complaints pile up, without any human review")]
    [InlineData("The energy provider's system is cutting customers' gas when its model says they will default, with no one checking")]
    public void ACutWithoutAHuman_IsASolelyAutomatedDecision(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.Applied && h.Kind == RuleKind.Gdpr22);
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.Kind == RuleKind.Prohibited);
    }

    [Theory]
    [InlineData("Cut the steel sheets to size on the laser, with no one checking each sheet")]
    [InlineData("Cut the hedges along the depot's fence without anyone supervising")]
    public void ACutOfThings_IsNoDecisionAboutAPerson(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.Kind == RuleKind.Gdpr22);
        Assert.True(assessment.Tier < RiskTier.High, RiskEvaluation.HitsOf(assessment));
    }
}
