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

        // Every step the log shows deciding A_DECLINED carries Art. 22 with that evidence; it is applied (High) where the
        // step decides most of its cases, recorded with the share where it decides fewer (RiskDecisionEvidenceTests).
        var deciders = mined.Activity("A_DECLINED").DecidedBy;
        Assert.NotEmpty(deciders);
        Assert.All(deciders, d =>
        {
            var g1 = Assert.Single(tasks[d].Hits, h => h.RuleId == "G1-solely-automated-decision");
            Assert.Contains("A_DECLINED", g1.Evidence.Excerpt, StringComparison.Ordinal);
            Assert.Equal(g1.Applied, tasks[d].Tier == RiskTier.High);
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

    /// <summary>
    /// One word repeated is one piece of evidence: the recruiting log's offers ("make job offer", "job offer declined",
    /// process "offers") were a lending process on the word "offer" alone and inherited Annex III 5(b). A domain carried
    /// only by weak cues (weight 1) needs two different cue words; BPIC 2012 (aanvraag, offertes, dossiers, amount requested...) stays lending.
    /// </summary>
    [Fact]
    public void Infer_OneCueWordRepeated_IsNotEnoughForADomain_JobOffersAreNotLending()
    {
        var inference = new DomainInference(RuleCatalogue.Default);

        var offers = inference.Infer(new ProcessFacts("recruiting-red/offers", ["make job offer", "offer accepted and hired", "job offer declined"], []));
        var onlyOffers = inference.Infer(new ProcessFacts("quotes/offers", ["create offer", "send offer", "offer accepted", "offer declined"], []));

        Assert.Equal("employment", offers.Domain);
        Assert.Null(onlyOffers.Domain);
        Assert.Contains("one weak cue word only", onlyOffers.RunnerUp, StringComparison.Ordinal);
        Assert.Equal("lending", inference.Infer(Facts(Loans.Value)).Domain);
        Assert.Equal("lending", inference.Infer(Facts(Loans.Value, a => !a.Contains("AMOUNT", StringComparison.OrdinalIgnoreCase))).Domain);
    }

    /// <summary>
    /// Annex III 4(b) covers evaluating workers' performance and behaviour. "conduct interview" only carries out an
    /// interview (recruitment, 4(a)); the employment domain's evaluation pattern must not read its leading verb as
    /// "conduct" (behaviour). The same word as the object, or a noun such as performance, still counts.
    /// </summary>
    [Fact]
    public void Employment_LeadingVerbConduct_IsNotBehaviourEvaluation_ConductAsObjectIs()
    {
        var profile = new ProcessDomainProfile("recruiting", "employment", "Employment and HR", 10, 0, ["activity 'assign vacancy': vacancy"], null);
        var candidates = new[] { "conduct interview", "perform background check", "Review conduct of warehouse staff", "Performance review", "perform appraisal" }
            .Select(n => new TaskCandidate(n, "recruiting")).ToList();
        var context = new RiskContext(Builders.Workload(candidates), new ResourcePseudonymizer("t"))
        {
            Domains = new Dictionary<string, ProcessDomainProfile> { ["recruiting"] = profile },
        };
        var screen = new RiskScreen();
        bool Inherits(string name) => screen.Assess(candidates.Single(c => c.Name == name), context).Hits
            .Any(h => h.RuleId == "H2c-performance-monitoring" && h.Evidence.Scope == EvidenceScope.ProcessContext);

        Assert.False(Inherits("conduct interview"));
        Assert.False(Inherits("perform background check"));
        Assert.True(Inherits("Review conduct of warehouse staff"));
        Assert.True(Inherits("Performance review"));
        Assert.True(Inherits("perform appraisal"));
    }

    [Fact]
    public void Infer_OneColumnName_IsNotEnoughForADomain()
    {
        var inference = new DomainInference(RuleCatalogue.Default);

        var result = inference.Infer(new ProcessFacts("export", ["Create order", "Ship order", "Close order"], ["case:concept:name", "Diagnose"]));

        Assert.Null(result.Domain);
    }
}
