using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>Process domains inferred from the shipped real logs, and the rules their steps inherit.</summary>
public sealed class RiskDomainTests
{
    private static readonly Lazy<MinedProcess> Sepsis = new(() => TestFiles.MineFile(TestFiles.EventLog("sepsis.csv.gz")));
    private static readonly Lazy<MinedProcess> Loans = new(() => TestFiles.MineFile(TestFiles.EventLog("bpic2012.xes.gz")));
    private static readonly Lazy<MinedProcess> Fines = new(() => TestFiles.MineFile(TestFiles.EventLog("12_roadtraffic_1t_per_variant.xes.gz")));
    private static readonly Lazy<MinedProcess> Expenses = new(() => TestFiles.MineFile(TestFiles.EventLog("DomesticDeclarations.xes.gz")));
    private static readonly Lazy<MinedProcess> Incidents = new(() => TestFiles.MineFile(TestFiles.EventLog("07_bpic2013_incidents.xes.gz")));

    private static ProcessFacts Facts(MinedProcess mined, Func<string, bool>? keepAttribute = null) =>
        new(mined.Summary.Process, [.. mined.Activities.Select(a => a.Activity)], [.. mined.Summary.Attributes.Where(keepAttribute ?? (_ => true))]);

    /// <summary>Every activity of the log screened with its inferred domain (patterns only, no embedder: the domain alone carries these findings).</summary>
    private static Dictionary<string, RiskAssessment> Screen(MinedProcess mined, ProcessDomainProfile profile)
    {
        var candidates = mined.Activities.Select(a => new TaskCandidate(a.Activity, mined.Summary.Process) { Statistics = a }).ToList();
        var context = new RiskContext(Builders.Workload(candidates), new ResourcePseudonymizer("t"))
        {
            Domains = new Dictionary<string, ProcessDomainProfile> { [mined.Summary.Process] = profile },
        };
        var screen = new RiskScreen();
        return candidates.ToDictionary(c => c.Name, c => screen.Assess(c, context));
    }

    [Fact]
    public void Sepsis_WithAndWithoutDiagnoseColumn_Healthcare()
    {
        var inference = new DomainInference(RuleCatalogue.Default);

        var with = inference.Infer(Facts(Sepsis.Value));
        var without = inference.Infer(Facts(Sepsis.Value, a => !a.Contains("Diagnose", StringComparison.OrdinalIgnoreCase)));

        Assert.Equal("healthcare", with.Domain);
        Assert.Equal("healthcare", without.Domain);
        Assert.Contains(without.Evidence, e => e.StartsWith("activity 'ER Triage'", StringComparison.Ordinal));
    }

    [Fact]
    public void Sepsis_WithoutDiagnoseColumn_TriageIsAnnexIII5dAndEveryStepArt9()
    {
        var inference = new DomainInference(RuleCatalogue.Default);
        var profile = inference.Infer(Facts(Sepsis.Value, a => !a.Contains("Diagnose", StringComparison.OrdinalIgnoreCase)));

        var results = Screen(Sepsis.Value, profile);

        var triage = results["ER Triage"];
        Assert.Equal(RiskTier.High, triage.Tier);
        var hit = Assert.Single(triage.Hits, h => h.RuleId == "H4d-emergency-triage");
        Assert.Equal(EvidenceScope.ProcessContext, hit.Evidence.Scope);
        Assert.All(results.Values, r => Assert.Contains(r.Hits, h => h.RuleId == "G3-special-category-data" && h.Applied));
        Assert.All(results.Values, r => Assert.True(r.Tier >= RiskTier.Limited));
        Assert.Equal(RiskTier.Limited, results["CRP"].Tier);
    }

    [Fact]
    public void Bpic2012_Lending_DeclineIsAnnexIII5bAndArt22_FraudAssessmentNotMinimal()
    {
        var profile = new DomainInference(RuleCatalogue.Default).Infer(Facts(Loans.Value));

        var results = Screen(Loans.Value, profile);

        Assert.Equal("lending", profile.Domain);
        var declined = results["A_DECLINED"];
        Assert.Equal(RiskTier.High, declined.Tier);
        Assert.Contains(declined.Hits, h => h.RuleId == "H4b-creditworthiness" && h.Applied);
        Assert.Contains(declined.Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
        Assert.Contains(declined.Hits, h => h.RuleId == "W1-worker-information");
        Assert.Equal(RiskTier.Limited, results["W_Beoordelen fraude"].Tier);
        Assert.Equal(RiskTier.Limited, results["W_Completeren aanvraag"].Tier);
    }

    /// <summary>
    /// The pipeline's view of BPIC 2012: activity kinds from the log's evidence, only work and decisions screened. The
    /// offer outcomes O_ACCEPTED / O_DECLINED (the customer's answer to an offer) are not the bank's work and mark no
    /// step of the bank as deciding them; the steps the log shows deciding A_DECLINED (the bank's refusal) inherit the
    /// lending rules, except Annex III 5(b) for the fraud assessment (5(b) excludes fraud detection).
    /// </summary>
    [Fact]
    public void Bpic2012_KindsFromTheLog_OfferAnswersAreNotTheBanksDecisions_StepsDecidingADeclineAreHigh()
    {
        var mined = Loans.Value;
        var profile = new DomainInference(RuleCatalogue.Default).Infer(Facts(mined));
        var candidates = mined.Activities.Select(a => new TaskCandidate(a.Activity, mined.Summary.Process)
        {
            Statistics = a,
            Kind = a.Kind,
            KindEvidence = a.KindEvidence,
        }).ToList();
        var context = new RiskContext(Builders.Workload(candidates), new ResourcePseudonymizer("t"))
        {
            Domains = new Dictionary<string, ProcessDomainProfile> { [mined.Summary.Process] = profile },
        };
        var screen = new RiskScreen();
        var tasks = candidates.Where(c => c.Kind.IsTask()).ToDictionary(c => c.Name, c => screen.Assess(c, context));

        foreach (var offerAnswer in new[] { "O_ACCEPTED", "O_DECLINED" })
        {
            var activity = mined.Activity(offerAnswer);
            Assert.False(activity.Kind.IsTask(), $"{offerAnswer} is {activity.Kind}");
            Assert.Empty(activity.DecidedBy);
        }

        var deciders = mined.Activity("A_DECLINED").DecidedBy;
        Assert.NotEmpty(deciders);
        Assert.All(deciders, d =>
        {
            Assert.Equal(RiskTier.High, tasks[d].Tier);
            var g1 = Assert.Single(tasks[d].Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
            Assert.Contains("A_DECLINED", g1.Evidence.Excerpt, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(tasks["W_Beoordelen fraude"].Hits, h => h.RuleId == "H4b-creditworthiness" && h.Applied);

        // Steps no outcome follows stay below High: the domain alone does not make a step a decision.
        Assert.All(tasks.Where(t => !deciders.Contains(t.Key)), t => Assert.True(t.Value.Tier < RiskTier.High, $"{t.Key}: {t.Value.Tier}"));
    }

    [Fact]
    public void RoadTraffic_PublicAuthority_PenaltyIsArt22WithoutWorkerInformation()
    {
        var profile = new DomainInference(RuleCatalogue.Default).Infer(Facts(Fines.Value));

        var results = Screen(Fines.Value, profile);

        Assert.Equal("public-authority", profile.Domain);
        foreach (var name in new[] { "Add penalty", "Create Fine", "Send for Credit Collection" })
        {
            Assert.Equal(RiskTier.High, results[name].Tier);
            Assert.Contains(results[name].Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
            Assert.DoesNotContain(results[name].Hits, h => h.RuleId == "W1-worker-information");
        }

        Assert.Equal(RiskTier.Limited, results["Send Fine"].Tier);
    }

    [Fact]
    public void DomesticDeclarations_Employment_IncidentLog_CustomerService()
    {
        var inference = new DomainInference(RuleCatalogue.Default);

        Assert.Equal("employment", inference.Infer(Facts(Expenses.Value)).Domain);
        Assert.Equal("customer-service", inference.Infer(Facts(Incidents.Value)).Domain);
    }

    [Fact]
    public void Infer_OneColumnName_IsNotEnoughForADomain()
    {
        var inference = new DomainInference(RuleCatalogue.Default);

        var result = inference.Infer(new ProcessFacts("export", ["Create order", "Ship order", "Close order"], ["case:concept:name", "Diagnose"]));

        Assert.Null(result.Domain);
    }
}
