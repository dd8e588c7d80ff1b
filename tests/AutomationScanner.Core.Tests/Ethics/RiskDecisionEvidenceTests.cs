using System.Globalization;
using System.Text;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// A step inherits its domain's decision rules in proportion to the log's evidence that it takes the decision: the
/// approval or refusal recorded while the step is in progress (or right after it), weighed by the share of the step's
/// cases. Real log (BPIC 2012) and generated logs with a benign counterpart.
/// </summary>
public sealed class RiskDecisionEvidenceTests
{
    private static readonly Lazy<MinedProcess> Loans = new(() => TestFiles.MineFile(TestFiles.EventLog("bpic2012.xes.gz")));

    /// <summary>Every task of the log screened as the pipeline does: kinds from the log, domain inferred from the log (patterns only).</summary>
    private static (ProcessDomainProfile Profile, Dictionary<string, RiskAssessment> Tasks) ScreenTasks(MinedProcess mined)
    {
        var profile = new DomainInference(RuleCatalogue.Default).Infer(
            new ProcessFacts(mined.Summary.Process, [.. mined.Activities.Select(a => a.Activity)], [.. mined.Summary.Attributes]));
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
        return (profile, candidates.Where(c => c.Kind.IsTask()).ToDictionary(c => c.Name, c => screen.Assess(c, context)));
    }

    /// <summary>
    /// BPIC 2012: the approval (A_APPROVED) is recorded while `W_Valideren aanvraag` is in progress in most of its cases,
    /// so validating the application is the credit decision (Annex III 5(b) and Art. 22, High), though the step completes
    /// after the outcome and no outcome directly follows it. `W_Afhandelen leads` records a refusal in under half of its
    /// cases: its decision rules are recorded with the share, not applied (Limited).
    /// </summary>
    [Fact]
    public void Bpic2012_ValidationTakesTheCreditDecision_LeadHandlingDecidesOnlySomeCases()
    {
        var (profile, tasks) = ScreenTasks(Loans.Value);

        Assert.Equal("lending", profile.Domain);
        var validation = tasks["W_Valideren aanvraag"];
        Assert.Equal(RiskTier.High, validation.Tier);
        foreach (var rule in new[] { "H4b-creditworthiness", "G1-solely-automated-decision" })
        {
            var hit = Assert.Single(validation.Hits, h => h.RuleId == rule && h.Applied);
            Assert.Contains("'A_APPROVED' recorded while it was in progress", hit.Evidence.Excerpt, StringComparison.Ordinal);
        }

        var leads = tasks["W_Afhandelen leads"];
        Assert.True(leads.Tier < RiskTier.High, $"W_Afhandelen leads: {leads.Tier}");
        var recorded = Assert.Single(leads.Hits, h => h.RuleId == "G1-solely-automated-decision");
        Assert.False(recorded.Applied);
        Assert.Contains("A_DECLINED", recorded.Evidence.Excerpt, StringComparison.Ordinal);
        Assert.Contains("fewer than half", recorded.Note, StringComparison.Ordinal);

        // The fraud assessment refuses in most of its cases: Art. 22, never 5(b) (fraud detection is excluded).
        Assert.Contains(tasks["W_Beoordelen fraude"].Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
        Assert.DoesNotContain(tasks["W_Beoordelen fraude"].Hits, h => h.RuleId == "H4b-creditworthiness" && h.Applied);

        // The customer's answers to offers (O_ group, which also records O_SENT) are not the bank's decisions.
        Assert.Empty(Loans.Value.Activity("O_DECLINED").DecidedBy);
        Assert.Empty(Loans.Value.Activity("O_ACCEPTED").DecidedBy);
    }

    /// <summary>
    /// A generated consumer-loan log with work items (start and complete): "Review file" records the approval or the
    /// refusal while in progress in every case it handles, "Call applicant" records a refusal in 20 % of its cases. Only
    /// the first is the decision. Without the in-progress evidence neither is, since the outcome never directly follows
    /// either step's completion.
    /// </summary>
    [Fact]
    public void GeneratedLoanLog_StepInProgressWhenTheOutcomeIsRecorded_IsTheDecision_InProportion()
    {
        var mined = TestFiles.MineText("consumer-loans.xes", GeneratedLog(
            "Register application", "Call applicant", "Review file", "Application approved", "Application declined", "RequestedAmount"));
        var (profile, tasks) = ScreenTasks(mined);

        Assert.Equal("lending", profile.Domain);
        var review = tasks["Review file"];
        Assert.Equal(RiskTier.High, review.Tier);
        var decision = Assert.Single(review.Hits, h => h.RuleId == "H4b-creditworthiness" && h.Applied);
        Assert.Contains("in 100 % of its cases", decision.Evidence.Excerpt, StringComparison.Ordinal);
        Assert.Contains(review.Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);

        var call = tasks["Call applicant"];
        Assert.True(call.Tier == RiskTier.Limited, Describe(call));
        var partial = Assert.Single(call.Hits, h => h.RuleId == "G1-solely-automated-decision");
        Assert.False(partial.Applied);
        Assert.Contains("(20 %)", partial.Evidence.Excerpt, StringComparison.Ordinal);
        Assert.True(tasks["Register application"].Tier == RiskTier.Limited, Describe(tasks["Register application"]));
    }

    /// <summary>
    /// The same mechanism in a benign process: an IT service desk whose change review records "Change approved" or
    /// "Change rejected" while in progress. The step is a decision of its process, but the domain passes on no rule
    /// about persons, so nothing rises to High.
    /// </summary>
    [Fact]
    public void GeneratedServiceDeskLog_ChangeReviewDecides_ButNoPersonRuleIsInherited()
    {
        var mined = TestFiles.MineText("it-changes.xes", GeneratedLog(
            "Register service desk ticket", "Call requester", "Review change", "Change approved", "Change rejected", "SupportGroup"));
        var (profile, tasks) = ScreenTasks(mined);

        Assert.NotEqual("lending", profile.Domain);
        Assert.Contains("Review change", mined.Activity("Change approved").DecidedBy);
        Assert.All(tasks, t => Assert.True(t.Value.Tier < RiskTier.High, $"{t.Key}: {t.Value.Tier}"));
        Assert.DoesNotContain(tasks.Values.SelectMany(t => t.Hits), h => h.Applied && h.RuleId is "H4b-creditworthiness" or "G1-solely-automated-decision");
    }

    /// <summary>An offer the organisation sends is answered by its recipient: "Offer declined" marks no step of the organisation as deciding.</summary>
    [Fact]
    public void GeneratedLog_OfferDeclinedByItsRecipient_IsNotTheOrganisationsDecision()
    {
        var mined = TestFiles.MineText("loan-offers.xes", GeneratedLog(
            "Register application", "Call applicant", "Send loan offer", "Offer accepted", "Offer declined", "RequestedAmount"));

        Assert.Empty(mined.Activity("Offer declined").DecidedBy);
        Assert.Empty(mined.Activity("Offer accepted").DecidedBy);
        var (_, tasks) = ScreenTasks(mined);
        Assert.True(tasks["Send loan offer"].Tier < RiskTier.High, $"Send loan offer: {tasks["Send loan offer"].Tier}");
    }

    private static string Describe(RiskAssessment assessment) =>
        assessment.Tier + ": " + string.Join("; ", assessment.Hits.Select(h => $"{h.RuleId} applied={h.Applied} {h.Evidence.Excerpt}"));

    /// <summary>
    /// 300 cases: a submission state, a registration work item, a call (work item) that ends the case with a refusal
    /// recorded while it is in progress in one case in five, otherwise a review (work item) during which the approval
    /// (7 in 10) or the refusal is recorded. Six clerks; the outcome states have no start events.
    /// </summary>
    private static string GeneratedLog(string register, string call, string review, string approved, string declined, string caseAttribute)
    {
        var xes = new StringBuilder("<log xmlns=\"http://www.xes-standard.org/\">");
        var start = new DateTime(2024, 1, 8, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 300; i++)
        {
            var t = start.AddDays(i / 6 + (i / 30) * 2).AddHours(i % 6);
            var clerk = "clerk" + (i % 6 + 1).ToString(CultureInfo.InvariantCulture);
            xes.Append(CultureInfo.InvariantCulture, $"<trace><string key=\"concept:name\" value=\"c{i}\"/><string key=\"{caseAttribute}\" value=\"v{i % 7}\"/>");
            Event(xes, "Submitted", "complete", t, "system");
            Event(xes, register, "start", t.AddMinutes(10), clerk);
            Event(xes, register, "complete", t.AddMinutes(18 + i % 5), clerk);
            Event(xes, call, "start", t.AddMinutes(30), clerk);
            if (i % 5 == 0)
            {
                Event(xes, declined, "complete", t.AddMinutes(35), clerk);
                Event(xes, call, "complete", t.AddMinutes(38), clerk);
            }
            else
            {
                Event(xes, call, "complete", t.AddMinutes(36 + i % 4), clerk);
                Event(xes, review, "start", t.AddMinutes(60), clerk);
                Event(xes, i % 10 < 7 ? approved : declined, "complete", t.AddMinutes(70 + i % 3), clerk);
                Event(xes, review, "complete", t.AddMinutes(80 + i % 7), clerk);
            }

            xes.Append("</trace>");
        }

        return xes.Append("</log>").ToString();
    }

    private static void Event(StringBuilder xes, string activity, string lifecycle, DateTime time, string resource) =>
        xes.Append(CultureInfo.InvariantCulture,
            $"<event><string key=\"concept:name\" value=\"{activity}\"/><string key=\"lifecycle:transition\" value=\"{lifecycle}\"/><string key=\"org:resource\" value=\"{resource}\"/><date key=\"time:timestamp\" value=\"{time:yyyy-MM-ddTHH:mm:ss}Z\"/></event>");
}
