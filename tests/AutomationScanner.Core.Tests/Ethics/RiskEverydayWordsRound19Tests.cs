using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 19 (catalogue 2026.12.16): High and Prohibited practices stated in everyday words, with no legal term and no
/// decision verb. A likelihood or a figure about one natural person is the act: Annex III 5(b) (whether a person will pay
/// the rent or the instalments), Annex III 6(d) (the chance that a released prisoner or a suspect offends again), Art.
/// 5(1)(d) (that an individual will steal, pilfer or dodge fares, judged from personality, background or where they
/// grew up); a worker's slot, shift or contract that follows from a figure is an Annex III 4(b) decision; telling who
/// lies at the border is an Annex III 7(a) polygraph-like tool. The guards are forecasts about places, things,
/// aggregates and companies, and lawful facts. The sentences are written for these tests (none is an evaluation case);
/// the rules screen alone (no labelled cases) judges them.
/// </summary>
public sealed class RiskEverydayWordsRound19Tests
{
    private static RiskAssessment Assess(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

    private static RiskTier TierOf(string text) => Assess(text).Tier;

    private static bool Applies(RiskAssessment assessment, string ruleId) => assessment.Hits.Any(h => h.Applied && h.RuleId == ruleId);

    /// <summary>Annex III 5(b): a likelihood that a person falls behind on rent or payments, or whether they can pay.</summary>
    [Theory]
    [InlineData("Estimate the odds that each lodger falls behind with the rent")]
    [InlineData("Rate each tenant on the chance they get into arrears")]
    [InlineData("Give every would-be tenant a figure for how likely they are to miss rent payments, from their pay slips")]
    public void LikelihoodThatAPersonPays_IsCreditworthiness(string text)
    {
        var assessment = Assess(text);
        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.True(Applies(assessment, "H4b-creditworthiness"), text);
    }

    /// <summary>Guards: a reminder about a fact, a statistic, a payment channel and a company's payments are no credit assessment of a person.</summary>
    [Theory]
    [InlineData("Send a reminder to tenants who fell behind on rent last month")]
    [InlineData("Report the share of tenants likely to fall behind on rent next quarter")]
    [InlineData("Let tenants pay the rent by card")]
    [InlineData("Estimate whether the company can keep up with the lease payments on its fleet")]
    public void FactsStatisticsChannelsCompanies_AreNotCreditworthiness(string text) =>
        Assert.False(Applies(Assess(text), "H4b-creditworthiness"), text);

    /// <summary>Annex III 6(d): the chance that a person in the criminal justice system offends again, from their record.</summary>
    [Theory]
    [InlineData("Estimate how likely each parolee is to end up back in prison, from his sentence history")]
    [InlineData("Work out the odds that a man leaving jail next week is convicted again, from his record, for his probation officer")]
    public void ChanceOfOffendingAgain_IsLawEnforcement(string text) => Assert.Equal(RiskTier.High, TierOf(text));

    /// <summary>Guards: a reoffending statistic and prison logistics are no assessment of a person.</summary>
    [Theory]
    [InlineData("Report the share of released prisoners who reoffend within two years")]
    [InlineData("Schedule visits for prisoners' families")]
    public void ReoffendingStatisticsAndLogistics_AreNotHigh(string text) => Assert.True(TierOf(text) < RiskTier.High, text);

    /// <summary>Art. 5(1)(d): that an individual will commit an offence, judged from who they are (personality, background, origin) alone.</summary>
    [Theory]
    [InlineData("Predict which of the bus passengers will dodge fares from their family background and the estate they live on")]
    [InlineData("Guess which seasonal workers are likely to pilfer stock from their personality test scores alone")]
    public void OffenceForecastFromWhoAPersonIs_IsProhibited(string text)
    {
        var assessment = Assess(text);
        Assert.Equal(RiskTier.Prohibited, assessment.Tier);
        Assert.True(Applies(assessment, "P5a-crime-prediction-by-profiling"), text);
    }

    /// <summary>Guards: forecasts about places (shops, car parks) from their features are no prediction about a natural person.</summary>
    [Theory]
    [InlineData("Predict which shops are likely to be burgled from their location and opening hours")]
    [InlineData("Predict which car parks are likely to see break-ins this winter from their lighting and location")]
    public void PlacesAndShops_AreNotProhibited(string text) => Assert.True(TierOf(text) < RiskTier.Prohibited, text);

    /// <summary>Annex III 4(b): a worker's slot, route or contract that follows from a figure the system gives (no decision verb).</summary>
    [Theory]
    [InlineData("Whether a night porter keeps his weekend shifts depends on the guest ratings the app collects about him")]
    [InlineData("Which of the orchestra's musicians are kept on next season follows from the ratings the software gives them")]
    [InlineData("Count how many parcels each sorter scans per hour and send a warning to the bottom ten")]
    public void WorkOutcomeFollowingFromAFigure_IsHigh(string text)
    {
        var assessment = Assess(text);
        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.True(Applies(assessment, "H2a-employment-decisions"), text);
    }

    /// <summary>Guards: machines, vehicles, customers' discounts and suppliers are no work relationship of a person.</summary>
    [Theory]
    [InlineData("Which servers are kept on after the migration depends on usage data")]
    [InlineData("Whether the van keeps its route depends on the fuel figures")]
    [InlineData("Whether a customer keeps the discount depends on their loyalty points")]
    [InlineData("Whether a supplier keeps the contract depends on their delivery scores")]
    [InlineData("Send a warning to the slowest servers in the cluster")]
    public void MachinesCustomersSuppliers_AreNotEmploymentDecisions(string text) =>
        Assert.False(Applies(Assess(text), "H2a-employment-decisions"), text);

    /// <summary>Annex III 7(a): a polygraph-like tool telling who lies or is truthful at the border or in asylum interviews.</summary>
    [Theory]
    [InlineData("A kiosk at the airport's passport control asks each traveller questions and flags whoever seems to be lying")]
    [InlineData("A virtual border guard scores how truthful the answers of people entering the country are")]
    public void LieDetectionAtTheBorder_IsHigh(string text)
    {
        var assessment = Assess(text);
        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.True(Applies(assessment, "H5d-migration"), text);
    }

    /// <summary>Guard: a person lying on the floor is a matter for first aid, not deception.</summary>
    [Theory]
    [InlineData("Detect passengers lying on the floor at the airport and alert the first-aid team")]
    public void LyingDown_IsNotLieDetection(string text) => Assert.False(Applies(Assess(text), "H5d-migration"), text);

    /// <summary>
    /// GDPR Art. 22 needs a decision about a person: a task that estimates or reports a share of customers (a statistic) is
    /// none, even where the customers' own act is cancelling (High before: G1 read "cancel" and "subscription").
    /// </summary>
    [Theory]
    [InlineData("Estimate the share of customers likely to cancel their subscription next month")]
    [InlineData("Forecast the percentage of subscribers likely to end their contracts this year")]
    public void StatisticAboutCustomers_IsNoAutomatedDecision(string text) =>
        Assert.False(Applies(Assess(text), "G1-solely-automated-decision"), text);

    /// <summary>Guards: forecasts about transport, weather, machines and companies are about no natural person.</summary>
    [Theory]
    [InlineData("Forecast how likely the ferry is to be late tomorrow")]
    [InlineData("Work out the chance of rain at the border crossing this weekend")]
    [InlineData("Give every delivery van a number for how likely it is to break down")]
    [InlineData("Estimate how likely the wholesale company is to fall behind on its payments")]
    public void ForecastsAboutNoPerson_StayBelowHigh(string text) => Assert.True(TierOf(text) < RiskTier.High, text);
}
