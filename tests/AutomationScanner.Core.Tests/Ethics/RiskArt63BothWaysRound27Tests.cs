using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 27: AI Act Art. 6(3) read both ways. (1) An Annex III use whose text states a lifting condition in words the act
/// reading missed (a setting or a clause before the act: "At the benefits desk, a tool gathers ..."; the system as a
/// possessed subject or run by a person "to" do the act; recital 53's "structured data" as extracting data; a passive
/// procedural act; deviations that "stray" from what a person "normally" does; a reviewer introduced by ", who reviews" or
/// "can take a second look"; a later clause in which a person, not the system, assesses) is lifted to Limited. (2) A task
/// that prepares an assessment left to a person named after its act ("before the caseworker assesses them", "the
/// recruiters still read every one": Art. 6(3)(d), "a preparatory task to an assessment relevant for the purposes of the
/// use cases listed in Annex III") lies in the Annex III setting that assessment reads near, so it is Limited, not
/// Minimal. Guards: profiling, an own act that decides or rejects, and the same acts on objects with no Annex III purpose.
/// The sentences are written for these tests (none is an evaluation case) except where a row says so.
/// </summary>
public sealed class RiskArt63BothWaysRound27Tests
{
    private static RiskTier TierOf(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null).Tier;

    /// <summary>The act read after a setting, a clause, a possessed or used system; recital 53's words.</summary>
    [Theory]
    [InlineData("Before the admissions tutor reads them, software converts the scanned enrolment forms to one format", "(a)")]
    [InlineData("At the housing office, a tool extracts the details from the handwritten tenancy applications into database fields", "(a)")]
    [InlineData("At the scholarship desk a tool gathers the student's certificates into one folder; the officer then assesses the claim herself", "(d)")]
    [InlineData("Letters from refugees are translated into Swedish, and the caseworkers read every one", "(a)")]
    [InlineData("Put the incoming tenancy applications into folders by the flat they name, without judging them", "(a)")]
    [InlineData("Once inspectors finish, the tool marks reports that depart from each inspector's usual findings so a supervisor can take a second look", "(c)")]
    [InlineData("The academy's software reviews last term's marks and flags tutors whose grades stray from their habits, for the moderator to look at", "(c)")]
    [InlineData("Compare each magistrate's sentences with their earlier ones and point out unusual ones to the presiding judge, who reviews them", "(c)")]
    [InlineData("The bursary office runs a tool over last year's awards to spot departures from its usual pattern and flags them for a person to look at", "(c)")]
    public void Art63Act_ReadsTheConditionInOtherSentenceForms(string text, string condition) =>
        Assert.StartsWith(condition, TaskText.Art63Act(text));

    [Theory]
    [InlineData("At the job centre, software scores each jobseeker's chance of finding work")]
    [InlineData("The bank runs a tool over the loan files to rank the applicants")]
    [InlineData("At the benefits desk a tool gathers the payslips and then rejects the incomplete claims")]
    [InlineData("Before the interview, the software ranks the candidates by fit")]
    public void Art63Act_IsNoneWhereTheSystemAssessesOrDecides(string text) => Assert.Null(TaskText.Art63Act(text));

    /// <summary>The assessment left to a person after the act, and who makes it.</summary>
    [Theory]
    [InlineData("Sort the papers before the caseworker assesses them", "caseworker")]
    [InlineData("Turn the forms into fields; the recruiters still read every one", "recruiters")]
    [InlineData("Gather the payslips ahead of the officer's own assessment", "officer")]
    public void AssessmentLeftToAPerson_NamesWhoAssesses(string text, string who) =>
        Assert.Equal(who, TaskText.AssessmentLeftToAPerson(text)?.Who);

    /// <summary>Set cases (High or Minimal on 21ec9d5, expected Limited under Art. 6(3)) and new sentences of the class.</summary>
    [Theory]
    [InlineData("Extract the data from scanned asylum applications into a database record for the caseworker to read")]
    [InlineData("Once graders finish, software marks grades that depart from each grader's usual pattern so a colleague can take a second look")]
    [InlineData("In the cooperative's hiring mailbox, a tool turns scanned CVs into structured fields such as name and trade certificate; it ranks nobody")]
    [InlineData("Sort the documents attached to social housing applications into folders by type before the caseworker assesses them")]
    [InlineData("Turn the paper forms sent in for coach-driving openings into typed fields; the recruiters still read every one in full")]
    [InlineData("Sort the papers attached to childcare subsidy claims into folders by type before the caseworker assesses them")]
    [InlineData("Translate the visa applicants' letters before the caseworker assesses them")]
    public void LiftingConditionInAnAnnexIIISetting_IsLimited(string text) => Assert.Equal(RiskTier.Limited, TierOf(text));

    [Theory]
    [InlineData("Sort incoming supplier invoices into folders by type before the accountant approves them")]
    [InlineData("Translate the restaurant menu into English before the head chef reads it")]
    [InlineData("Turn the scanned delivery notes into structured data fields before the warehouse clerk checks them")]
    public void SameActsWithoutAnAnnexIIIPurpose_StayMinimal(string text) => Assert.Equal(RiskTier.Minimal, TierOf(text));

    [Theory]
    [InlineData("Rank the job applications by fit before the recruiter reads them")]
    [InlineData("Sort the benefit applications into folders and reject the incomplete ones before the caseworker reads them")]
    [InlineData("At the job centre, software scores each jobseeker's chance of finding work before the adviser sees them")]
    public void ProfilingOrAnOwnDecision_StaysHigh(string text) => Assert.Equal(RiskTier.High, TierOf(text));
}
