using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 9 (12b): step names written as codes, as ERP, case-management and ticketing exports write them, are read by a
/// small dictionary of business shortenings; a code with several readings (DEC, FIN, REV) is read only in its process,
/// by which reading is nearest in meaning to it, and only tells whether the step decides, so that the step inherits its
/// process's rules, with the reading shown. Names and processes here are not those of the evaluation set.
/// </summary>
public sealed class RiskStepCodeTests
{
    [Theory]
    [InlineData("VERIF_ELIG", "verify eligibility")]
    [InlineData("ASSGN_CASE", "assign case")]
    [InlineData("CancOrder", "cancel Order")]
    [InlineData("REIMB_AMT_UPD", "reimbursement amount update")]
    [InlineData("CHANGE DIAGN", "change diagnosis")]
    public void Normalise_ReadsUnambiguousBusinessShortenings(string name, string expected) =>
        Assert.Equal(expected, TaskText.Normalise(name));

    [Fact]
    public void Normalise_LeavesAmbiguousCodesUnread()
    {
        Assert.Equal("DEC final", TaskText.Normalise("DEC_FINAL"));
        Assert.Equal("FIN", TaskText.Normalise("FIN"));
        var code = Assert.Single(StepCodes.AmbiguousCodes("REV_CLAIM"));
        Assert.Equal("REV", code.Code);
        Assert.Contains("review", code.Readings);
    }

    /// <summary>
    /// An eligibility check written as a code is the decision step of a housing-benefit process (Annex III 5(a)); the same
    /// code in a bike shop's guarantee claims decides nothing about a benefit or credit ("claims" alone is no insurance).
    /// </summary>
    [Fact]
    public void EligibilityCode_InABenefitsProcess_InheritsAnnexIII5a_NotInAShopsGuaranteeClaims()
    {
        var screen = RiskEvaluation.Screen();

        var benefits = RiskEvaluation.Assess(screen, "VERIF_ELIG", "council housing benefit for tenants on low incomes");
        var shop = RiskEvaluation.Assess(screen, "VERIF_ELIG", "guarantee claims on faulty bicycles at a bike shop");

        Assert.Equal(RiskTier.High, benefits.Tier);
        Assert.Contains(benefits.Hits, h => h.RuleId == "H4a-public-benefits" && h.Applied && h.Evidence.Scope == EvidenceScope.ProcessContext);
        Assert.True(shop.Tier < RiskTier.High, $"shop: {shop.Tier} ({RiskEvaluation.HitsOf(shop)})");
    }

    /// <summary>
    /// "CREDIT_DEC" in a credit-card process: DEC is read as "decision" because that reading is nearest to the process,
    /// and the step inherits Annex III 5(b) and Art. 22 with the reading in the evidence. Outside a process (no domain)
    /// the code is not read and makes no finding.
    /// </summary>
    [Fact]
    public void AmbiguousCode_IsReadInItsProcess_AndShownAsEvidence_ButMakesNoFindingOnItsOwn()
    {
        var screen = RiskEvaluation.Screen();

        var lending = RiskEvaluation.Assess(screen, "CREDIT_DEC", "credit card applications of private customers at a retail bank");
        var alone = RiskEvaluation.Assess(screen, "CREDIT_DEC", null);

        Assert.Equal(RiskTier.High, lending.Tier);
        var hit = Assert.Single(lending.Hits, h => h.RuleId == "H4b-creditworthiness" && h.Applied);
        Assert.Contains("'DEC' read as 'decision'", hit.Evidence.Excerpt, StringComparison.Ordinal);
        Assert.Contains(lending.Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
        Assert.True(alone.Tier < RiskTier.High, $"alone: {alone.Tier} ({RiskEvaluation.HitsOf(alone)})");
    }

    /// <summary>
    /// Annex III 3 is a use of education and training institutions: "admission" read by meaning alone in a company's
    /// supplier qualification process is a vendor's admission, recorded, not applied; the same words in a school's
    /// process stay High.
    /// </summary>
    [Fact]
    public void SectorUse_ByMeaningAlone_InAProcessOfAnotherDomain_IsRecordedNotApplied()
    {
        var screen = RiskEvaluation.Screen();

        // Round 28: the step names a person (12o: elements read by meaning need one), so the use is read by meaning.
        var vendors = RiskEvaluation.Assess(screen, "Decide on the applicant's admission", "supplier onboarding: vendor qualification and purchase orders");
        var school = RiskEvaluation.Assess(screen, "Decide on the applicant's admission", "secondary school admissions of pupils");

        Assert.DoesNotContain(vendors.Hits, h => h.RuleId == "H3-education" && h.Applied);
        Assert.Contains(vendors.Hits, h => h.RuleId == "H3-education" && !h.Applied && h.Note!.Contains("by meaning alone", StringComparison.Ordinal));
        Assert.Equal(RiskTier.High, school.Tier);
        Assert.Contains(school.Hits, h => h.RuleId == "H3-education" && h.Applied);
    }

    [Fact]
    public void Catalogue_RuleWithAnUnknownSector_IsRejectedByName()
    {
        using var resource = typeof(RuleCatalogue).Assembly.GetManifestResourceStream("AutomationScanner.Core.Ethics.rule-catalogue.json")!;
        var json = new StreamReader(resource).ReadToEnd()
            .Replace("\"sectors\": [\"education\"]", "\"sectors\": [\"schooling\"]", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => RuleCatalogue.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "test.json"));

        Assert.Contains("H3-education", error.Message, StringComparison.Ordinal);
    }
}
