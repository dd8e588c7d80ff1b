using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 24, lead. (1) From reading the shipped logs' top ten: 02_teleclaims' "determine likelihood of claim" decides whether a
/// caller's report goes forward as a claim at all; automated, that is a decision on the claim (GDPR Art. 22), yet it was
/// not read as an assessment (its verb is "determine", its object a likelihood) and stayed Limited at rank 9. Estimating how
/// likely an outcome is, is predicting it: the assessment acts now take "determine / estimate / calculate / work out the
/// likelihood, probability, chance or odds". In a claims process such a step inherits Art. 22 as "assess claim" does;
/// in a process of another kind, or as a step that only reports a likelihood, it gains nothing.
/// (2) The exclusions of GDPR Art. 22 and Annex III 5(b) (a company, a firm: not a natural person) read any mention of a
/// company, also the one that runs the system: "A housing company's system turns down rental applications on its own"
/// was Minimal (fresh-r24's first run). A company named as the owner of the system, the app or the platform is the
/// controller, not the one the decision is about; a company that is assessed ("the company's creditworthiness") still
/// excludes. (3) A call or message joined to its evaluation by a hyphen ("call-triage") is the calls triaged, as "call
/// triage" was: it was held back as a communication step.
/// </summary>
public sealed class RiskLeadRound24Tests
{
    private const string MotorClaims = "A motor insurer's claims desk: claims of policyholders are registered, assessed and paid or rejected";

    [Theory]
    [InlineData("determine likelihood of claim")]
    [InlineData("Estimate the probability that the claim is valid")]
    [InlineData("Work out the chance of a claim")]
    public void EstimatingTheLikelihoodOfAClaim_InAClaimsProcess_IsTheDecisionOnIt(string step)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, MotorClaims);

        Assert.Equal(RiskTier.High, assessment.Tier);
        var hit = Assert.Single(assessment.Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
        Assert.Equal(EvidenceScope.ProcessContext, hit.Evidence.Scope);
    }

    [Theory]
    [InlineData("Determine likelihood of rain", "A garden centre plans its outdoor watering for the week")]
    [InlineData("Estimate the probability of a late delivery", "A warehouse ships pallets of goods to retailers by lorry")]
    [InlineData("Determine the claim number", MotorClaims)]
    [InlineData("Send the claim form", MotorClaims)]
    public void OtherLikelihoodsAndClaimStepsThatEstimateNothing_StayBelowHigh(string step, string context)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, context);

        Assert.True(assessment.Tier < RiskTier.High, $"{step}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    [Theory]
    [InlineData("A housing company's system turns down tenants' rental applications on its own, and nobody checks the letters")]
    [InlineData("The insurance firm's app refuses a consumer's claim automatically without anyone reviewing it")]
    [InlineData("The lending company’s platform automatically rejects personal loan applications from individuals")]
    public void ACompanyThatRunsTheSystem_DoesNotExcludeTheDecisionOnAPerson(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(RiskTier.High, assessment.Tier);
    }

    [Theory]
    [InlineData("Automatically reject credit applications from companies")]
    [InlineData("Rate the company's creditworthiness and refuse the trade credit automatically")]
    public void ACompanyThatIsAssessed_StillExcludes(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(assessment.Tier < RiskTier.High, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    [Theory]
    [InlineData("call triage for cave rescue dispatch")]
    [InlineData("call-triage for cave-rescue dispatch")]
    public void ACallTriage_IsTheEmergencyTriage_HyphenOrNot(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "H4d-emergency-triage");
    }
}
