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

    // Round 28: r13-rescuedogs-109 and r17-shelterdogorder-112 (and the shelter dogs below) are held back before the vote
    // now, as Annex III uses read by meaning on an animal subject (RiskLeadRound28Tests). Round 47: r18-chimpfacefeeding-105
    // too (a text that recognises animals one by one has them as its subject, ElementSeeds.IdentifiesAnimals).
    [Theory]
    [InlineData("r14-oilgrades-104")]
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

    /// <summary>
    /// Location, voice and face recordings of identifiable persons are personal data (GDPR Art. 4(1)), and their
    /// systematic recording is a DPIA criterion (EDPB WP248 rev.01: systematic monitoring, location data, vulnerable data
    /// subjects, new technologies): a step that records, tracks, logs, keeps or collects them about persons is D3.
    /// </summary>
    [Theory]
    [InlineData("The delivery app logs where each driver is throughout the shift via GPS")]
    [InlineData("The music school's app records the children's lessons with audio and location")]
    [InlineData("Staff wear body cameras that capture the faces and voices of visitors at the desk")]
    [InlineData("The streaming service keeps every subscriber's viewing history across devices")]
    public void RecordingPersonsLocationsVoicesOrFaces_IsPersonalDataProcessing(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "D3-personal-data-processing");
        Assert.True(assessment.Tier >= RiskTier.Limited, $"{text}: {assessment.Tier}");
    }

    [Theory]
    [InlineData("Log the GPS positions of the hire boats on the lake")]
    [InlineData("Record the reindeer's GPS tracks across the winter pasture")]
    [InlineData("Keep the delivery routes of the vans for route planning")]
    public void RecordingThingsOrAnimals_IsNotPersonalDataProcessing(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.RuleId == "D3-personal-data-processing");
    }
}
