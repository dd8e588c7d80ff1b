using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 34: the Annex III findings of the rules about persons (recruitment, decisions on workers, education, public
/// benefits, creditworthiness and insurance of natural persons, biometrics) need their natural person, as the GDPR
/// findings have since round 33: where the step and its process name no natural person and name the party acted on as a
/// legal person or an animal, they are recorded, not applied. "Before" is the same screen with the reading off.
/// </summary>
public sealed class RiskAnnexNaturalPersonRound34Tests
{
    private static RiskScreen Before => new(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value)
    {
        LabelledCases = LabelledCaseIndex.Shipped,
        LabelledCasesThroughRules = true,
        LabelledLinear = LabelledLinearModel.Shipped,
        AnnexPersonFindingsNeedANaturalPerson = false,
    };

    private static RiskScreen After => RiskEvaluation.Screen();

    [Fact]
    public void ACreditScoreOfCorporations_IsNoAnnexIIIUse()
    {
        // Set case r17-listedsuppliercredit-105 (near-miss, Minimal), High by Annex III 5(b) on 396a242.
        const string text = "Credit scoring of listed corporations that supply the brewery";
        var before = RiskEvaluation.Assess(Before, text, null, "fresh-r17");
        var after = RiskEvaluation.Assess(After, text, null, "fresh-r17");

        Assert.True(before.Tier == RiskTier.High, $"before {before.Tier}: {RiskEvaluation.HitsOf(before)}");
        Assert.True(after.Tier < RiskTier.High, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
        var held = Assert.Single(after.Hits, h => h.RuleId == "H4b-creditworthiness");
        Assert.False(held.Applied);
        Assert.Contains("legal person", held.Note, StringComparison.Ordinal);
    }

    [Theory]
    // A natural person named beside a firm, or a sole trader: every Annex III finding stays.
    [InlineData("Score the creditworthiness of sole traders who apply to lease a delivery van")]
    [InlineData("Rank the drivers of our subcontractors by their delivery times and cut the bonus of the slowest")]
    [InlineData("Credit scoring of consumers who buy furniture from partner companies on instalments")]
    public void ANaturalPersonNamed_KeepsTheAnnexIIIFinding(string text)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(After, text, null);

        Assert.True(after.Tier >= before.Tier, $"{before.Tier} -> {after.Tier}: {RiskEvaluation.HitsOf(after)}");
        Assert.True(after.Tier >= RiskTier.High, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
