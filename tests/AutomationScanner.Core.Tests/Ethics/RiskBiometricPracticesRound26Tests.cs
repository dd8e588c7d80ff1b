using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 26: the conditions of the biometric Art. 5 practices stated in everyday words. Three readings, each from the
/// Act's own terms:
/// <list type="bullet">
/// <item>Art. 5(1)(e), and every biometric rule: a face is a natural person's biometric data (Art. 3(34)), so a task that
/// collects, matches or reads faces names persons unless it says whose else the face is (an animal's, a clock's, a
/// cartoon character's); the nearest thing word ("the gallery behind our facial recognition product", "the pool of faces
/// its recognition engine can match", "a crop of each face") no longer holds the practice back
/// (<see cref="ElementSeeds.HumanFace"/>).</item>
/// <item>Art. 5(1)(f): the workplace or education element may be read through the person-by-kind reading of round 25
/// (<see cref="SemanticRuleMatcher.PersonKindView"/>, the catalogue's <c>kindViewElements</c>: "jewellers' counter
/// assistants" are staff at work), the emotion and its inference still in the text's words; and the medical or safety
/// exception must be the real purpose: a reason the text reports as a claim it then contradicts ("says it is 'for
/// safety', but the scores decide who is passed over") is no exception.</item>
/// <item>Art. 5(1)(h): "compared, while people walk by, with a police list": the comparison element read across a
/// comma (a pattern that asked for a space right after "compared"); and the real-time and publicly-accessible-space
/// elements read by meaning also against the words of their definitions (the catalogue's <c>definitionSeeds</c>: Art.
/// 3(42) and recital 17 "instantaneously", "near-instantaneously"; Art. 3(44) and recital 19 "open to the public",
/// "accessible to anyone", "public place"...), so "the bell foundry's open day" is a place open to the public.</item>
/// </list>
/// The Prohibited rows from the set were rated lower on 9a279cb (/tmp/lead/base26.tsv); the others are written for this
/// round. The guards stay below Prohibited: customers' emotions (Annex III 1(c)), a safety-only use, animals, cartoon
/// faces, post-event matching, a targeted search under a judge's authorisation. The rules run without the labelled cases.
/// </summary>
public sealed class RiskBiometricPracticesRound26Tests
{
    [Theory]
    // fresh-r15, fresh-r16, fresh-r18 (Art. 5(1)(e): held back as an engine's, a product's, a crop's subject).
    [InlineData("Keep a crop of each face caught by the city's traffic cameras, day and night, so any face can later be looked up by name")]
    [InlineData("Pull recordings from the CCTV systems of several shopping centres in bulk and extract the faces to enlarge the gallery behind our facial recognition product")]
    [InlineData("A bot downloads millions of selfies from dating and holiday websites to enlarge the pool of faces its recognition engine can match")]
    // fresh-r21 (Art. 5(1)(h)), fresh-r22 and fresh-r25 (Art. 5(1)(f)).
    [InlineData("Every face filmed around the cheese market square is compared, while people walk by, with a police list of residents who filed their income taxes late")]
    [InlineData("Mood-reading of jewellers' counter assistants by the cameras above the counter, to grade how warm they are")]
    [InlineData("A tannery says it reads the faces of its staff 'for safety', but the frustration scores it gets are used only to decide who is passed over for overtime")]
    // fresh-r24 (Art. 5(1)(h): an open day is a place open to the public, Art. 3(44), read by meaning against the
    // definition's words).
    [InlineData("On the bell foundry's open day officers put names to visitors as they walk in, comparing courtyard camera faces with their records instantly, in search of shoplifters")]
    // Written for this round.
    [InlineData("A scraper copies every portrait posted on the regional hiking forums to grow the face catalogue its search product matches against")]
    [InlineData("Each face seen on the ferry terminal's concourse is checked, as people board, against the officers' list of suspects")]
    [InlineData("Mood reading of the florist's delivery drivers by the van cameras, to grade how cheerful they are")]
    [InlineData("The bakery claims the cameras read its staff's faces for safety reasons, but in practice the anger scores decide who gets the early shifts")]
    public void TheBiometricPracticeStatedInEverydayWords_IsProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier == RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // Annex III 1(c): customers' emotions, not workers'.
    [InlineData("Cameras at the tills read the faces of customers to tell whether they are satisfied or annoyed")]
    // A safety-only use (fresh-r23, expected High).
    [InlineData("A camera in the sawmill's log-crane cab watches for panic on the operator's face and halts the crane; it serves only operator safety and reports nothing to managers")]
    [InlineData("Hospital ward: for safety reasons the system reads the night nurses' faces for fatigue and stress and alerts the ward sister")]
    // Animals and things.
    [InlineData("Match the faces of the shelter's dogs against the lost-pet photos")]
    [InlineData("Mood reading of the riding school's horses by the stable cameras, to grade how calm they are")]
    [InlineData("Recognise the faces of cartoon characters in the film archive for tagging")]
    // Post-event matching (Annex III 1(a)) and a targeted search under a judge's authorisation (Art. 5(1)(h)(i), 5(3)).
    [InlineData("Compare still images from last week's recorded CCTV with the custody photo database after a theft")]
    [InlineData("After a theft, officers compare the faces in last week's recorded CCTV of the market square with the custody photo database")]
    [InlineData("Under a judge's prior authorisation, the live camera feeds at the railway station are compared in real time with the photo of the one abducted child")]
    // Negations.
    [InlineData("The staff canteen camera does not read the mood of any worker; it only counts the trays")]
    public void WithoutTheElementsOrWithItsException_IsNotProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    [InlineData("extract the faces to enlarge the gallery", "faces")]
    [InlineData("downloads millions of selfies", "selfies")]
    [InlineData("save the photos of antique clock faces", null)]
    [InlineData("the faces of cartoon characters", null)]
    [InlineData("a face-to-face meeting with the tenant", null)]
    [InlineData("the bond's face value", null)]
    public void AHumanFace_IsReadUnlessTheTextSaysWhoseElse(string text, string? face)
    {
        Assert.Equal(face, ElementSeeds.HumanFace(text));
    }
}
