using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 7's general methods found on the shipped real logs, each tested on processes of other domains than the log
/// that showed the fault: record keeping and handing a case on are Art. 6(3) procedural acts; a private organisation's
/// process is not a migration or law-enforcement authority's; shortened words of log names are read in full.
/// </summary>
public sealed class RiskRealLogMethodTests
{
    [Theory]
    [InlineData("Register loan application", null, "H4b-creditworthiness")]
    [InlineData("Register the asylum application", null, "H5d-migration")]
    [InlineData("Scan the visa application form", null, "H5d-migration")]
    public void RecordKeepingStep_AnnexIIISubject_IsLiftedByArt63ToLimited(string text, string? context, string rule)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context);

        Assert.Equal(RiskTier.Limited, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.RuleId == rule && !h.Applied);
        var filter = Assert.Single(assessment.Hits, h => h.Kind == RuleKind.NarrowProceduralFilter && h.Applied);
        Assert.Contains("not to evaluate or decide", filter.Evidence.Excerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Assess loan application", null)]
    [InlineData("Examine the asylum application", null)]
    [InlineData("Assign pupils to the advanced or the basic maths stream", null)]
    public void EvaluatingOrAssigningPersons_IsNotProcedural_StaysHigh(string text, string? context)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context);

        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.DoesNotContain(assessment.Hits, h => h.Kind == RuleKind.NarrowProceduralFilter && h.Applied);
    }

    [Theory]
    [InlineData("assign recruiter", "recruitment of software engineers")]
    [InlineData("Route the application to the case handler", "recruitment of warehouse staff")]
    public void HandingACaseToAHandler_IsProcedural(string text, string context)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context);

        Assert.True(assessment.Tier <= RiskTier.Limited, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    /// <summary>
    /// An employer checking or approving its employees' work or travel permits is not a competent authority deciding
    /// on migration (Annex III 7 is a use by or for such authorities); an immigration office deciding the same permits is.
    /// </summary>
    [Fact]
    public void PrivateOrganisation_PermitSteps_AreNotMigration_AnImmigrationOfficesAre()
    {
        var screen = RiskEvaluation.Screen();

        var employer = RiskEvaluation.Assess(screen, "Check the work permit of the new hire", "onboarding of new employees at a logistics company: contracts, payroll and staff records");
        var authority = RiskEvaluation.Assess(screen, "Check the work permit application", "immigration office deciding on residence and work permits of foreign nationals");

        Assert.Contains(employer.Hits, h => h.RuleId == "H5d-migration" && !h.Applied && h.Note!.Contains("private organisation", StringComparison.Ordinal));
        Assert.DoesNotContain(employer.Hits, h => h.RuleId == "H5d-migration" && h.Applied);
        Assert.Equal(RiskTier.High, authority.Tier);
        Assert.Contains(authority.Hits, h => h.RuleId == "H5d-migration" && h.Applied);
    }

    [Theory]
    [InlineData("APP_DECL", "application declined")]
    [InlineData("Calc score", "calculate score")]
    [InlineData("CLAIM_REJ", "claim reject")]
    [InlineData("Verif docs", "verify documents")]
    [InlineData("Install app", "Install app")]
    [InlineData("Check APP status", "Check application status")]
    public void Normalise_ReadsShortenedWordsInFull_WordsOfTheirOwnOnlyInCapitals(string name, string expected) =>
        Assert.Equal(expected, TaskText.Normalise(name));

    [Fact]
    public void Normalise_SentenceAllInCapitals_KeepsWordsThatAreAlsoShortenings()
    {
        var text = TaskText.Normalise("SEND THE APP DATA OF EVERY DOC REVIEW TO THE TEAM");

        Assert.DoesNotContain("application", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("document", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("application declined", TaskText.Normalise("APP_DECL"));
    }

    [Fact]
    public void ShortenedDecision_InAPersonsProcess_IsItsDecision_InABusinessProcessNot()
    {
        var screen = RiskEvaluation.Screen();

        var claim = RiskEvaluation.Assess(screen, "CLAIM_REJ", "health insurance claims handling for private customers");
        var supplier = RiskEvaluation.Assess(screen, "INV_REJ", "accounts payable for supplier invoices");

        Assert.Equal(RiskTier.High, claim.Tier);
        Assert.Contains(claim.Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
        Assert.True(supplier.Tier < RiskTier.High, $"{supplier.Tier} ({RiskEvaluation.HitsOf(supplier)})");
    }

    /// <summary>
    /// Round 14, from 02_teleclaims with the labelled cases on: a one-letter branch code before a step written in small
    /// letters is read away (as "A_" was), closing a handled case is procedural, "advise" only tells; tested on names of
    /// other processes.
    /// </summary>
    [Theory]
    [InlineData("B register loan application", "register loan application")]
    [InlineData("S record the complaint", "record the complaint")]
    [InlineData("A_SUBMITTED", "submitted")]
    [InlineData("A register of tenants", "register of tenants")]
    [InlineData("B2B order", "B2B order")]
    [InlineData("I SUBMIT", "I submit")]
    public void OneLetterCodeBeforeTheName_IsReadAway(string name, string expected) =>
        Assert.Equal(expected, TaskText.Normalise(name));

    [Theory]
    [InlineData("close ticket", true)]
    [InlineData("Close the case", true)]
    [InlineData("closing incidents", true)]
    [InlineData("close the account", false)]
    [InlineData("close the claim without payment", false)]
    [InlineData("Close the file and reject the claim", false)]
    public void ClosingAHandledCase_IsAProceduralAct(string name, bool procedural) =>
        Assert.Equal(procedural, TaskText.ProceduralAct(TaskText.Normalise(name)) is not null);

    [Theory]
    [InlineData("advise the tenant of the outcome", true)]
    [InlineData("Advise customer on next steps", true)]
    [InlineData("advise and decide on the refund", false)]
    public void Advising_IsCommunication(string name, bool communication) =>
        Assert.Equal(communication, TaskText.IsCommunicationOnly(TaskText.Normalise(name)));
}
