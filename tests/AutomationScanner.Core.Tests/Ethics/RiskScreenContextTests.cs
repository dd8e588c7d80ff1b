using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>Round 5's general methods: one spelling, the process context, communication steps, business subjects.</summary>
public sealed class RiskScreenContextTests
{
    [Theory]
    [InlineData("highinterest loan adverts", "high interest loan adverts")]
    [InlineData("job-seeker's test", "job seeker's test")]
    [InlineData("trade_union membership", "trade union membership")]
    public void SpellingForm_SplitsHyphensUnderscoresAndClosedCompounds(string text, string expected)
    {
        var vocabulary = SpellingForm.Vocabulary(RuleCatalogue.Default);

        Assert.Equal(expected, SpellingForm.Canonical(text, vocabulary));
    }

    [Fact]
    public void SpellingForm_NeverSplitsACatalogueWordOrOnAFunctionWord()
    {
        var vocabulary = SpellingForm.Vocabulary(RuleCatalogue.Default);

        Assert.Equal("Evaluate creditworthiness", SpellingForm.Canonical("Evaluate creditworthiness", vocabulary));
        Assert.Null(SpellingForm.Split("therapist", vocabulary));
    }

    [Fact]
    public void ShortStep_TakesTheSettingOfItsProcess_NotTheAct()
    {
        var screen = RiskEvaluation.Screen();

        var priority = RiskEvaluation.Assess(screen, "Set priority", "emergency department of a hospital: patient arrival, triage and treatment");
        var itPriority = RiskEvaluation.Assess(screen, "Set priority", "IT service desk incident management");

        Assert.Equal(RiskTier.High, priority.Tier);
        Assert.Contains(priority.Hits, h => h.Applied && h.RuleId == "H4d-emergency-triage");
        Assert.True(itPriority.Tier < RiskTier.High, itPriority.Tier.ToString());
    }

    [Fact]
    public void ProcessContext_CompletesOnlyTheRulesItsDomainPassesOn()
    {
        var screen = RiskEvaluation.Screen();

        // The running example's step: the customer-service phrase names customers, which must not complete the
        // employment rule (4(b)) this step is nearest to; customer service passes on only Art. 50 contact.
        var compensation = RiskEvaluation.Assess(screen, "pay compensation", "customer complaint handling: register request, examine, decide, pay compensation, reject request");

        Assert.DoesNotContain(compensation.Hits, h => h.Applied && h.Evidence.ElementsByMeaning == "requirements met by the process context");
        Assert.True(compensation.Tier < RiskTier.High, compensation.Tier.ToString());
    }

    [Fact]
    public void LifeInsurancePremium_IsAnnexIII5c_PropertyPremiumIsNot()
    {
        var screen = RiskEvaluation.Screen();

        var life = RiskEvaluation.Assess(screen, "Calculate premium", "life insurance underwriting for private customers");
        var property = RiskEvaluation.Assess(screen, "Calculate premium", "commercial property insurance for business buildings");

        Assert.Equal("life-health-insurance", life.Domain);
        Assert.Equal(RiskTier.High, life.Tier);
        Assert.True(property.Tier < RiskTier.High, property.Tier.ToString());
    }

    [Fact]
    public void CommunicationStep_TakesNoHighTierFromMeaning_ButADecisionItNamesStays()
    {
        var screen = RiskEvaluation.Screen();

        var reminder = RiskEvaluation.Assess(screen, "Send appointment reminders to patients by text message", null);
        var rejection = RiskEvaluation.Assess(screen, "Send rejection letter", "consumer loan application process at a bank");

        Assert.Equal(RiskTier.Limited, reminder.Tier);
        Assert.Contains(reminder.Hits, h => !h.Applied && h.Kind == RuleKind.HighRisk && h.Note!.Contains("communication step", StringComparison.Ordinal));
        Assert.Equal(RiskTier.High, rejection.Tier);
        Assert.True(TaskText.IsCommunicationOnly("Notify applicant"));
        Assert.False(TaskText.IsCommunicationOnly("Send rejection letter"));
    }

    [Fact]
    public void BusinessCustomers_RuleOutTheNaturalPersonRules_WithTheReason()
    {
        var screen = RiskEvaluation.Screen();

        var b2b = RiskEvaluation.Assess(screen, "Check credit limit", "order-to-cash for wholesale business customers");

        Assert.Equal("finance-back-office", b2b.Domain);
        Assert.DoesNotContain(b2b.Hits, h => h.Applied && h.RuleId is "H4b-creditworthiness" or "G1-solely-automated-decision");
        Assert.Contains(b2b.Hits, h => !h.Applied && h.RuleId == "H4b-creditworthiness" && h.Note!.Contains("natural persons", StringComparison.Ordinal));
    }

    [Fact]
    public void HospitalAdmission_IsNotEducationAdmission_WithTheReason()
    {
        var screen = RiskEvaluation.Screen();

        // The sepsis log's "Admission NC" (normal care) was read as admission to a school (Annex III 3).
        var hospital = RiskEvaluation.Assess(screen, "Admission NC", "hospital emergency department: ER triage, sepsis diagnosis, IV antibiotics, admission to a ward, release");
        var school = RiskEvaluation.Assess(screen, "Decide admission of applicants to the university", null);

        Assert.Equal("healthcare", hospital.Domain);
        Assert.DoesNotContain(hospital.Hits, h => h.Applied && h.RuleId == "H3-education");
        Assert.Contains(school.Hits, h => h.Applied && h.RuleId == "H3-education");
    }

    [Fact]
    public void BiometricVerification_IsNotRemoteIdentification()
    {
        var screen = RiskEvaluation.Screen();

        var verify = RiskEvaluation.Assess(screen, "Verify a traveller's identity at the boarding gate by comparing their face with their passport photo", null);
        var identify = RiskEvaluation.Assess(screen, "Identify people afterwards from stored shop camera footage", null);

        Assert.DoesNotContain(verify.Hits, h => h.Applied && h.RuleId == "H5a-biometrics");
        Assert.Contains(identify.Hits, h => h.Applied && h.RuleId == "H5a-biometrics");
    }
}
