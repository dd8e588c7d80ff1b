using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 24: a learned linear signal over meaning (<see cref="LabelledLinearModel"/>), next to the nearest cases' vote.
/// Set cases are rated leave-one-batch-out (their batch neither votes nor trains the signal); each raise names the
/// signal, its probability and the rule, and goes through the vote's checks. Guards: near-misses stay as they were, and
/// a Prohibited practice on the person's choices is not read from the setting alone (its technique must be stated).
/// </summary>
public sealed class RiskLinearSignalRound24Tests
{
    private static RiskAssessment AssessCase(string id)
    {
        var c = RiskEvaluation.All.Single(c => c.Id == id);
        return RiskEvaluation.Assess(RiskEvaluation.LinearScreen(), c.Text, c.Context, c.Batch);
    }

    [Theory]
    // Round 25: r18-waterboardtrust-009 (Prohibited, P2) left this theory too: with fresh-r25 in the index the nearest
    // cases' vote gives it the same tier and rule, and the vote is kept where the two agree.
    [InlineData("r21-scubaslowgroup-040", RiskTier.High, "H3-education")]
    // Round 25: r12-ctxofertavuln-012 ("oferta_vulnerables", Prohibited, P4) left this theory: the rules now read it (the
    // offer step deploys the technique its description states, RiskStepActInContextRound25Tests; and it takes Art. 5(1)(b)
    // from its description, RiskProhibitedPracticeRound25Tests), so the signal, which only counts where it raises, no
    // longer gives its hit.
    public void TheLinearSignal_RaisesCasesNoRuleRead_LeaveOneBatchOut(string id, RiskTier tier, string rule)
    {
        var assessment = AssessCase(id);

        Assert.Equal(tier, assessment.Tier);
        var hit = Assert.Single(assessment.Hits, h => h.Applied && h.Evidence.Scope == EvidenceScope.LabelledCases);
        Assert.Equal(rule, hit.RuleId);
        Assert.StartsWith("learned linear signal: p=", hit.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(RiskEvaluation.All.Single(c => c.Id == id).Batch, hit.Evidence.Location ?? "", StringComparison.Ordinal);
    }

    /// <summary>
    /// The lead's guards at the merge (round 24): the signal gives High or Prohibited only (its Limited readings broke the
    /// protected-group property), never on a text that says the practice is not done or that no system acts (its
    /// r24 first measurement rated "no software scores, profiles or decides anything about anyone" High), and a bare
    /// name needs a labelled case of the rule at 0.5 or nearer.
    /// </summary>
    [Theory]
    // Round 27: the puppet theatre's box-office step now takes its description's Art. 50 finding (12d: a step that
    // converses takes the description's finding where a machine does it): Limited, its expected tier, not by the signal.
    [InlineData("r23-puppetboxoffice-090", RiskTier.Limited)]
    // Round 26: with fresh-r26 in the index the nearest labelled cases vote Limited (GDPR 9, its expected tier) for the
    // musicians' doctors' notes; the signal still gives it nothing.
    [InlineData("r18-musicianhearingnotes-098", RiskTier.Limited)]
    [InlineData("r24-paintballnone-112", RiskTier.Minimal)]
    public void TheLeadsGuards_KeepTheseAsTheScreenRatesThem(string id, RiskTier tier)
    {
        var assessment = AssessCase(id);

        Assert.Equal(tier, assessment.Tier);
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.Note?.StartsWith("learned linear signal", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("r12-campfees-095", RiskTier.Prohibited)]
    [InlineData("r11-reoffendingrisk-053", RiskTier.Prohibited)]
    public void APracticeOnThePersonsChoices_IsNotReadFromTheSettingAlone(string id, RiskTier notTier)
    {
        var assessment = AssessCase(id);

        Assert.True(assessment.Tier < notTier, $"{id}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    [Theory]
    [InlineData("Weekly count of sauna visitors per hour to set opening times")]
    [InlineData("Average exam results per school, published by region")]
    [InlineData("Predict which bridges in the county are likely to fail their next inspection")]
    [InlineData("Save the ice-cream parlour's weekly supplier delivery notes as PDF in the shared folder")]
    public void NearMisses_StayMinimal(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.LinearScreen(), text, null);

        Assert.Equal(RiskTier.Minimal, assessment.Tier);
    }

    // Round 45: the ring-road case this test first used is now read by the rules (its description's "Ring-road ..." is
    // no phone call any more, RiskRound45Tests); a case no rule reads stands in for it. Round 46: that furniture-credit
    // case is read by the rules now too (RiskRound46Tests); the decent-tenant mark, which no rule reads, stands in.
    [Fact]
    public void WithoutTheSignal_TheScreenIsAsBefore()
    {
        var screen = new RiskScreen(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value) { LabelledCases = LabelledCaseIndex.Shipped, LabelledCasesThroughRules = true };
        var c = RiskEvaluation.All.Single(c => c.Id == "r33-ospreyflat-010");

        Assert.Equal(RiskTier.Minimal, RiskEvaluation.Assess(screen, c.Text, c.Context, c.Batch).Tier);
    }
}
