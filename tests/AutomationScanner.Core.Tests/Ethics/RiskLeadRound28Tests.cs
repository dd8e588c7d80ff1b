using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 28, lead. An Annex III use read by meaning alone on a task whose subject is an animal and that names no person is
/// recorded, not applied: each use is made on natural persons or on their calls (AI Act Annex III; GDPR Art. 4(1)), and a
/// rescue dog's temperament is no emergency call by a natural person (Annex III 5(d)). Round 25 did this for the
/// biometric rules only. An Art. 5 technique is not held back so (an animal is often the character through which it
/// reaches a child), nor is a use the task's words match.
/// </summary>
public sealed class RiskLeadRound28Tests
{
    [Theory]
    [InlineData("r13-rescuedogs-109")]
    [InlineData("r17-shelterdogorder-112")]
    public void SetNearMisses_WithAnAnimalSubject_AreMinimal(string id)
    {
        var c = RiskEvaluation.All.Single(x => x.Id == id);
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), c.Text, c.Context, c.Batch);

        Assert.Equal(RiskTier.Minimal, assessment.Tier);
        Assert.Contains(assessment.Hits, h => !h.Applied && h.Note is { } note && note.Contains("subject is an animal", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Decide which shelter dogs are shown first on the adoption page")]
    [InlineData("Assess the temperament of the rescued horses before they are rehomed")]
    public void AnnexUsesByMeaning_OnAnAnimal_AreNotApplied(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.True(assessment.Tier < RiskTier.High, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    [Theory]
    [InlineData("Rank the incoming calls about injured people so that the ambulance goes to the most urgent first", RiskTier.High)]
    [InlineData("Assess the temperament of job applicants before they are invited to an interview", RiskTier.High)]
    [InlineData("The game app guesses the child's age and warns over and over that the cartoon puppy will cry unless they buy more coins", RiskTier.Prohibited)]
    public void PersonsNamed_OrATechnique_KeepTheirTier(string text, RiskTier atLeast)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.True(assessment.Tier >= atLeast, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }
}
