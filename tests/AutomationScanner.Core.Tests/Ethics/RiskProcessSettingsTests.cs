using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 8: steps that evaluate (score, rank, screen, classify, prioritise) inherit their process's Annex III rules as
/// decisions do, and settings found beside a domain (recruitment in any sector, an emergency line, employees' travel
/// and expenses) pass on their rules and exclusions. Names and processes here are not those of the evaluation set.
/// </summary>
public sealed class RiskProcessSettingsTests
{
    [Theory]
    [InlineData("Grade file", "car loans for private buyers at a dealership bank", "H4b-creditworthiness")]
    [InlineData("Rank household", "unemployment benefit agency handling jobseekers' allowances", "H4a-public-benefits")]
    [InlineData("Prioritise intake", "hiring of bus drivers for a city transport company", "H1-recruitment")]
    [InlineData("Classify incoming report", "fire brigade control room", "H4d-emergency-triage")]
    public void AssessmentStep_InheritsItsProcesssAnnexIIIRule(string text, string context, string rule)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context);

        Assert.Equal(RiskTier.High, assessment.Tier);
        var hit = Assert.Single(assessment.Hits, h => h.RuleId == rule && h.Applied);
        Assert.Equal(EvidenceScope.ProcessContext, hit.Evidence.Scope);
    }

    [Theory]
    [InlineData("Rank household", "ranking of furniture suppliers for the new office")]
    [InlineData("Prioritise intake", "intake of donated goods at a charity warehouse")]
    [InlineData("Classify incoming report", "IT service desk handling emergency changes to servers")]
    public void SameStep_InABenignProcess_InheritsNoAnnexIIIRule(string text, string context)
    {
        // "Grade file" has no benign counterpart here: its text alone reads as education by meaning in any process.
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context);

        Assert.True(assessment.Tier < RiskTier.High, $"{text} in {context}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    [Theory]
    [InlineData("Record the applicant's score", "car loans for private buyers at a dealership bank")]
    [InlineData("Send the ranking to the household", "unemployment benefit agency handling jobseekers' allowances")]
    public void RecordKeepingOrCommunication_OfAnAssessment_IsNoAssessmentStep(string text, string context)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context);

        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.Kind == RuleKind.HighRisk && h.Evidence.Scope == EvidenceScope.ProcessContext);
    }

    [Fact]
    public void Settings_AreFoundBesideTheDomain_WithTheirOwnEvidence()
    {
        var inference = new DomainInference(RuleCatalogue.Default);

        var hospitalHiring = inference.Infer(new ProcessFacts("nurse hiring", ["Screen CV", "Invite candidate", "Treat patient records confidentially"], ["vacancy", "ward"]));
        var claims = inference.Infer(new ProcessFacts("claims", ["Register claim", "Assess damage", "Pay claim"], ["policyholder"]));

        Assert.Contains(hospitalHiring.Settings, s => s.Domain == "recruitment" && s.Evidence.Count >= 2);
        Assert.Empty(claims.Settings);
        Assert.NotEqual("recruitment", hospitalHiring.Domain);
    }

    /// <summary>
    /// BPIC 2020: an employer approving its employees' travel permits is internal administration, not a decision with a
    /// legal or similarly significant effect (GDPR Art. 22, EDPB WP251rev.01); the same approval verbs and "permit" in a
    /// public authority's process keep Art. 22.
    /// </summary>
    [Fact]
    public void Bpic2020_TravelPermitApprovals_AreNotArt22_AnAuthoritysPermitDecisionIs()
    {
        var mined = TestFiles.MineFile(TestFiles.EventLog("15_bpic2020_permit_log_1t_per_variant.xes.gz"));
        var profile = new DomainInference(RuleCatalogue.Default).Infer(new ProcessFacts(mined.Summary.Process, [.. mined.Activities.Select(a => a.Activity)], [.. mined.Summary.Attributes]));
        var candidates = mined.Activities.Select(a => new TaskCandidate(a.Activity, mined.Summary.Process) { Statistics = a }).ToList();
        var context = new RiskContext(Builders.Workload(candidates), new ResourcePseudonymizer("t"))
        {
            Domains = new Dictionary<string, ProcessDomainProfile> { [mined.Summary.Process] = profile },
        };

        var approval = new RiskScreen().Assess(candidates.Single(c => c.Name == "Permit APPROVED by SUPERVISOR"), context);
        var authority = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Refuse the building permit", "municipal building permits for citizens");

        Assert.Equal("employment", profile.Domain);
        Assert.Contains(profile.Settings, s => s.Domain == "travel-and-expenses");
        Assert.Equal(RiskTier.Limited, approval.Tier);
        Assert.Contains(approval.Hits, h => h.RuleId == "G1-solely-automated-decision" && !h.Applied && h.Note!.Contains("WP251", StringComparison.Ordinal));
        Assert.Equal(RiskTier.High, authority.Tier);
        Assert.Contains(authority.Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
    }

    [Fact]
    public void TravelSetting_OutsideAnEmployer_DoesNotLiftArt22()
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Refuse the travel allowance claim", "public unemployment benefits: travel allowances for jobseekers");

        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.DoesNotContain(assessment.Hits, h => h.RuleId == "G1-solely-automated-decision" && !h.Applied);
    }
}
