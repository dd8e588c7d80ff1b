using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 17 (catalogue 2026.12.14), the Limited tier: three classes the screen rated Minimal, each fixed from the legal
/// text, not from a case's wording. GDPR Art. 4(2) processing (recording, combination, disclosure by transmission) of
/// data whose holder is a natural person (Art. 4(1)), with the EDPB's DPIA criteria (matching or combining datasets,
/// systematic monitoring); AI Act Art. 50(1), (2) and (4) (an AI system talking with people, synthetic images, video and
/// audio, a real person's likeness or voice, generated text published to inform the public without editorial
/// review); GDPR Art. 9(1) with Art. 4(13)-(15) (health data such as a disability's needs, genetic data from a
/// biological sample, biometric data used to confirm who a person is). The same acts on things, machines or animals
/// stay Minimal. The sentences are written for these tests (none is an evaluation case); the rules screen alone (no
/// labelled cases) judges them.
/// </summary>
public sealed class RiskRuleKindsRound17LimitedTests
{
    private static RiskAssessment Assess(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

    private static bool Applied(RiskAssessment assessment, string ruleId) => assessment.Hits.Any(h => h.Applied && h.RuleId == ruleId);

    /// <summary>Art. 4(2): combining, recording or disclosing data whose holder is a natural person (D3, Art. 35).</summary>
    [Theory]
    [InlineData("Merge the member records of the two rowing clubs into one database")]
    [InlineData("Match the list of gala guests against the charity's donor database")]
    [InlineData("Keep a log of the licence plates of all vans entering the depot yard")]
    public void ProcessingOfPersonsData_IsLimited(string text)
    {
        var assessment = Assess(text);
        Assert.True(assessment.Tier == RiskTier.Limited && Applied(assessment, "D3-personal-data-processing"), $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    /// <summary>The same acts on things or figures, with no natural person behind them, stay Minimal (a guard: Minimal before too).</summary>
    [Theory]
    [InlineData("Combine the two spare-part lists into one catalogue")]
    [InlineData("Keep a log of the freezer temperatures in the cold store")]
    public void SameActsOnThings_StayMinimal(string text) => Assert.Equal(RiskTier.Minimal, Assess(text).Tier);

    /// <summary>Art. 50(1), (2), (4): an AI system talking with people, synthetic media, a real person's likeness, unreviewed generated news.</summary>
    [Theory]
    [InlineData("Generate lifelike photos of holiday homes that are still to be built for the sales brochure")]
    [InlineData("A language model writes the club's match reports and they are published on its website automatically")]
    public void GeneratedContentAndAiInteraction_IsLimited(string text)
    {
        var assessment = Assess(text);
        Assert.True(assessment.Tier == RiskTier.Limited && Applied(assessment, "C1-customer-facing"), $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    /// <summary>Art. 9(1) with Art. 4(13)-(15): needs that reveal a disability, genetic data, biometric verification.</summary>
    [Theory]
    [InlineData("Note which conference guests need step-free access to the lecture hall")]
    [InlineData("Store the DNA results that customers send in with their ancestry kits")]
    [InlineData("Let the gym members check in by matching a selfie with the photo taken when they joined")]
    public void SpecialCategoryData_IsFound(string text)
    {
        var assessment = Assess(text);
        Assert.True(assessment.Tier >= RiskTier.Limited && Applied(assessment, "G3-special-category-data"), $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    /// <summary>The same words without a person's data: a ramp for a building, an animal's DNA sample (a guard: Minimal before too).</summary>
    [Theory]
    [InlineData("Install a step-free access ramp at the station entrance")]
    [InlineData("Ship the cattle's DNA samples to the breeding laboratory")]
    public void SpecialCategoryWordsWithoutAPerson_StayMinimal(string text) => Assert.Equal(RiskTier.Minimal, Assess(text).Tier);

    /// <summary>
    /// A text is also matched by meaning with its articles left out, so "the" in or out cannot take a match away from a
    /// text that sits near its threshold: the article-less spelling is one of the text's views.
    /// </summary>
    [Fact]
    public void Views_IncludeTheTextWithoutItsArticles()
    {
        var views = SemanticRuleMatcher.Views(new TaskTextItem("Post the renewed permits to an owner of the street", "")).Select(v => v.Text).ToList();
        Assert.Contains("Post renewed permits to owner of street", views);
        Assert.Contains("Post the renewed permits to an owner of the street", views);
    }

    /// <summary>
    /// D3 concerns natural persons (<see cref="RuleDefinition.AboutPersons"/>): the labelled cases' vote for it counts only
    /// for a task that names a person, so a record of goods near a record of customers is not personal data.
    /// </summary>
    [Fact]
    public void PersonalDataRule_IsAboutPersons() =>
        Assert.True(RuleCatalogue.Default.Rule("D3-personal-data-processing")!.Definition.AboutPersons);
}
