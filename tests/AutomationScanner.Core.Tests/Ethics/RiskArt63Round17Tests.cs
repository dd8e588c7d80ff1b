using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 17: AI Act Art. 6(3) read as an act and a setting. The act is what the system itself does, one of the four
/// conditions of Art. 6(3) with recital 53's examples (a narrow procedural task: converting, translating, transcribing,
/// indexing or sorting documents by their kind; improving the wording of a text a person has finished; flagging
/// deviations from prior decision patterns for a person to review; preparing an assessment by gathering a file's
/// documents or checking it is complete); the setting is an Annex III use the task lies in (named in its words with a
/// person, or read near an Annex III use below the High threshold). Both: Limited under Art. 6(3), whether an Annex III
/// rule fired (it is lifted) or not (Minimal before). Profiling, or an own act that assesses or decides about a person,
/// keeps High; an Art. 6(3) act outside any Annex III setting stays Minimal. The sentences are written for these tests
/// (none is an evaluation case). The rules screen alone (no labelled cases) judges them.
/// </summary>
public sealed class RiskArt63Round17Tests
{
    private const string Filter = "F1-narrow-procedural-task";

    private static RiskAssessment Assess(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

    private static RiskTier TierOf(string text) => Assess(text).Tier;

    /// <summary>The act alone, read from the text's words: the four conditions, and none for an assessment or a decision.</summary>
    [Theory]
    [InlineData("Transcribe the parole board's recorded hearings into text for the members", "(a)")]
    [InlineData("Turn the photographed tenancy forms into database rows for the housing office", "(a)")]
    [InlineData("Sort the scholarship files into folders by the language they are written in", "(a)")]
    [InlineData("Tidy the punctuation of the appeal letters the tribunal clerks have already drafted", "(b)")]
    [InlineData("Point out where the visa officers' refusals this spring depart from their earlier practice, for the head of unit to review", "(c)")]
    [InlineData("Gather the tax returns and rent receipts of each childcare subsidy claim into one folder", "(d)")]
    [InlineData("Once the claims are in, check that each carries every signature the form asks for", "(d)")]
    public void Art63Act_ReadsTheFourConditions(string text, string condition) =>
        Assert.StartsWith(condition, TaskText.Art63Act(text));

    [Theory]
    [InlineData("Rank the scholarship files by how promising each student is")]
    [InlineData("Sort the job seekers by their likelihood of finding work")]
    [InlineData("Translate the tenancy forms and reject the incomplete ones")]
    [InlineData("Decide which parole requests the board hears first")]
    [InlineData("Put the callers to the poison helpline in order of how urgent their case sounds")]
    public void Art63Act_IsNoneForAnAssessmentOrDecision(string text) => Assert.Null(TaskText.Art63Act(text));

    /// <summary>
    /// An Art. 6(3) act in words no F1 pattern has, in an Annex III setting: Limited, with the filter as the finding and
    /// its act and setting in the evidence (Minimal before where no Annex III rule fired, High where one did).
    /// </summary>
    [Theory]
    [InlineData("Tidy the phrasing of the feedback the lecturers have already written on the students' dissertations")]
    [InlineData("Turn the handwritten witness notes of the burglary detectives into typed text for the prosecutors")]
    [InlineData("Turn the audio of the court's small-claims hearings into searchable text for the court officers")]
    public void Art63ActInAnAnnexIIISetting_IsLimited(string text)
    {
        // None of these has the words of an F1 pattern: the filter is the round's reading of the act and the setting.
        var assessment = Assess(text);
        Assert.Equal(RiskTier.Limited, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.RuleId == Filter && h.Applied && h.Evidence.Excerpt.Contains("its setting", StringComparison.Ordinal));
    }

    /// <summary>
    /// An Annex III rule fires on the task's subject, but its own act is an Art. 6(3) act with no assessment and no
    /// profiling: the Annex III hit is lifted (High before).
    /// </summary>
    [Theory]
    [InlineData("Put the bursary applications in order of arrival and give each a reference number before the awards panel reads them")]
    [InlineData("Sort the scanned mortgage application papers into folders by the kind of document")]
    public void AnnexIIIHitOfAnArt63Act_IsLifted(string text)
    {
        var assessment = Assess(text);
        Assert.Equal(RiskTier.Limited, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.RuleId == Filter && h.Applied);
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.Kind == RuleKind.HighRisk);
    }

    /// <summary>Profiling of persons, or an own act that ranks or decides, keeps High.</summary>
    [Theory]
    [InlineData("Rank the loan applicants whose documents were prepared by the clerks")]
    [InlineData("Decide which asylum claimants are refused once their prepared files are complete")]
    public void OwnAssessmentOrDecision_StaysHigh(string text) => Assert.Equal(RiskTier.High, TierOf(text));

    /// <summary>An Art. 6(3) act outside any Annex III setting (no person's case, no Annex III use) stays Minimal.</summary>
    [Theory]
    [InlineData("Translate the town hall's parking leaflet into Polish")]
    [InlineData("Transcribe the recorded board meeting of the football club")]
    [InlineData("Sort the incoming delivery notes into folders by supplier")]
    [InlineData("Index the archived engineering drawings by project number")]
    public void Art63ActOutsideAnAnnexIIISetting_StaysMinimal(string text) => Assert.Equal(RiskTier.Minimal, TierOf(text));
}
