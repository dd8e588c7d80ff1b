using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 25, lead. (1) Biometric data are a natural person's (AI Act Art. 3(34)); the rules about them (Annex III 1,
/// Art. 5(1)(e)-(h); catalogue flag <c>concernsBiometricData</c>) held back a match by meaning on an animal, but their own
/// words ("face recognition") still fired on one: "Face recognition for the reptile house's tortoises logs which one has
/// eaten" was Prohibited in fresh-r25's first run (pattern Annex III 1 and a labelled-case vote for Art. 5(1)(e)). With an
/// animal as the subject and no person named they are held back by pattern too; a person named beside the animal keeps
/// them. (2) GDPR Art. 9 names data concerning a person's sexual orientation: the words for orientations themselves
/// ("lesbian, gay or bisexual") now count as the special category, as "sexual orientation" did.
/// </summary>
public sealed class RiskLeadRound25Tests
{
    [Theory]
    [InlineData("Face recognition for the tortoises logs which one has eaten")]
    [InlineData("Facial recognition of the dairy cattle at the milking robot")]
    [InlineData("Use face recognition to tell the stable's horses apart")]
    public void BiometricWordsAboutAnimals_TakeNoBiometricRule(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.True(assessment.Tier < RiskTier.High, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && RuleCatalogue.Default.Rule(h.RuleId)!.Definition.ConcernsBiometricData);
        Assert.Contains(assessment.Hits, h => !h.Applied && h.RuleId == "H5a-biometrics" && h.Note!.Contains("Art. 3(34)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Face recognition of visitors at the reptile house entrance")]
    [InlineData("Facial recognition identifies the farm workers who milk the cattle")]
    [InlineData("Face recognition at the stable gate")]
    public void BiometricWordsAboutPersons_StayHigh(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.True(assessment.Tier >= RiskTier.High, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    [Theory]
    [InlineData("The club keeps a roster that shows which members are lesbian, gay or bisexual")]
    [InlineData("Record whether each volunteer is homosexual")]
    [InlineData("Note which employees are transgender")]
    public void OrientationsNamed_AreSpecialCategoryData(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "G3-special-category-data");
        Assert.True(assessment.Tier >= RiskTier.Limited);
    }
}
