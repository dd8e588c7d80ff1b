using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Core.Tests.Ingestion.Ocel;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 24: the labelled cases' vote reads what a step is about from its nearest cases; the act must be the step's own.
/// A Prohibited or High vote does not count for a step whose act is the requester's or a receipt (a submission, a request,
/// "received", "uploaded", "logged"), and in a step name (fewer than four words) only where the name states the act of the
/// practice (the act elements of the voted rule or of a rule of the nearest cases, in words or by meaning; an act of
/// evaluating or deciding; the log's decision evidence). "Before" is the same screen with the check off
/// (<see cref="RiskScreen.VoteNeedsTheStepsAct"/> false), which reads every vote as ffbffdb did. Rows marked "set" are
/// evaluation cases, scored with their own batch left out of the vote; the others are written for this test.
/// </summary>
public sealed class RiskVoteActRound24Tests
{
    private const string Hiring = "Hiring of warehouse staff: candidates apply through the careers page, recruiters shortlist them and the manager interviews the best";

    private static RiskScreen Before() =>
        new(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value) { LabelledCases = LabelledCaseIndex.Shipped, LabelledCasesThroughRules = true, VoteNeedsTheStepsAct = false };

    /// <summary>Submissions, receipts and their status records: High by the vote before, not after.</summary>
    [Theory]
    // Round 39: "submit application" in the hiring process left this theory too: with fresh-r38 in the index the vote no
    // longer rates it High even without the act check (its "before" is Limited).
    // Round 25: "Application received" in the hiring process left this theory: with fresh-r25 in the index the vote no
    // longer rates it High even without the act check (its "before" is Limited), so it shows nothing here; the
    // rows below keep the class.
    [InlineData("Incoming emergency call logged", null, null)]
    [InlineData("Apply for a residence permit", null, null)]
    [InlineData("ER Registration", "hospital emergency department", "heldout-r3")] // set (expected Limited: registering is no triage)
    public void StepThatIsNotAnActOnAPerson_TakesNoHighVote(string step, string? context, string? batch)
    {
        var before = RiskEvaluation.Assess(Before(), step, context, batch);
        Assert.True(before.Tier == RiskTier.High && before.Hits.Any(h => h.Applied && h.Evidence.Scope == EvidenceScope.LabelledCases),
            $"before: {step}: {before.Tier} ({RiskEvaluation.HitsOf(before)})");

        var after = RiskEvaluation.Assess(RiskEvaluation.Screen(), step, context, batch);
        Assert.True(after.Tier <= RiskTier.Limited, $"{step}: {after.Tier} ({RiskEvaluation.HitsOf(after)})");
        Assert.DoesNotContain(after.Hits, h => h.Applied && h.Evidence.Scope == EvidenceScope.LabelledCases);
    }

    /// <summary>Steps and descriptions whose act is the practice keep the vote's tier (guards: the same on both).</summary>
    [Theory]
    [InlineData("Residence permit recommendation", null, "fresh-r14")] // set: recommends on a permit (Annex III 7)
    // Round 33: "Proctor_Flag" (online exam proctoring, Annex III 3) left this guard: its High was the vote's Annex III 5(d)
    // at 0.67, a wrong rule, which round 33's object reading holds back (no person in an emergency); Annex III 3 does not
    // fire on it, so it is now an under-rating counted in the figures (docs/ranking.md, Round 33, lead).
    [InlineData("The archive recognises visitors from a distance on the corridor cameras and looks them up among registered readers, without them presenting anything", null, "fresh-r19")] // set
    [InlineData("Rate how likely each arriving ferry passenger is to overstay their visa before they reach border control", null, "fresh-r9")] // set
    [InlineData("Residence permit recommendation", null, null)]
    public void StepWhoseActIsThePractice_KeepsTheVote(string step, string? context, string? batch)
    {
        var before = RiskEvaluation.Assess(Before(), step, context, batch);
        var after = RiskEvaluation.Assess(RiskEvaluation.Screen(), step, context, batch);
        Assert.True(after.Tier >= RiskTier.High, $"{step}: {after.Tier} ({RiskEvaluation.HitsOf(after)})");
        Assert.Equal(before.Tier, after.Tier);
    }

    /// <summary>Screening and deciding steps of a recruitment process stay High (by the rules; the vote is not needed).</summary>
    [Theory]
    [InlineData("Shortlist applicants for interview")]
    [InlineData("Reject the candidate after the interview")]
    public void RecruitmentDecisions_StayHigh(string step)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.Screen(), step, Hiring);
        Assert.True(after.Tier == RiskTier.High, $"{step}: {after.Tier} ({RiskEvaluation.HitsOf(after)})");
    }

    [Theory]
    [InlineData("submit application", true)]
    [InlineData("Application received", true)]
    [InlineData("Declaration SUBMITTED by EMPLOYEE", true)]
    [InlineData("CV uploaded by candidate", true)]
    [InlineData("Incoming emergency call logged", true)]
    [InlineData("Apply for a residence permit", true)]
    [InlineData("Hand in the signed contract", true)]
    [InlineData("Receive and assess the applications", false)]
    [InlineData("Application rejected", false)]
    [InlineData("Request For Payment APPROVED by BUDGET OWNER", false)]
    [InlineData("Screen applications", false)]
    [InlineData("Apply the sentencing guidelines to the case", false)]
    [InlineData("The archive recognises visitors on the corridor cameras", false)]
    public void SubmissionsReceiptsAndTheirStatus_AreRead(string name, bool expected) =>
        Assert.Equal(expected, TaskText.SubmissionOrReceipt(TaskText.Normalise(name)) is not null);

    /// <summary>
    /// The shipped recruiting log (recruiting-red): "submit application", the applicant's act, was High by the vote for
    /// Annex III 4(a) alone (nearest case a Bulgarian "handle application" step at 0.81); screening and the rejection stay High.
    /// </summary>
    [Fact]
    public async Task RecruitingLog_SubmitApplicationTakesNoVote_ScreeningStaysHigh()
    {
        var embedder = Classification.SharedEmbedder.Instance;
        var pipeline = new ScanPipeline(
            IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance, new ScoringOptions(),
            suitability: new SuitabilityScorer(SuitabilityModel.LoadShipped(embedder)), embedder: embedder);
        var report = await pipeline.RunAsync([ScanInput.FromFile(OcelLogs.Ocel("recruiting-red.jsonocel.gz"))], "t", TestContext.Current.CancellationToken);
        var applications = report.Opportunities.Where(o => o.Process == "recruiting-red/applications").ToList();

        var submit = Assert.Single(applications, o => o.Task == "submit application");
        Assert.True(submit.Risk.Tier <= RiskTier.Limited, $"submit application: {submit.Risk.Tier}");
        Assert.DoesNotContain(submit.Risk.Hits, h => h.Applied && h.Evidence.Scope == EvidenceScope.LabelledCases);
        foreach (var task in new[] { "first screening", "send rejection" })
        {
            Assert.Equal(RiskTier.High, Assert.Single(applications, o => o.Task == task).Risk.Tier);
        }
    }
}
