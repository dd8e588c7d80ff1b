using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 16 (catalogue 2026.12.13): causes in the screen of Prohibited/High cases rated lower, each fixed where it lies,
/// not by a case's wording: a communication step whose message is itself the act (the communication hold-back took it),
/// "transcripts" read as transcription (the Art. 6(3) filter lifted an admission decision), the legal terms of Annex III
/// 3(d), 4(b) and 6(d) as short step names ("proctoring", "redundancy selection", "recidivism scoring"), and Art. 5(1)(h)
/// and Annex III 6(c) in the words of Art. 3(42) ("without a significant delay") and of the reliability of evidence.
/// The sentences are written for these tests (none is an evaluation case); each positive was rated lower with catalogue
/// 2026.12.12 and round 15's code, checked. The rules screen alone (no labelled cases) judges them.
/// </summary>
public sealed class RiskRuleKindsRound16Tests
{
    private static RiskAssessment Assess(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

    private static RiskTier TierOf(string text) => Assess(text).Tier;

    /// <summary>
    /// A step led by a communication verb is held back as "communication only" because the decision it reports is screened
    /// where it is taken. When the message is itself the act there is no such other step: the notice that cancels the
    /// lease (GDPR Art. 22), the tailored message sent to sway a vote (Annex III 8(b)), "send" a fire engine (Annex III
    /// 5(d): dispatching emergency first response services), telling the detectives which receipts are likely forged
    /// (Annex III 6(c): the evaluation of the reliability of evidence is made where it is told). Each was held back before.
    /// </summary>
    [Theory]
    [InlineData("Send the automatic letter that cancels a tenant's lease after the second late payment")]
    [InlineData("Text every undecided voter a message tailored to their worries to sway how they vote in the mayoral election")]
    [InlineData("Send a fire engine or a paramedic car to each caller, depending on what the system hears")]
    [InlineData("Tell the detectives which of the seized receipts are likely to be forged")]
    public void MessageThatIsTheAct_IsNotHeldBackAsCommunication(string text)
    {
        var assessment = Assess(text);
        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.DoesNotContain(assessment.Hits, h => h.Note?.StartsWith("A communication step", StringComparison.Ordinal) == true && h.Tier == RiskTier.High);
    }

    /// <summary>A message that only carries news stays held back: a reminder of an election date, a forecast about machines.</summary>
    [Theory]
    [InlineData("Send the residents a reminder about the date of the mayoral election")]
    [InlineData("Tell the planners which machines are likely to fail next week")]
    public void MessageThatOnlyCarriesNews_StaysBelowHigh(string text) => Assert.True(TierOf(text) < RiskTier.High, text);

    /// <summary>
    /// "Transcripts" of an applicant are school records, not transcription (an Art. 6(3) preparatory task): admitting
    /// applicants on them is Annex III 3(a), High (Limited before: the filter lifted it). Transcribing a recording for a
    /// panel still is the filter's.
    /// </summary>
    [Fact]
    public void AcademicTranscripts_AreNotTranscription()
    {
        Assert.Equal(RiskTier.High, TierOf("Admit the nursing course applicants with the best school transcripts, with no one checking the rejected ones"));
        Assert.Contains(Assess("Transcribe the recorded admission interviews of the nursing course for the selection panel").Hits, h => h.RuleId == "F1-narrow-procedural-task" && h.Applied);
    }

    /// <summary>
    /// The legal terms of the Annex III points as short step names, too short for the sentence model: the risk of
    /// re-offending (6(d)), selection for redundancy (4(b): termination), remote proctoring of tests (3(d)). Minimal
    /// before. Their look-alikes of other matters stay Minimal.
    /// </summary>
    [Theory]
    [InlineData("Recidivism scoring")]
    [InlineData("Selection for redundancy")]
    [InlineData("Redundancy pool ranking")]
    [InlineData("Remote proctoring")]
    public void LegalTermsAsShortStepNames_AreHigh(string text) => Assert.Equal(RiskTier.High, TierOf(text));

    [Theory]
    [InlineData("Server redundancy check")]
    [InlineData("Book rooms for the exam")]
    [InlineData("Check whether the scanned invoices are genuine")]
    public void LookAlikes_StayMinimal(string text) => Assert.Equal(RiskTier.Minimal, TierOf(text));

    /// <summary>
    /// Art. 5(1)(h) with Art. 3(42) (identification "without a significant delay"): faces checked against a list as the
    /// event happens, in a public place, is real-time remote identification, Prohibited (High before, as Annex III 1).
    /// </summary>
    [Fact]
    public void IdentificationAsTheEventHappens_IsRealTime() =>
        Assert.Equal(RiskTier.Prohibited, TierOf("Police cameras at the marathon check runners' faces against the missing-persons list as the race happens"));
}
