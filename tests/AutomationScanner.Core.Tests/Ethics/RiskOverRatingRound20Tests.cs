using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 20 (catalogue 2026.12.17): over-ratings of tasks about no natural person. Annex III 5(b) is the creditworthiness
/// of natural persons, GDPR Art. 22 a decision on a data subject (a natural person, Art. 4(1)):
/// a company, an enterprise or a firm is none. Two mechanisms: a rule's own exclusions (a company, a
/// firm, a business customer) now hold for a vote of the labelled cases as they held for its words and its meaning,
/// unless the task also names a private person in the law's terms (a private customer, a consumer); "enterprises"
/// join those exclusions for 5(b) and Art. 22. The sentences are written for these tests (none is an
/// evaluation case); each near-miss was High with round 19's screen (merge 70667f6, index rebuilt), checked. The guards
/// are the person-versions of the near-misses: they stay High.
/// </summary>
public sealed class RiskOverRatingRound20Tests
{
    private static readonly Lazy<RiskScreen> Learned = new(() => RiskEvaluation.Screen());

    private static RiskAssessment Assess(string text) => RiskEvaluation.Assess(Learned.Value, text, null);

    private static bool AppliesAny(RiskAssessment assessment, params string[] ruleIds) =>
        assessment.Hits.Any(h => h.Applied && ruleIds.Contains(h.RuleId, StringComparer.Ordinal));

    /// <summary>
    /// The creditworthiness of a legal person, or an automated decision on a company's request: neither Annex III 5(b) nor
    /// GDPR Art. 22, whether read from the words, by meaning or from the labelled cases' vote.
    /// </summary>
    [Theory]
    [InlineData("Check the creditworthiness of the enterprises bidding for the ferry concession")]
    [InlineData("Score the creditworthiness of the business clients that rent our forklifts")]
    [InlineData("Automatically reject applications for a trade account from companies without a VAT number")]
    public void CompaniesCredit_IsNotAPersonsCredit(string text)
    {
        var assessment = Assess(text);
        Assert.True(assessment.Tier < RiskTier.High, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.False(AppliesAny(assessment, "H4b-creditworthiness", "G1-solely-automated-decision"), text);
    }

    /// <summary>Guards: the same acts on natural persons (tenants, customers, sole traders, a self-employed tradesman) stay High.</summary>
    [Theory]
    [InlineData("Rate the creditworthiness of the tenants who lease our flats")]
    [InlineData("Automatically refuse a credit limit to customers who paid late last year")]
    [InlineData("Score the creditworthiness of sole traders and freelancers")]
    [InlineData("Score each self-employed plumber's creditworthiness before selling them a van on finance")]
    public void PersonsCredit_StaysHigh(string text)
    {
        var assessment = Assess(text);
        Assert.True(assessment.Tier >= RiskTier.High, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }
}
