using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 24: a solely automated decision with legal or similarly significant effect (GDPR Art. 22(1), with special-category
/// data Art. 22(4)) stated by its effect in everyday words. EDPB WP251rev.01 names the effects (refused access to health
/// services, education or a service, cancellation of a contract, withdrawal of a permit or licence, an award or refusal of
/// a benefit) and what makes a decision solely automated: no meaningful human involvement, and Recital 71's "automatic
/// refusal". The G1 elements now read an automatic refusal, withdrawal, cancellation or exclusion in one clause, the
/// system acting on its own or by itself, nobody reading or opening the case, a person who only sees totals or signs off
/// the whole list; the act of turning away, excluding or taking off a roll; and the effects of WP251 (a lease, a course, a
/// booking, a fee, a bursary, a registration). A process description that states such a decision without meaningful
/// human involvement gives its Art. 22 finding to every step of the organisation in it, whatever the step's name. The
/// person's own withdrawal or cancellation, or one at their request, is no decision about them. Each High row was rated
/// lower on ffbffdb (the set cases are in data/risk-evaluation; the rows in other words were written for this test); the
/// rules are run without the labelled cases, so the rules' own reading is what is tested.
/// </summary>
public sealed class RiskDecisionByEffectRound24Tests
{
    [Theory]
    // fresh-r23 and fresh-r22 (Art. 22(4): a refusal on health data, stated by its effect).
    [InlineData("The acupuncture clinic's online diary turns away appointment requests automatically from anyone whose intake form mentions pregnancy or HIV")]
    [InlineData("The sauna's sign-up app turns away people whose health questionnaire shows a heart condition, automatically")]
    // Written for this round.
    [InlineData("The gym's booking app turns away class bookings automatically from members whose health form mentions diabetes")]
    [InlineData("The dental practice's booking software turns away new patients automatically when their questionnaire mentions hepatitis")]
    [InlineData("The driving school's booking system cancels a learner's remaining lessons on its own when an instalment is a week late; nobody at the school opens the file")]
    public void ADecisionStatedByItsEffect_IsHigh(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(RiskTier.High, after.Tier);
        Assert.Contains(after.Hits, h => h.Applied && h.Kind == RuleKind.Gdpr22);
    }

    [Theory]
    // fresh-r23: generic step names in processes whose description states the decision is taken without a person.
    [InlineData("Push status change", "Busking permits: the city portal checks every street musician's paperwork and withdraws the permit on its own if any document is late; staff only see a monthly total")]
    [InlineData("Batch done", "Tennis club youth bursary: each application gets a score and the software itself sends award or refusal letters; nobody at the club reads them")]
    // Written for this round.
    [InlineData("Update record", "Allotment society: the society's portal ends a member's plot lease by itself when the yearly fee is a month late; the committee only sees a yearly total")]
    [InlineData("Mark done", "Music school: the enrolment software excludes a pupil from next term's lessons on its own when a fee is overdue; no teacher reads the cases")]
    public void AStepOfAProcessDescribedAsDecidingWithoutAPerson_TakesArt22(string step, string description)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, description);

        Assert.Equal(RiskTier.High, after.Tier);
        var hit = Assert.Single(after.Hits, h => h.Applied && h.Kind == RuleKind.Gdpr22);
        Assert.Equal(EvidenceScope.ProcessContext, hit.Evidence.Scope);
    }

    [Theory]
    // Automatic reminders, sorting and acknowledgements decide nothing about a person.
    [InlineData("Send automatic reminders to members whose fee is late", null)]
    [InlineData("Sort incoming appointment requests automatically by clinic", null)]
    [InlineData("Send an automatic acknowledgement of each booking request", null)]
    // A firm, an object, the person's own withdrawal or cancellation.
    [InlineData("Automatically reject invoices from suppliers whose bank details do not match", null)]
    [InlineData("Terminate idle virtual machines automatically", null)]
    [InlineData("The portal withdraws a booking request on its own when the guest cancels it in the app", null)]
    // Rated High on ffbffdb (G1 by meaning, 0.60): the withdrawal is the applicant's own act, not a decision about them.
    [InlineData("Withdraw the application automatically when the applicant asks to withdraw it online", null)]
    // A process whose description has a person decide, and one whose system acts on its own on a thing.
    [InlineData("Update record", "Allotment society: members apply for plots online; the committee reads every application and decides at its monthly meeting")]
    [InlineData("Push status change", "Parcel lockers: the system marks a locker as free on its own when the parcel is collected; nobody reads the logs")]
    public void NoDecisionAboutAPersonWithoutAHuman_StaysBelowHigh(string text, string? context)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, context);

        Assert.True(after.Tier < RiskTier.High, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
