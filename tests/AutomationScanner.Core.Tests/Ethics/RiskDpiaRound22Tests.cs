using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 22 (catalogue 2026.12.20): processing that GDPR Art. 35 makes DPIA-worthy, stated in everyday words, was rated
/// Minimal. D3 (personal data processing, Limited) now also fires on the criteria of Art. 35(1) and (3) and the EDPB/WP29
/// DPIA guidelines (WP248 rev.01): systematic monitoring of a publicly accessible area by cameras; persons watched by a
/// camera; vehicle number plates logged; persons' location and movements kept or followed over time; datasets matched or
/// combined from different sources (measured on the evaluation set only: the rows written for it were already Limited by
/// meaning on d1d36ca); persons evaluated from their history or habits, or singled out as suspected;
/// profiling; persons' names or addresses made public. Anonymous, aggregate or count-only processing is excluded. The
/// sentences are written for these tests from the law (none is an evaluation case); each positive was rated Minimal with
/// catalogue 2026.12.19 (d1d36ca), checked. The rules screen alone (no labelled cases) judges them.
/// </summary>
public sealed class RiskDpiaRound22Tests
{
    private static RiskTier TierOf(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null).Tier;

    private static IReadOnlyList<string> RulesOf(string text) =>
        [.. RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null).Hits.Select(h => h.RuleId)];

    /// <summary>
    /// Art. 35(3)(c) and the EDPB's criterion of systematic monitoring: a publicly accessible area filmed, persons watched
    /// by a camera, number plates logged, persons' location or movements followed or kept over time.
    /// </summary>
    [Theory]
    [InlineData("Cameras film the station forecourt around the clock and the footage is kept for a month")]
    [InlineData("A camera watches the drivers' eyes for signs of drowsiness")]
    [InlineData("Log the licence plates of all vehicles that pass the toll gate")]
    [InlineData("Track where each app user goes during the day and keep the history for a year")]
    public void SystematicMonitoring_IsLimited(string text) => Assert.Equal(RiskTier.Limited, TierOf(text));

    /// <summary>
    /// Art. 35(3)(a) and the EDPB's first criterion: evaluation or scoring, profiling (Art. 4(4)), from persons' history,
    /// habits, preferences or reliability.
    /// </summary>
    [Theory]
    [InlineData("Recommend podcasts to each listener from their listening history")]
    [InlineData("Flag tenants suspected of subletting for the housing officer to check")]
    [InlineData("The garden centre builds consumer profiles of its newsletter readers")]
    public void EvaluationOrProfiling_IsLimited(string text) => Assert.Equal(RiskTier.Limited, TierOf(text));

    /// <summary>Personal data made public to anyone (names and home addresses on a website).</summary>
    [Fact]
    public void PersonsDataPublished_IsLimited() =>
        Assert.Equal(RiskTier.Limited, TierOf("Publish the names and home addresses of the association's members on its website"));

    /// <summary>The rule that fires is D3 (GDPR 35), not a higher one standing in for it.</summary>
    [Fact]
    public void TheFindingIsGdpr35() =>
        Assert.Contains("D3-personal-data-processing", RulesOf("Log the licence plates of all vehicles that pass the toll gate"));

    /// <summary>
    /// Aggregate statistics, anonymous counts, companies' data, machines watched by a camera and a one-off use of a
    /// customer's address to deliver stay below Limited.
    /// </summary>
    [Theory]
    [InlineData("Count how many cars pass the bridge each hour, as totals only")]
    [InlineData("Publish the anonymised yearly statistics of library loans online")]
    [InlineData("Compare the aggregated sales figures of each region with last year's")]
    [InlineData("Deliver the parcel to the customer's address")]
    [InlineData("Match supplier invoices with the purchase order data")]
    [InlineData("Record camera images of the conveyor belt to detect faulty bottles")]
    [InlineData("The camera detects cracks in the welds before operators pack the parts")]
    [InlineData("Track the delivery van's GPS location for the dispatcher")]
    [InlineData("Put the company's annual report online")]
    [InlineData("Order new number plates for the company cars")]
    public void AggregatesCompaniesAndOneOffUse_StayBelowLimited(string text) => Assert.True(TierOf(text) < RiskTier.Limited, text);

    /// <summary>High and Prohibited practices that also monitor or profile keep their tier (D3 never lowers it).</summary>
    [Theory]
    [InlineData("Refuse the loan automatically when the credit model scores the applicant's repayment history low, with no human review", RiskTier.High)]
    [InlineData("The police compare the face of everyone crossing the market square with their wanted list in real time through the street cameras", RiskTier.Prohibited)]
    [InlineData("Cancel a member's insurance policy automatically when the system flags their claims as suspicious, without any human review", RiskTier.High)]
    public void HigherPractices_KeepTheirTier(string text, RiskTier expected) => Assert.Equal(expected, TierOf(text));
}
