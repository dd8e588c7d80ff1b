using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 22: Art. 5(1)(a)-(b) prohibits a technique deployed on a person's own choices (a subliminal, manipulative or
/// deceptive technique, or the exploitation of a vulnerability, that materially distorts what the person does). A text
/// that neither names such a technique nor any act addressed to the person (something shown, said, sent, offered,
/// priced or played to them; their buying, paying or signing) states what is done ABOUT the person: a benefit stopped,
/// an application turned down. Before, such texts were rated Prohibited for manipulation by meaning alone (the rule's
/// nearness stood for the missing technique), and the decision rules that judge them lost the nearest-rule competition.
/// Now the technique is left out of the match by meaning for them, and read again only where nothing at High or above
/// is left. The rules are run without the labelled cases, so the rules' own reading is what is tested.
/// </summary>
public sealed class RiskTechniqueUnreadRound22Tests
{
    private static CompiledRule Manipulation => RuleCatalogue.Default.Rule("P4-manipulation")!;

    [Theory]
    [InlineData("The council's system works out which pensioners still qualify for the winter heating allowance and stops it for the others")]
    public void ADecisionAboutAnEntitlement_WithoutATechnique_IsJudgedAsADecision(string text)
    {
        var before = RiskEvaluation.Assess(new RiskScreen(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value) { LeavesOutUnreadTechniques = false }, text, null);
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(RiskTier.Prohibited, before.Tier);
        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.Kind == RuleKind.Prohibited);
        Assert.Contains(assessment.Hits, h => h.Applied && h.Kind is RuleKind.HighRisk or RuleKind.Gdpr22);
    }

    [Theory]
    [InlineData("The hostel's booking program turns young travellers down by itself when their savings fall below what its formula expects")]
    public void WhereNoDecisionRuleIsLeft_TheTechniqueIsReadAsBefore(string text)
    {
        var before = RiskEvaluation.Assess(new RiskScreen(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value) { LeavesOutUnreadTechniques = false }, text, null);
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(before.Tier, assessment.Tier);
    }

    [Theory]
    [InlineData("The funeral-plan app tells grieving widows that the price doubles tomorrow so that they sign up for the dearest plan at once")]
    [InlineData("The betting app shows players on a losing streak a near-win animation so that they keep staking money they cannot spare")]
    [InlineData("The loan app offers people who have just lost their job an expensive credit line the moment their wages stop")]
    public void ATechniqueAddressedToThePerson_StaysProhibited(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(RiskTier.Prohibited, assessment.Tier);
    }

    [Fact]
    public void TheTechniqueIsUnread_OnlyWithoutItsWordsAndWithoutAnActAddressedToThePerson()
    {
        Assert.True(Manipulation.TechniqueUnread("the software works out which tenants still qualify for the rent subsidy and ends it for the others"));
        Assert.False(Manipulation.TechniqueUnread("the app tells tenants the subsidy ends tonight"));
        Assert.False(Manipulation.TechniqueUnread("the system exploits the tenants' money worries"));
        Assert.False(Manipulation.TechniqueUnread("the software ends the subsidy", "a banner pressures tenants to pay for an upgrade"));
        Assert.False(RuleCatalogue.Default.Rule("G1-solely-automated-decision")!.TechniqueUnread("the software ends the subsidy"));
    }
}
