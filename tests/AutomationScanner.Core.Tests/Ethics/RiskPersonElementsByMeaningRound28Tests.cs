using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 28 (12o): a rule about natural persons (<see cref="RuleDefinition.AboutPersons"/>: the Annex III uses on
/// students, workers, candidates, borrowers, a person's biometric data) whose elements are completed by meaning (the
/// second signal: a word of the text near an element's own words) needs the text to name a person, as the clear-margin
/// path already did (GDPR Art. 4(1); AI Act Art. 3(34)). "Grading" read near "exams" is no student's exam when what is
/// graded is a gemstone, timber or fabric; a "camera" read near "photos" of people is no person's image when it looks at
/// flue liners. A rule its own words match, or that is near enough to fire without elements, is unchanged.
/// </summary>
public sealed class RiskPersonElementsByMeaningRound28Tests
{
    private static readonly Lazy<SemanticRuleMatcher> Matcher = new(() => new SemanticRuleMatcher(RuleCatalogue.Default, RiskEvaluation.Embedder.Value));

    [Theory]
    [InlineData("Gemstone grading", "H3-education")]
    [InlineData("Grading cut diamonds by clarity and colour", "H3-education")]
    [InlineData("Wool fleece grading at the shearing shed", "H3-education")]
    public void ThingsGraded_AreNoPersonsEducation(string text, string ruleId)
    {
        var matcher = Matcher.Value;
        var rule = RuleCatalogue.Default.Rule(ruleId)!;
        var normalised = TaskText.Normalise(text);

        // The element is still read by meaning ('grading' ~ 'exams'); without a person it no longer completes the rule.
        Assert.NotNull(matcher.ElementsByMeaning(rule, normalised));
        Assert.False(matcher.NamesAPerson(normalised), text);
        Assert.DoesNotContain(matcher.Match([new TaskTextItem(normalised, "task name")]), m => m.RuleId == ruleId);
    }

    [Theory]
    [InlineData("r17-timbergrading-114", RiskTier.Minimal)]
    [InlineData("r24-saltcrystal-116", RiskTier.Minimal)]
    [InlineData("r27-umbrellafabric-110", RiskTier.Minimal)]
    [InlineData("r21-flueliners-112", RiskTier.Minimal)]
    [InlineData("r23-funfairmayorfake-088", RiskTier.Limited)]
    public void SetCasesWithAThingForAPerson_AreInTier(string id, RiskTier tier)
    {
        var c = RiskEvaluation.All.Single(x => x.Id == id);
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), c.Text, c.Context, c.Batch);

        Assert.Equal(tier, assessment.Tier);
    }

    [Theory]
    [InlineData("Grade the students' exams and assign their marks", "H3-education")]
    [InlineData("Grading the apprentices' practical tests", "H3-education")]
    [InlineData("The camera recognises each visitor's face at the gate", "H5a-biometrics")]
    [InlineData("An advert for the bakery's vacancies is shown only to young people", "H1-recruitment")]
    public void PersonsNamed_StillFire(string text, string ruleId) =>
        Assert.Contains(Matcher.Value.Match([new TaskTextItem(TaskText.Normalise(text), "task name")]), m => m.RuleId == ruleId);
}
