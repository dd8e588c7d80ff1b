using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 25 (12c): steps whose name the screen reads, in a process whose description states the practice, but whose act
/// it did not recognise as the practice's act. Three causes, fixed as mechanisms: (1) a name the glossary reads word by
/// word but not as a whole (a code beside one foreign word, "K12 Beoordeling"; a cognate compound, "Premieberegning"),
/// whose act stayed foreign to the step's act tests; (2) calculating and recognising, which work the case as checking and
/// identifying do (a premium or points calculated, a mood recognised); (3) the practices on the person's choices (AI Act
/// Art. 5(1)(a)-(b)), deployed by the step that offers, shows or sends the content to the person. Guards: the same names
/// in a benign process stay Minimal; a record-keeping step of a manipulative process takes nothing; a sending step of a
/// described decision still does not take the decision. Names and descriptions are written for these tests (the set's
/// cases are in <see cref="SetCases"/>).
/// </summary>
public sealed class RiskStepActInContextRound25Tests
{
    private const string OfficeDescription =
        "Office supplies: the stationery cupboard is restocked every Friday from the supplier's catalogue and the order is filed.";

    private const string DiverLifeCoverDescription =
        "Broker for commercial divers: each diver fills in a medical questionnaire and uploads the dive log, and the insurer's model sets the price of the diver's life cover from both";

    private const string ControlRoomMoodDescription =
        "Power grid control room: cameras on the operators' desks read each operator's mood from their face all shift and send it to the shift supervisor";

    private const string BingoDebtDescription =
        "Online bingo site: players whose card payments show they have fallen into debt get personalised bonus offers timed for the evenings, to keep them playing";

    private const string CreditDecisionDescription =
        "Consumer lender: the model turns each applicant's bank transactions into a credit score and refuses the loan below the cut-off, without anyone reading the file";

    /// <summary>The name read word by word through the glossary, where the whole name is not (a code, a cognate compound).</summary>
    [Theory]
    [InlineData("K12 Beoordeling", "assessment")]
    [InlineData("Premieberegning", "calculat")]
    [InlineData("ANALIZA_VIDEO_TURA", "analysis")]
    public void WordByWord_ReadsTheGlossaryWords(string name, string expected)
    {
        Assert.DoesNotContain(expected, TaskText.Normalise(name), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(expected, TaskText.WordByWord(name), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Premium calculation", true)]
    [InlineData("Recalculate care hours", true)]
    [InlineData("Mood recognition", true)]
    [InlineData("Archive calculation sheets", false)]
    [InlineData("Send premium calculation", false)]
    public void CalculatingAndRecognising_WorkTheCase(string name, bool expected) => Assert.Equal(expected, TaskText.IsCaseWorkStep(name));

    /// <summary>A step that calculates the premium takes the description's life-insurance pricing (Annex III 5(c)).</summary>
    [Theory]
    [InlineData("Premium calculation")]
    [InlineData("Premieberegning")]
    public void CalculationStep_TakesTheDescriptionsPricing(string name)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), name, DiverLifeCoverDescription);

        Assert.True(assessment.Tier >= RiskTier.High, $"{assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "H4c-life-health-insurance");
    }

    /// <summary>A step that recognises moods in a workplace whose description states emotion recognition takes Art. 5(1)(f).</summary>
    [Fact]
    public void RecognitionStep_TakesTheDescriptionsEmotionRecognition()
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Mood recognition", ControlRoomMoodDescription);

        Assert.Equal(RiskTier.Prohibited, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "P1-emotion-recognition" && h.Evidence.Location.EndsWith("(description)", StringComparison.Ordinal));
    }

    /// <summary>The step that sends or shows the offer deploys the exploitation its description states (Art. 5(1)(b)).</summary>
    [Theory]
    [InlineData("Send bonus offer")]
    [InlineData("Show offer")]
    public void OfferStep_DeploysTheDescriptionsTechnique(string name)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), name, BingoDebtDescription);

        Assert.Equal(RiskTier.Prohibited, assessment.Tier);
        var hit = Assert.Single(assessment.Hits, h => h.Applied && h.RuleId == "P4-manipulation");
        Assert.Contains("addresses the person", hit.Evidence.Excerpt, StringComparison.Ordinal);
    }

    /// <summary>A step that only keeps records of the offers deploys nothing.</summary>
    [Fact]
    public void RecordKeepingStep_OfAManipulativeProcess_TakesNoTechnique()
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Archive offer letters", BingoDebtDescription);

        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.RuleId == "P4-manipulation" && h.Evidence.Location.EndsWith("(description)", StringComparison.Ordinal));
    }

    /// <summary>A sending step of a described credit decision still takes no Annex III use nor the offer path's technique.</summary>
    [Fact]
    public void SendingStep_OfADescribedDecision_StaysBelowHigh()
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Send offer letter", CreditDecisionDescription);

        Assert.True(assessment.Tier < RiskTier.High, $"{assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    /// <summary>The same step names in a benign process stay Minimal.</summary>
    [Theory]
    [InlineData("Premium calculation")]
    [InlineData("Premieberegning")]
    [InlineData("Mood recognition")]
    [InlineData("Send bonus offer")]
    [InlineData("K12 Beoordeling")]
    public void SameStepNames_InABenignProcess_StayMinimal(string name) =>
        Assert.Equal(RiskTier.Minimal, RiskEvaluation.Assess(RiskEvaluation.Screen(), name, OfficeDescription).Tier);

    /// <summary>Cases of the evaluation set (each batch left out of the vote) that were rated lower on 1a3b6af.</summary>
    [Theory]
    [InlineData("r11-ctxstimmung-021")]
    [InlineData("r12-ctxofertavuln-012")]
    [InlineData("r17-valencialifepricing-059")]
    [InlineData("r19-flowerhalllive-028")]
    [InlineData("r22-pilotlifepolicy-060")]
    [InlineData("r23-paraglidelifepremium-063")]
    [InlineData("r24-fleamarketloan-007")]
    public void SetCases(string id)
    {
        var c = RiskEvaluation.All.Single(c => c.Id == id);
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), c.Text, c.Context, c.Batch);

        Assert.True(c.Allows(assessment.Tier), $"{id}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }
}
