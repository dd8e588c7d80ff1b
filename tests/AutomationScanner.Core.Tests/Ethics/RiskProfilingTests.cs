using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 18: profiling as GDPR Art. 4(4) defines it (processing personal data to evaluate, analyse or predict a natural
/// person's preferences, interests, behaviour) and the EDPB's DPIA criteria (WP248rev.01: evaluation or scoring
/// including profiling and predicting; matching or combining datasets from different sources) make a task Limited (D3,
/// Art. 35) by pattern: both read ordinary words the exemplars' meaning did not reach ("combine what members buy with
/// their social media likes" scored 0.33 against the nearest D3 exemplar). Forecasts about things, machines and totals
/// stay Minimal. The sentences are written for these tests (none is an evaluation case); the rules screen alone judges.
/// </summary>
public sealed class RiskProfilingTests
{
    private static RiskAssessment Assess(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

    [Theory]
    [InlineData("Predict each subscriber's taste in music from their listening history")]
    [InlineData("Work out which offers every shopper would like from the items in their basket")]
    [InlineData("Combine the loyalty-card purchases of customers with their online browsing history")]
    [InlineData("Match what patrons watch at the arthouse with their search history to suggest films")]
    public void ProfilingAPerson_IsLimited(string text)
    {
        var assessment = Assess(text);
        Assert.True(
            assessment.Tier >= RiskTier.Limited && assessment.Hits.Any(h => h.Applied && h.RuleId == "D3-personal-data-processing"),
            $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    /// <summary>Forecasts and combinations with no natural person behind them (guards: Minimal before the change too).</summary>
    [Theory]
    [InlineData("Forecast how many loaves the bakery will sell next week")]
    [InlineData("Predict which pumps will need maintenance from their vibration history")]
    [InlineData("Combine the purchase records of the two depots into one stock list")]
    [InlineData("Predict the herd's grazing behaviour from last year's weather")]
    public void ForecastsAboutThings_StayMinimal(string text) => Assert.Equal(RiskTier.Minimal, Assess(text).Tier);
}
