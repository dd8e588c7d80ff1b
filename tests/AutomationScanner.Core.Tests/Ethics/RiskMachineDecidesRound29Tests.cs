using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 29 (12b): GDPR Art. 22(1) "a decision based solely on automated processing" stated by who decides. A sentence
/// whose deciding verb has a machine for its subject ("the booking engine refuses ...", "the software rejects ...", "let
/// the system decide which patients ...") says that the system takes the decision; where no person is stated to review
/// each case (EDPB WP251rev.01: meaningful human involvement), that is the solely automated decision. The decision must
/// be on a natural person: its object is a person or a person's matter (stay, request, membership, account, contract...),
/// and a person is named. And the legal-person exclusion no longer reads a firm named as the one that decides ("a phone
/// company closes ...") or as the place where nobody reviews ("nobody at the company looks at the refusals") as the
/// decision's subject.
/// </summary>
public sealed class RiskMachineDecidesRound29Tests
{
    private const string G1 = "G1-solely-automated-decision";

    [Theory]
    [InlineData("The gym's check-in app bans members whose card was used by someone else")]
    [InlineData("A landlord portal turns away tenants whose bank data it reads as showing a disability allowance")]
    [InlineData("The ferry company's booking software refuses passengers it flags as likely to be pregnant")]
    [InlineData("The library's system puts readers with three late returns on a banned-borrowers list")]
    [InlineData("Let the algorithm decide which pupils the music school still admits, from their attendance")]
    [InlineData("The tenants' association says the letting platform rejects applicants by itself; nobody at the company looks at the rejections")]
    public void MachineAsTheDecider_StatesTheSolelyAutomatedDecision(string text) =>
        Assert.NotNull(RuleCatalogue.Default.Rule(G1)!.FirstMatch(text));

    [Theory]
    [InlineData("The model rejects blurry photos that customers upload and asks them to try again")]
    [InlineData("The system rejects invoices from suppliers whose order numbers are missing")]
    [InlineData("The sorting machine rejects apples with bruises")]
    [InlineData("The app refuses to start when the phone has no network")]
    [InlineData("The help desk software closes support tickets when the fix is confirmed")]
    [InlineData("The contracts with our cleaning firms expire at the end of the year and the system closes them")]
    [InlineData("The rostering tool publishes the staff rota every month")]
    [InlineData("The model ranks the customers by expected spend for the marketing team")]
    [InlineData("The software rejects members' late entries, and a case worker reviews each rejection before the letter goes out")]
    [InlineData("The system closes the accounts of companies that stopped trading")]
    public void NoMachineDecisionOnAPerson_GivesNoHit(string text) =>
        Assert.Null(RuleCatalogue.Default.Rule(G1)!.FirstMatch(text));

    [Theory]
    [InlineData("r21-hostelmealfaith-081", RiskTier.High)]
    [InlineData("r22-chaletpregnancy-082", RiskTier.High)]
    [InlineData("r9-dentalaccept-069", RiskTier.High)]
    [InlineData("r27-colivingunion-081", RiskTier.High)]
    public void SetCases_AreInTier(string id, RiskTier tier)
    {
        var c = RiskEvaluation.All.Single(x => x.Id == id);
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), c.Text, c.Context, c.Batch);

        Assert.Equal(tier, assessment.Tier);
    }

    [Theory]
    [InlineData("The cleaning firms' contracts expire at the end of the year", RiskTier.Minimal)]
    [InlineData("The sorting machine rejects apples with bruises", RiskTier.Minimal)]
    [InlineData("The rostering tool publishes the staff rota every month", RiskTier.Minimal)]
    public void Guards_StayBelowHigh(string text, RiskTier tier) =>
        Assert.Equal(tier, RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null).Tier);
}
