using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 36: a technique a text names and says is switched off, disabled, not licensed, never used, or proposed and
/// declined is not done (<see cref="TaskText.WithoutNegatedPractices"/>), and "there is no face recognition" negates as
/// "stores no face images" does; the absence of a person ("there is no human review") stays a condition of GDPR Art. 22.
/// The first rows of the tier theory are fresh-r36 near-misses that the screen rated Prohibited or High on its first run.
/// </summary>
public sealed class RiskSwitchedOffRound36Tests
{
    [Theory]
    [InlineData("The suite includes an emotion analysis feature, but it is switched off and not licensed", "")]
    [InlineData("Face recognition in the photo software was proposed last year but the owners declined it; the pictures show only cakes", "; the pictures show only cakes")]
    [InlineData("Guests enter with paper tickets; there is no face recognition and no list of who came", "Guests enter with paper tickets;")]
    [InlineData("The gate camera's identification module is disabled. Staff check tickets by eye", ". Staff check tickets by eye")]
    public void ATechniqueSwitchedOffOrDeclined_IsCut(string text, string expected) =>
        Assert.Equal(expected, TaskText.WithoutNegatedPractices(text));

    [Theory]
    [InlineData("The model flags whether the claimant is disabled and cuts the allowance without review")]
    [InlineData("Loans are refused by the model and there is no human review of the refusals")]
    [InlineData("There is no one who checks the scores before the applicants are rejected")]
    [InlineData("The model scores applicants who have never used a bank account and refuses the rest")]
    [InlineData("The cameras are switched on at opening time and identify every visitor against the watch list")]
    public void APersonsStateOrTheAbsenceOfReview_IsNotANegation(string text) =>
        Assert.Null(TaskText.WithoutNegatedPractices(text));

    [Theory]
    // Hostile texts (hundreds of kilobytes without a full stop): each repeats the start of a match without its end, and
    // the reading still ends (the sentence is cut by position, not by a pattern that scans back and forth).
    [InlineData("proposed but ", 20000)]
    [InlineData("the model was proposed ", 20000)]
    [InlineData("it is not ", 20000)]
    [InlineData("there are no ", 20000)]
    public void AHostileText_IsReadToItsEnd(string unit, int times)
    {
        var text = string.Concat(Enumerable.Repeat(unit, times)) + "; face recognition was proposed but the owners declined it; the rest stays";
        var stripped = TaskText.WithoutNegatedPractices(text);
        Assert.NotNull(stripped);
        Assert.EndsWith("; ; the rest stays", stripped, StringComparison.Ordinal);
        Assert.DoesNotContain("declined", stripped, StringComparison.Ordinal);
    }

    [Theory]
    // fresh-r36 near-misses (first run: Prohibited, High, Prohibited).
    [InlineData("The Stollen conversation classes' video conferencing suite includes an emotion analysis feature, but it is switched off and not licensed", null, "fresh-r36")]
    [InlineData("The Tortilla congress venue lets people in with QR tickets only; there is no face recognition and no list of who came", null, "fresh-r36")]
    [InlineData("Arquivo_Imagens", "Rhapsody cake shop, online orders. This step stores the product photos. Face recognition in the photo software was proposed last year but the owners declined it; the pictures show only cakes", "fresh-r36")]
    // Written for this round: the same with other words.
    [InlineData("Door entry: the turnstile vendor offers a face-matching add-on, which the club has never switched on; members show their cards", null, null)]
    [InlineData("Registar_Visitantes", "Science museum front desk. This step registers school groups. The ticket system's camera module for recognising visitors is disabled; teachers sign the group in on paper", null)]
    public void ASwitchedOffTechnique_RaisesNoProhibitedOrHighFinding(string text, string? context, string? batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier <= RiskTier.Limited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // The same sentences with the technique in use stay at their tier.
    [InlineData("The Stollen conversation classes' video conferencing suite includes an emotion analysis feature that reports which students look bored to the teacher", RiskTier.Prohibited)]
    [InlineData("The congress venue lets people in by face recognition against the list of ticket buyers, live at the door", RiskTier.High)]
    public void TheTechniqueInUse_KeepsItsTier(string text, RiskTier atLeast)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier >= atLeast, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }
}
