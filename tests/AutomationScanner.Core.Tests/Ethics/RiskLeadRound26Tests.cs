using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 26, lead. The labelled cases' vote was read to raise only; its Minimal cases are the near-misses written from
/// the legal texts (the rule's words about animals, objects, firms). Where the name's own view gets a confident Minimal
/// vote, a High or Prohibited rule matched by meaning alone is recorded, not applied
/// (<see cref="RiskScreen.MinimalVoteHoldsBack"/>); a rule the words match stays, and so do the cases the rules are about.
/// </summary>
public sealed class RiskLeadRound26Tests
{
    private static RiskScreen Without => new(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value)
    {
        LabelledCases = LabelledCaseIndex.Shipped,
        LabelledCasesThroughRules = true,
        LabelledLinear = LabelledLinearModel.Shipped,
        MinimalVoteHoldsBack = false,
    };

    [Theory]
    [InlineData("r13-rescuedogs-109")]
    [InlineData("r14-oilgrades-104")]
    [InlineData("r17-shelterdogorder-112")]
    [InlineData("r18-chimpfacefeeding-105")]
    [InlineData("r16-suppliertrust-103")]
    public void NearMisses_TheLabelledCasesCallMinimal_LoseTheirMeaningMatch(string id)
    {
        var c = RiskEvaluation.All.Single(x => x.Id == id);
        var before = RiskEvaluation.Assess(Without, c.Text, c.Context, c.Batch);
        var after = RiskEvaluation.Assess(RiskEvaluation.Screen(), c.Text, c.Context, c.Batch);

        Assert.True(before.Tier >= RiskTier.High, $"{id} without the Minimal vote: {before.Tier} ({RiskEvaluation.HitsOf(before)})");
        Assert.Equal(RiskTier.Minimal, after.Tier);
        Assert.Contains(after.Hits, h => !h.Applied && h.Note is { } note && note.Contains("near-misses rated Minimal", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Grade each wine batch for acidity and give it a quality class")]
    [InlineData("Decide which shelter dogs are shown first on the adoption page")]
    public void NearMissesInOtherWords_LoseTheirMeaningMatch(string text)
    {
        var before = RiskEvaluation.Assess(Without, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.True(before.Tier >= RiskTier.High, $"{text} without the Minimal vote: {before.Tier} ({RiskEvaluation.HitsOf(before)})");
        Assert.True(after.Tier < RiskTier.High, $"{text}: {after.Tier} ({RiskEvaluation.HitsOf(after)})");
    }

    [Theory]
    [InlineData("Assess the temperament of job applicants before they are invited to an interview", RiskTier.High)]
    [InlineData("Grade each pupil's exam and assign the final mark", RiskTier.High)]
    [InlineData("Recognise each visitor at the zoo gate by their face", RiskTier.High)]
    [InlineData("Scores the trustworthiness of our tenants from their late payments and complaint history", RiskTier.High)]
    public void CasesAboutPersons_KeepTheirTier(string text, RiskTier atLeast)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.True(assessment.Tier >= atLeast, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.DoesNotContain(assessment.Hits, h => h.Note is { } note && note.Contains("near-misses rated Minimal", StringComparison.Ordinal));
    }

    [Fact]
    public void SwitchedOff_NoMatchIsHeldBackByTheMinimalVote()
    {
        var c = RiskEvaluation.All.Single(x => x.Id == "r14-oilgrades-104");
        var assessment = RiskEvaluation.Assess(Without, c.Text, c.Context, c.Batch);

        Assert.DoesNotContain(assessment.Hits, h => h.Note is { } note && note.Contains("near-misses rated Minimal", StringComparison.Ordinal));
    }
}
