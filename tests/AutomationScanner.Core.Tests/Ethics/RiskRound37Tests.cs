using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 37: a person who reads out, reads aloud or reads back what a system answered passes the answer on; the
/// assessment is the system's (<see cref="TaskText.AssessmentLeftToAPerson"/>), so such a sentence neither lifts the
/// system's decision under Art. 6(3)(d) nor keeps the sentence before it from adding to the description's finding.
/// Real-time remote biometric identification is the Art. 5(1)(h) practice only for law enforcement; a venue that
/// identifies its own visitors, guests, members or ticket holders and names no law-enforcement purpose is Annex III 1(a)
/// (<see cref="RiskScreen.ReadsLawEnforcementLimits"/>), and a reoffending estimate grounded in a person's convictions
/// or the facts of the case, with no ground of profiling or personality named, is Annex III 6(d), not Art. 5(1)(d).
/// A technique thought about and not taken up, or tried and dropped, is not done (<see cref="TaskText.WithoutNegatedPractices"/>).
/// Art. 6(3) in more sentence forms (<see cref="TaskText.Art63Act"/>): a tool named with a word before it ("a language
/// tool rewrites ...") is the subject, not the act; rewriting finished work only to make it neutral or readable is
/// 6(3)(b); deviations shown "to the exam board, which re-marks" are left to a person (6(3)(c)).
/// </summary>
public sealed class RiskRound37Tests
{
    [Theory]
    [InlineData("Which callers come in now is decided by a model; midwives read out its answer")]
    [InlineData("The software sets the order of the queue and the nurses read aloud the number it gives")]
    [InlineData("A model settles each refund, and the clerk reads back its decision to the caller")]
    [InlineData("The tool scores the claims, then the agent reading out the result ends the call")]
    public void APersonWhoPassesTheAnswerOn_IsNotAnAssessment(string text) =>
        Assert.Null(TaskText.AssessmentLeftToAPerson(text));

    [Theory]
    // The readings that stay: a person who reads the papers, or reads them out of a pile, still assesses.
    [InlineData("Turn the forms into fields; the recruiters still read every one", "recruiters")]
    [InlineData("Sort the letters before the caseworker reads them", "caseworker")]
    [InlineData("The tool only transcribes the calls; the duty doctor reads each transcript before deciding", "duty doctor")]
    public void APersonWhoReadsThePapers_StillAssesses(string text, string who) =>
        Assert.Equal(who, TaskText.AssessmentLeftToAPerson(text)?.Who);

    [Theory]
    // A step that keeps the calls' records in a process whose software decides and whose staff only read the answer out
    // (written for this round; fresh-r36's birth-centre case stays Minimal: its step name is not read and no reading of
    // its decision sentence reaches a rule).
    [InlineData("Log incoming calls", "Harbour town out-of-hours clinic, phone line. This step logs each call. Software decides from the caller's answers which patients are seen tonight and which are sent to their own doctor tomorrow; the receptionists read its answer aloud", null)]
    public void ADecisionThatAPersonOnlyReadsOut_StaysHigh(string step, string context, string? batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), step, context, batch);
        Assert.True(assessment.Tier >= RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // The same processes where a person decides after reading: the system's part is preparatory.
    [InlineData("Log incoming calls", "Harbour town out-of-hours clinic, phone line. This step logs each call. Software writes down the caller's answers; the duty nurse reads them and decides which patients are seen tonight")]
    public void APersonWhoReadsAndDecides_IsNotHigh(string step, string context)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), step, context);
        Assert.True(assessment.Tier <= RiskTier.Limited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Written cases labelled High that the screen rated Prohibited before this round (fresh-r16, fresh-r22, fresh-r33, fresh-r34).
    [InlineData("VERIFICA_INGRESSO_SALA", "Italian bingo hall: a camera at the entrance identifies from a distance guests who are on the self-exclusion register by comparing their faces with the whole register, and alerts the door staff", "fresh-r16")]
    [InlineData("A camera at the karting track's car park recognises banned drivers from a distance as they walk towards the entrance", null, "fresh-r22")]
    [InlineData("Indgang_Registrering", "Coriander conference hall. This step registers visitors at the door. Ceiling cameras identify each visitor from a distance against the photos of everyone who bought a ticket in the last three years; nobody has to stop or show anything", "fresh-r33")]
    // Written for this round.
    [InlineData("At the ice rink the turnstile cameras recognise season-ticket holders by their faces from several metres away as they arrive, so nobody has to show a card", null, null)]
    [InlineData("Hotel lobby: ceiling cameras match each arriving guest's face live against the photos of returning guests so that reception can greet them by name", null, null)]
    public void RemoteIdentificationOfAnOperatorsOwnClientele_IsAnnexIII1NotProhibited(string text, string? context, string? batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // A law-enforcement purpose, or no purpose named at all, keeps the practice.
    [InlineData("Police compare the faces of everyone entering the stadium live against their list of wanted people", null)]
    [InlineData("At the ice rink the turnstile cameras recognise every visitor by face as they arrive and check them against the police's list of suspects", null)]
    [InlineData("Run live remote biometric identification of the crowd at the central bus station", null)]
    [InlineData("Ingresso_Festival", "Summer music festival, entrance. This step scans tickets. Cameras above the gates compare every visitor's face live with the photos of people the police are searching for")]
    public void RemoteIdentificationForLawEnforcementOrOfUnknownPurpose_StaysProhibited(string text, string? context)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context);
        Assert.True(assessment.Tier == RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // fresh-r32, labelled High (Annex III 6), rated Prohibited with two sentences read together.
    [InlineData("Vrylating_Beplanning", "Ibis district resettlement officers. The step plans each prisoner's release. A model gives the chance that the person commits a new offence, based on their convictions and behaviour in prison, and the officer sets supervision by it", "fresh-r32")]
    // Written for this round.
    [InlineData("Vorbereitung_Entlassung", "Lakeside prison, release office. This step prepares each release plan. Software works out from the prisoner's convictions and the circumstances of the offence how likely it is that they commit a new crime, and the officer sets the reporting schedule from that figure", null)]
    [InlineData("Estimate from each parolee's criminal record how likely they are to commit another offence, for the supervising officer's report", null, null)]
    public void AReoffendingEstimateFromTheFactsOfACrime_IsAnnexIII6(string text, string? context, string? batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // A ground of profiling or personality keeps the practice, records or not.
    [InlineData("Rank released prisoners by how likely they are to commit a new offence from their personality test and their family background, whatever their convictions")]
    [InlineData("The tool predicts which residents will commit burglaries from their nationality, their debts and their neighbours' criminal records")]
    public void AnEstimateFromProfiling_StaysProhibited(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    [InlineData("The joinery thought about having software rank job applications but decided the owner would read every one herself; the tool only books the meeting room", "; the tool only books the meeting room")]
    [InlineData("The store tried a feature that would guess shoppers' mood from their faces and dropped it. The door cameras count visitors", ". The door cameras count visitors")]
    [InlineData("The council explored a model that would rank housing applicants but decided against it; officers score each file by hand", "; officers score each file by hand")]
    public void ATechniqueThoughtAboutOrTriedAndDropped_IsCut(string text, string expected) =>
        Assert.Equal(expected, TaskText.WithoutNegatedPractices(text));

    [Theory]
    [InlineData("The bank thought about hiring more staff but decided the model would rank the applicants")]
    [InlineData("Customers who tried to cancel but were refused by the chatbot were offered a discount")]
    [InlineData("The team piloted the scoring model and rejected every applicant below 600")]
    public void ADecisionForTheSystemOrAPersonsAttempt_IsNotANegation(string text) =>
        Assert.Null(TaskText.WithoutNegatedPractices(text));

    [Theory]
    // fresh-r37 near-miss (first run: High).
    [InlineData("The Transom joinery thought about having software rank job applications but decided the owner would read every one herself; the tool only books the meeting room for interviews", "fresh-r37")]
    // Written for this round.
    [InlineData("The garden centre explored a tool that would score job applicants from their CVs but decided the manager would keep doing it by hand, as before", null)]
    public void ATechniqueNotTakenUp_RaisesNoHighFinding(string text, string? batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null, batch);
        Assert.True(assessment.Tier <= RiskTier.Limited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    [InlineData("A language tool rewrites adverts that recruiters have already finished, only to make them gender-neutral and easier to read", "(b)")]
    [InlineData("The grammar software rewords letters the panel has already approved, only to make them clearer", "(b)")]
    [InlineData("A program compares each examiner's marks with their usual spread and shows unusual patterns to the exam board, which re-marks only where it sees fit", "(c)")]
    public void Art63Act_ReadsRound37SentenceForms(string text, string condition) =>
        Assert.StartsWith(condition, TaskText.Art63Act(text));

    [Theory]
    [InlineData("A scoring model ranks the applicants for the caseworker")]
    [InlineData("A language tool rewrites the rejection reasons so that fewer applicants appeal")]
    public void Art63Act_IsNoneWhereTheNamedToolAssessesOrChangesTheOutcome(string text) => Assert.Null(TaskText.Art63Act(text));

    [Theory]
    // fresh-r37, labelled Limited (Art. 6(3)), first run High.
    [InlineData("At Soffit university a program compares each examiner's marks with their usual spread and shows unusual patterns to the exam board, which re-marks only where it sees fit", null, "fresh-r37")]
    public void ANarrowTaskInAnAnnexIIISetting_IsLimited(string text, string? context, string? batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == RiskTier.Limited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Hostile texts (hundreds of kilobytes without a full stop): each repeats the start of a new reading without its end,
    // and every reading still ends (each pattern scans a bounded window from each start).
    [InlineData("thought about ", 20000)]
    [InlineData("tried a tool and ", 15000)]
    [InlineData("rewrites finished adverts only to make ", 8000)]
    [InlineData("shows unusual patterns to the ", 10000)]
    public void AHostileText_IsReadToItsEnd(string unit, int times)
    {
        var text = string.Concat(Enumerable.Repeat(unit, times)) + "; the council explored a model that would rank applicants but decided against it; the rest stays";
        var stripped = TaskText.WithoutNegatedPractices(text);
        Assert.NotNull(stripped);
        Assert.EndsWith("; the rest stays", stripped, StringComparison.Ordinal);
        Assert.DoesNotContain("decided against", stripped, StringComparison.Ordinal);
        _ = TaskText.Art63Act(text);
        _ = TaskText.AssessmentLeftToAPerson(text);
    }
}
