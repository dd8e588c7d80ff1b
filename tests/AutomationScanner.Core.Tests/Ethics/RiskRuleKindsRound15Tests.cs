using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 15 (catalogue 2026.12.12): the kinds of case the rules still missed on fresh-r15, each fixed by a legal element
/// stated in more of the words of the legal texts (AI Act Art. 5(1)(d)-(f), (h) with recitals 42-44, 32-34 and Art. 3(42);
/// Annex III 1(b) with Art. 3(40) and recital 16, 3(d), 5(d); Art. 50(4) with Art. 3(60); Art. 6(3) with recital 53), not
/// by a case's wording; and the plural pronoun of an animal, which names no person. The sentences are written for these
/// tests (none is an evaluation case); each was rated otherwise with catalogue 2026.12.11, checked. The rules screen alone
/// (no labelled cases) judges them.
/// </summary>
public sealed class RiskRuleKindsRound15Tests
{
    private static RiskTier TierOf(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null).Tier;

    /// <summary>
    /// Art. 5(1)(e) (recital 43) in plain words: the faces kept, saved or cropped (the act) from posted videos or a car
    /// park's cameras (the source), so that anyone can be searched for (the database). Both were High before (Annex III 1).
    /// </summary>
    [Theory]
    [InlineData("Copy the face of everybody shown in the shared holiday videos of a travel forum into our face-matching product")]
    [InlineData("Retain a face crop from every image the car park cameras take so people can be searched for later")]
    public void UntargetedFaceCollection_InPlainWords_IsProhibited(string text) => Assert.Equal(RiskTier.Prohibited, TierOf(text));

    /// <summary>
    /// Art. 5(1)(h) (Art. 3(42): capture, comparison and identification without significant delay): faces checked while
    /// people walk in, those on a police list pointed out, on festival grounds. Minimal before.
    /// </summary>
    [Fact]
    public void LiveIdentification_InPlainWords_IsProhibited() =>
        Assert.Equal(RiskTier.Prohibited, TierOf("Cameras on the festival grounds check each visitor's face while they walk in and point out those the police have listed"));

    /// <summary>Art. 5(1)(f) (recital 44): the system named as a device that reads workers' feelings.</summary>
    [Fact]
    public void EmotionRecognitionAtWork_AsADevice_IsProhibited()
    {
        Assert.Equal(RiskTier.Prohibited, TierOf("Nurses feelings scanner"));
        Assert.Equal(RiskTier.Minimal, TierOf("Rate the mood of the songs in the playlist"));
    }

    /// <summary>
    /// Annex III 3(d): a vocational certification or qualification test watched through webcams (Minimal before); 5(d):
    /// which caller to an out-of-hours line needs a doctor soonest (Limited before, as a customer contact only).
    /// </summary>
    [Theory]
    [InlineData("Watch the webcam feed of each examinee during the remote plumbing qualification test and report anyone receiving assistance")]
    [InlineData("Invigilate the online language certificate through candidates' webcams and mark suspected cheats")]
    [InlineData("Decide which of the callers to the out-of-hours line needs a doctor soonest")]
    public void HighUses_InPlainWords_AreHigh(string text) => Assert.Equal(RiskTier.High, TierOf(text));

    /// <summary>
    /// Annex III 1(b) (Art. 3(40), recital 16: categories such as sex and age): age and gender estimated from a camera are
    /// biometric categorisation (before, these were High only by meaning of recruitment, H1, the wrong use).
    /// </summary>
    [Theory]
    [InlineData("Infer the age and gender of shoppers from the shop's door camera and split them into groups")]
    [InlineData("Guess how old each visitor is and whether male or female from the museum entrance camera")]
    public void AgeAndSexFromACamera_IsBiometricCategorisation(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);
        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.RuleId == "H5a-biometrics" && h.Applied);
    }

    /// <summary>
    /// Art. 6(3) with recital 53: indexing a claim's documents for the officer is preparatory (d); it is lifted to Limited,
    /// not High as before. Art. 50(4): a realistic video of an existing person saying what they never said is a deep fake.
    /// </summary>
    [Theory]
    [InlineData("Index the evidence documents of each housing benefit claim so the officer can search them")]
    [InlineData("Produce a convincing clip of our founder in his own voice recommending a product he never recommended")]
    public void PreparatoryTasksAndDeepFakes_AreLimited(string text) => Assert.Equal(RiskTier.Limited, TierOf(text));

    /// <summary>
    /// An animal's "their" names no person: the emotions of horses read from their posture are no emotion recognition of
    /// natural persons (Annex III 1 concerns persons; High before, the pronoun counted as a person). A document's "their"
    /// still stands for its persons, and the look-alikes of the widened elements stay Minimal.
    /// </summary>
    [Theory]
    [InlineData("Detect the emotions of horses from their posture to spot distress in the stable")]
    [InlineData("Check the badge photo of every employee at the entrance against the staff register")]
    [InlineData("Save every invoice attached to e-mails into the archive")]
    [InlineData("Keep the security camera recordings for thirty days then delete them")]
    [InlineData("Make a video of the new product for the website")]
    [InlineData("Predict which machines will fail from their vibration readings")]
    public void LookAlikes_StayMinimal(string text) => Assert.Equal(RiskTier.Minimal, TierOf(text));
}
