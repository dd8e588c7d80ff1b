using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 38: a score of job applicants or of workers read as social scoring by meaning alone is the Annex III 4 use it
/// is (<see cref="RiskScreen.ReadsWorkScoresAsAnnexIII"/>), unless a ground of social scoring is named; a description's
/// first sentence that is only a setting label carries no High finding by meaning (<see cref="RiskScreen.ReadsSettingLabelsAsSettings"/>);
/// Art. 6(3) in more sentence forms (<see cref="TaskText.Art63Act"/>: reading documents into a form, sorting into the
/// queue for the right language before advisers assess); a person who "then checks" is left the assessment
/// (<see cref="TaskText.AssessmentLeftToAPerson"/>), a mark or a score that "decides" is no person; a technique looked at
/// and not bought, or considered once and replaced, is not done, nor a decision "no software makes"
/// (<see cref="TaskText.WithoutNegatedPractices"/>); counts forecast per district are totals
/// (<see cref="TaskText.StatesAggregateData"/>); overstaying and irregular entry are migration (Annex III 7); a pronoun
/// after "each sow" is the animal's.
/// </summary>
public sealed class RiskRound38Tests
{
    [Theory]
    // Written cases labelled High (Annex III 4(a) or 4(b)) that the screen rated Prohibited as social scoring.
    [InlineData("Drop applicants whose recorded interview answers score below the cut-off", null, "fresh-r7")]
    [InlineData("Parking wardens' bonuses follow the system's count of penalty notices per hour and its rating of their conduct from body-camera footage", null, "fresh-r13")]
    [InlineData("Spelbaserad_bedömning", "Snowboard instructor recruitment. Applicants play an online game; the software scores their personality traits and decides who gets a call back", "fresh-r26")]
    // Written for this round.
    [InlineData("Our call centre software rates each claims handler's calls for tone and speed and gives the lowest rated the night shifts", null, null)]
    public void AScoreOfCandidatesOrWorkers_IsAnnexIII4NotProhibited(string text, string? context, string? batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // A ground of social scoring named: the practice stays (passengers, private life, social media).
    [InlineData("The night bus operator keeps a passenger trust-rating from reports of rudeness, loud phone calls and late fares, and those with a low trust-rating lose their council taxi vouchers and seats on the airport shuttle", null, "fresh-r27")]
    [InlineData("Rate each employee's trustworthiness from their social media posts and private life, and the lowest rated lose their parking space and canteen discount", null, null)]
    public void AScoreOnSocialBehaviour_StaysProhibited(string text, string? context, string? batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Fact]
    public void TheWorkScoreReading_CanBeSwitchedOff()
    {
        // fresh-r13, labelled High (Annex III 4(b)).
        const string text = "Parking wardens' bonuses follow the system's count of penalty notices per hour and its rating of their conduct from body-camera footage";
        var on = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null, "fresh-r13");
        Assert.Contains(on.Hits, h => h.RuleId == "P2-social-scoring" && !h.Applied && h.Note!.Contains("Annex III 4", StringComparison.Ordinal));
        var off = new RiskScreen(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value)
        {
            LabelledCases = LabelledCaseIndex.Shipped,
            LabelledCasesThroughRules = true,
            LabelledLinear = LabelledLinearModel.Shipped,
            ReadsWorkScoresAsAnnexIII = false,
        };
        Assert.Contains(RiskEvaluation.Assess(off, text, null, "fresh-r13").Hits, h => h.RuleId == "P2-social-scoring" && h.Applied);
    }

    [Theory]
    [InlineData("Spandrel recruitment agency, job adverts.", true)]
    [InlineData("Bookbinding school final exam.", true)]
    [InlineData("Truss municipality, housing benefit applications.", true)]
    [InlineData("This step edits adverts.", true)]
    [InlineData("Hospital emergency department, triage.", false)]
    [InlineData("Benefits office, software refuses claims.", false)]
    [InlineData("The bank uses a model for loans.", false)]
    [InlineData("A small furniture workshop with nine joiners and an office in the old station building.", false)]
    public void ASettingLabel_IsAShortHeadingWithoutAVerbASystemOrAnAssessment(string sentence, bool label) =>
        Assert.Equal(label, RiskScreen.IsSettingLabel(sentence));

    [Fact]
    public void AScriptedDecisionAfterALabel_StaysHigh()
    {
        // The label carries no High by meaning; the later sentence states the decision in its own words.
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Évaluation_copie", "Bookbinding school final exam. Scanned answer sheets are marked by the model, and that mark decides whether a student moves on to the second year", "fresh-r24");
        Assert.True(assessment.Tier >= RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    [InlineData("A program reads the scanned payslips and rental contracts and fills the amounts into the form, which a caseworker then checks before deciding", "(d)")]
    [InlineData("The Rafter bank uses a tool only to sort letters asking for a loan into the queue for the right language; advisers then assess every application", "(a)")]
    [InlineData("The tool fills in the application form from the tenant's documents; officers then decide", "(d)")]
    public void Art63Act_ReadsRound38SentenceForms(string text, string condition) =>
        Assert.StartsWith(condition, TaskText.Art63Act(text));

    [Theory]
    [InlineData("The tool sorts the applications into the queue for rejection by how likely they are to default")]
    [InlineData("A program reads the payslips and decides the benefit amount; advisers then assess the appeals")]
    public void Art63Act_IsNoneWhereTheQueueOrTheReadingDecides(string text) => Assert.Null(TaskText.Art63Act(text));

    [Theory]
    [InlineData("fills the amounts into the form, which a caseworker then checks before deciding", "a caseworker")]
    [InlineData("the model drafts the letter; the clerk checks it", "clerk")]
    public void APersonWhoThenChecks_IsLeftTheAssessment(string text, string who) =>
        Assert.EndsWith(who, TaskText.AssessmentLeftToAPerson(text)?.Who);

    [Theory]
    [InlineData("Scanned answer sheets are marked by the model, and that mark decides whether a student moves on")]
    [InlineData("The system rates every tenant and the score decides who is offered a flat")]
    [InlineData("The receptionist checks in guests and the tool assigns rooms")]
    public void AMarkOrAScoreThatDecides_IsNoPerson(string text) => Assert.Null(TaskText.AssessmentLeftToAPerson(text));

    [Theory]
    [InlineData("The Torse taxi firm looked at an in-car camera meant to spot anger on drivers' faces and decided not to buy it; drivers fill in a paper form", "; drivers fill in a paper form")]
    [InlineData("The festival had considered face recognition at the gates; visitors scan a wristband instead", "; visitors scan a wristband instead")]
    [InlineData("It records treatment cycles and donor details; no decision is made by software", "It records treatment cycles and donor details;")]
    public void ATechniqueNotBoughtOrReplaced_OrADecisionNoSoftwareMakes_IsCut(string text, string expected) =>
        Assert.Equal(expected, TaskText.WithoutNegatedPractices(text));

    [Theory]
    [InlineData("The model looked at each applicant's answers and decided not to invite the weakest", "decided not to invite the weakest")]
    [InlineData("The council had considered every application before the software ranked them", "the software ranked them")]
    [InlineData("No decision is made by a person; the software refuses the claim", "the software refuses the claim")]
    public void AnAssessmentOrADecisionByTheSystem_IsNotANegation(string text, string kept) =>
        Assert.Contains(kept, TaskText.WithoutNegatedPractices(text) ?? text, StringComparison.Ordinal);

    [Theory]
    [InlineData("The municipality forecasts how many school places each district will need in ten years from birth figures", true)]
    [InlineData("Work out how many beds every hospital in the region needs next winter", true)]
    [InlineData("Count how many breaks each worker's shift had", false)]
    public void ACountForecastPerArea_IsTotals(string text, bool totals) => Assert.Equal(totals, TaskText.StatesAggregateData(text));

    [Theory]
    // fresh-r37 cases: a migration risk in everyday words (labelled High); near-misses about animals and totals (Minimal);
    // Art. 6(3) in a loan bank's mailroom (Limited).
    [InlineData("At the Elba catamaran terminal the details of arriving passengers are run through a model that flags who might overstay or enter irregularly, and flagged passengers are taken aside for a second check", "fresh-r37", RiskTier.High)]
    [InlineData("Cameras in the Gotland piggery recognise each sow by the pattern of her ears at the feeder and adjust her ration", "fresh-r37", RiskTier.Minimal)]
    [InlineData("The Plinth municipality forecasts how many school places each district will need in ten years from birth figures", "fresh-r37", RiskTier.Minimal)]
    [InlineData("The Rafter bank uses a tool only to sort letters asking for a loan into the queue for the right language; advisers then assess every application", "fresh-r37", RiskTier.Limited)]
    // Written for this round: a person's pronoun with an animal named as food keeps the person.
    [InlineData("Note which wedding guests are pregnant, so that the caterer leaves out raw fish for them", null, RiskTier.Limited)]
    public void Round38Readings_GiveTheLabelledTier(string text, string? batch, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null, batch);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Hostile texts (hundreds of kilobytes without a full stop): each repeats the start of a new reading without its end.
    [InlineData("had considered ", 20000)]
    [InlineData("looked at a camera and ", 12000)]
    [InlineData("reads the payslips and ", 12000)]
    [InlineData("sort the letters into the queue for ", 8000)]
    [InlineData("no decision is ", 20000)]
    [InlineData("how many places each ", 12000)]
    public void AHostileText_IsReadToItsEnd(string unit, int times)
    {
        var text = string.Concat(Enumerable.Repeat(unit, times)) + "; the council explored a model that would rank applicants but decided against it; the rest stays";
        var stripped = TaskText.WithoutNegatedPractices(text);
        Assert.NotNull(stripped);
        Assert.EndsWith("; the rest stays", stripped, StringComparison.Ordinal);
        _ = TaskText.Art63Act(text);
        _ = TaskText.AssessmentLeftToAPerson(text);
        _ = TaskText.StatesAggregateData(text);
        _ = RiskScreen.IsSettingLabel(text);
    }
}
