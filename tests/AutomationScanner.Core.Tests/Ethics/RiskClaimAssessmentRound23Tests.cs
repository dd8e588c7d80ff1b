using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 23, lead, from reading the shipped logs' top ten as the client's consultant: in a claims process the step that
/// assesses a claim settles whether and how much it pays. Automated, it is the decision on the claim: solely automated,
/// with a significant effect on the policyholder (GDPR Art. 22; WP251rev.01: a person who only applies the result is no
/// meaningful human involvement). Before, the insurance domain gave Art. 22 to decision steps only, and 02_teleclaims'
/// "assess claim" ranked fifth as recommended at Limited. Steps that register, advise or close a claim, and assessments
/// in processes of other kinds, are not decisions on a claim and stay below High.
/// </summary>
public sealed class RiskClaimAssessmentRound23Tests
{
    private const string MotorClaims = "A motor insurer's claims desk: claims of policyholders are registered, assessed and paid or rejected";
    private const string TravelClaims = "Travel insurance: a traveller's claim for lost luggage is checked for documents, evaluated and settled";

    [Theory]
    [InlineData("assess claim", MotorClaims)]
    [InlineData("Evaluate the claim", TravelClaims)]
    [InlineData("CLM_ASSESS", MotorClaims)]
    public void AnAssessmentOfAClaim_InAClaimsProcess_IsTheDecisionOnTheClaim(string step, string context)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, context);

        Assert.Equal(RiskTier.High, assessment.Tier);
        var hit = Assert.Single(assessment.Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
        Assert.Equal(EvidenceScope.ProcessContext, hit.Evidence.Scope);
        Assert.Contains("an assessment step", hit.Evidence.Excerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("register claim", MotorClaims)]
    [InlineData("advise claimant on reimbursement", MotorClaims)]
    [InlineData("close claim", MotorClaims)]
    [InlineData("Print the claim form", TravelClaims)]
    [InlineData("Assess defect", "A repair shop takes in broken phones, assesses the defect, repairs and tests them")]
    [InlineData("Assess the stock level", "A warehouse counts pallets of goods and reorders from suppliers")]
    public void StepsThatDoNotAssessAClaim_StayBelowHigh(string step, string context)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, context);

        Assert.True(assessment.Tier < RiskTier.High, $"{step}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.DoesNotContain(assessment.Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
    }
}
