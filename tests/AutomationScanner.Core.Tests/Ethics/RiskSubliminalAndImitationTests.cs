using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 18: two techniques of AI Act Art. 5(1)(a) named in everyday words the manipulation rule's technique element did
/// not read. Recital 29: audio, image or video stimuli that persons cannot perceive or that lie beyond their conscious
/// perception ("barely audible", "hardly visible"); deceptive techniques that subvert a person's autonomy, here a voice or
/// likeness imitated, a dead relative's above all, to persuade. The effect on behaviour is still needed (the element
/// beside it, or nearness to the rule standing for it): a barely audible alarm or an actor's imitated voice in a trailer
/// is no manipulation. Not reached: "have the chatbot mimic a widow's late husband to talk her into renewing the funeral
/// plan" stays Limited (both elements by pattern, but its nearness to the rule is below the element threshold). The sentences are written for these tests (none is an evaluation case); the rules screen alone judges.
/// </summary>
public sealed class RiskSubliminalAndImitationTests
{
    private static RiskAssessment Assess(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

    [Theory]
    [InlineData("Mix a barely audible voice into the shop's background music that tells shoppers to add more to their trolley")]
    [InlineData("The savings app's assistant imitates the voice of a customer's deceased father to talk them into a costly policy")]
    public void StimuliBelowPerception_AndImitatedRelatives_AreProhibited(string text)
    {
        var assessment = Assess(text);
        Assert.True(
            assessment.Tier == RiskTier.Prohibited && assessment.Hits.Any(h => h.Applied && h.RuleId == "P4-manipulation"),
            $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    /// <summary>The same words with no behaviour steered (guards: not Prohibited before the change either).</summary>
    [Theory]
    [InlineData("Make the fire alarm test tone barely audible in the server room")]
    [InlineData("Imitate the voice of a famous actor for the cinema trailer")]
    public void TheSameWords_WithoutSteeringBehaviour_AreNotProhibited(string text) => Assert.NotEqual(RiskTier.Prohibited, Assess(text).Tier);
}
