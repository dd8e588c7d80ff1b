using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 41: Annex III 4(b)'s consequences for workers in everyday words (let go, sent home, switched off, a lost chair,
/// left out of the shifts) tied to a measure of them ("whoever comes last", "with a low rating", "below the store
/// average"); emotion recognition read from faces or voices in everyday emotion words (panic, thrilled, fed up) is
/// Annex III 1, and Art. 5(1)(f) at work or school, whose safety exception is read in everyday words ("solely to trigger
/// evacuation alarms"); "their login no longer works" states no data kept; a log name's "decided owner would read".
/// </summary>
public sealed class RiskRound41Tests
{
    [Theory]
    // Written for this round (not labelled cases): a consequence for workers tied to a measure of them.
    [InlineData("The window-cleaning firm ranks its cleaners by panes done per hour; whoever comes last two months running is let go")]
    [InlineData("Stylists with a low rating lose their Saturday chair at the salon")]
    [InlineData("The grocery app switches off couriers who accept fewer than seven in ten jobs")]
    [InlineData("The rota tool leaves out of the late shifts every cashier whose scans per minute fell below the store average")]
    public void AConsequenceForWorkers_TiedToAMeasureOfThem_IsHigh(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // The same words about customers, players, machines or a seat: no worker, no work-related relationship.
    [InlineData("Customers with a low rating lose their loyalty bonus")]
    [InlineData("Whoever books first gets the window seat on the ferry")]
    [InlineData("Players with a low ranking lose their seeded spot in the tournament draw")]
    [InlineData("The scheduler leaves out of the weekend plan every machine whose maintenance is overdue")]
    public void TheSameWords_WithoutAWorker_AreNotHigh(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier < RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Labelled High (Annex III 4(b)) in fresh-r32, fresh-r34 and fresh-r36, rated Minimal or Limited before this round.
    [InlineData("The armadillo cleaning company tracks its cleaners' phones during shifts. The app turns rooms done per hour into a ranking. Whoever comes last three months running is let go", null, "fresh-r32")]
    [InlineData("The Mohair food delivery app switches off couriers who accept fewer than eight in ten orders over two weeks; after that their login no longer works", null, "fresh-r34")]
    [InlineData("The Mekong hairdressing chain's booking app rates stylists by how many clients rebook with them; stylists with a low rating lose their Saturday chair", null, "fresh-r36")]
    [InlineData("Vaktaskipulag", "Chisel discount stores. The step publishes the shift plan. Since autumn the planner leaves out of the weekend shifts every cashier whose items scanned per minute fell below the store average", "fresh-r34")]
    public void LabelledWorkerCases_AreHigh(string text, string? context, string batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    [InlineData("after that their login no longer works")]
    [InlineData("The warehouse logs no longer than thirty days of scanner data")]
    public void NoLonger_AfterALogWord_IsNoNegatedPractice(string text)
    {
        Assert.Null(TaskText.WithoutNegatedPractices(text));
    }

    [Theory]
    [InlineData("The app stores no payment details", "The app stores")]
    [InlineData("The joinery thought about having software rank job applications but decided owner would read every one herself; the tool books rooms", "the tool books rooms")]
    [InlineData("The joinery thought about having software rank job applications but decided the owner would read every one herself; the tool books rooms", "the tool books rooms")]
    public void ANegatedPractice_IsStillStripped(string text, string kept)
    {
        var stripped = TaskText.WithoutNegatedPractices(text);
        Assert.NotNull(stripped);
        Assert.Contains(kept, stripped, StringComparison.Ordinal);
        Assert.DoesNotContain("rank job applications", stripped, StringComparison.Ordinal);
    }

    [Fact]
    public void ADecisionForTheSoftware_IsNoNegation()
    {
        Assert.Null(TaskText.WithoutNegatedPractices("The joinery thought about having software rank job applications but decided it would rank only the first hundred"));
    }

    [Theory]
    // Written for this round: emotion recognition from faces or voices, outside work and school (Annex III 1).
    [InlineData("A camera at the museum exit reads from visitors' faces whether they are bored or thrilled")]
    [InlineData("The clinic's tablet estimates from their faces how anxious patients are during treatment, only to help the dentist pace the work")]
    // At work, for safety (the Art. 5(1)(f) exception): Annex III 1, not prohibited.
    [InlineData("A cab camera watches the crane operator's face for panic, solely to trigger the emergency stop")]
    [InlineData("A camera in each forklift reads whether the driver is panicking, for safety, and slows the truck")]
    public void EmotionRecognition_InEverydayWords_IsHigh(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // At work without a medical or safety reason: Art. 5(1)(f).
    [InlineData("Software judges from the call agents' voices how fed up they sound, and the figures go into their appraisal")]
    [InlineData("Trainee lifeguards are filmed during the course and software judges from their faces how nervous or cheerful they seem for their training record")]
    public void EmotionRecognition_AtWork_IsProhibited(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Emotion words without a person's face or voice, or about a river: no emotion recognition.
    [InlineData("The camera at the weir reads whether the river is calm enough for the rowing club")]
    [InlineData("Read the product reviews and tag each one as happy or unhappy")]
    public void EmotionWords_WithoutAPersonsFaceOrVoice_AreNotEmotionRecognition(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.RuleId is "H5a-biometrics" or "P1-emotion-recognition" && h.Evidence.Scope == EvidenceScope.Text && h.Evidence.Similarity is null);
        Assert.True(assessment.Tier < RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Fact]
    public void PickingOutPeopleByTheirFaces_FromSomeWayOff_IsRemoteIdentification()
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), "The stadium's cameras pick out banned fans in the queue by their faces while they are still some way off", null);
        Assert.True(assessment.Tier >= RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Hostile texts for this round's patterns, as long as a scan hands the screen (see RiskRound39Tests).
    [InlineData("stylists with a low rating lose their chair ")]
    [InlineData("whoever whoever anyone who ")]
    [InlineData("reads from faces whether panicking ")]
    [InlineData("some way off pick out holders ")]
    [InlineData("leaves out of out of the shifts ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "is let go");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }
}
