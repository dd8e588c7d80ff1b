using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 30: the biometric practices of Art. 5(1)(g) and 5(1)(h) read by their elements as the Act states them.
/// Art. 5(1)(g): the biometric input is any of the physical, physiological or behavioural features recital 15 lists
/// (the face, the voice, prosody, the gait, the body shape, the posture), not the face alone, and the categorisation is
/// the "assigning natural persons to specific categories" of Art. 3(40); the exemplars and element seeds of the rule now
/// say so, so a text that infers a trait of the Art. 9(1) list from a voice reads near the rule. Art. 5(1)(h), the
/// alternative with the law-enforcement purpose: the identification is the comparison with a reference database
/// (Art. 3(41): "against the national register"), a list named after the offences it holds ("anyone on the graffiti and
/// bag snatching lists"), or naming the persons with an aside between ("name, there and then, anyone"); real time is also
/// "while it [the crowd] moves". The set rows were rated lower on 820f1d5; the guards stay below Prohibited. Rules only.
/// </summary>
public sealed class RiskBiometricPracticeElementsRound30Tests
{
    [Theory]
    // fresh-r16, r15 (context), r29, r29 (context).
    [InlineData("Works out from the recorded voices of callers which of them are probably gay and adds a tag to their customer record", null)]
    [InlineData("kategorizacia tvari", "Camera at the entrance of a town hall during the election period: faces of visitors are sorted by the political leaning the model reads from them")]
    [InlineData("Officers watch the crowd under the cherry blossom in the park on screens that name, there and then, anyone ever fined for dropping litter", null)]
    [InlineData("T07 Controllo_accessi", "Lemon festival, town centre. Officers' cameras check every face in the crowd, while it moves, for anyone on the graffiti and bag snatching lists")]
    public void BiometricPracticeStatedByItsElements_IsProhibited(string text, string? context)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, context);

        Assert.True(after.Tier == RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // Post-event identification by the police (Annex III 1(a)), not real time; no public space.
    [InlineData("Police search the recorded CCTV footage from last week for the burglary suspect's face")]
    [InlineData("Police compare the faces in last month's protest videos against their database of activists")]
    [InlineData("Police check the arrested man's fingerprints against the national database at the station the next morning")]
    // No biometric data: number plates checked against a list while the traffic moves.
    [InlineData("Officers check number plates against the stolen vehicles list while traffic moves through the town centre")]
    // Verification of one's own identity, not identification; one's own phone.
    [InlineData("The e-gate compares the traveller's face with the photo in their own passport")]
    [InlineData("Unlock my phone with my face")]
    // Age is no trait of Art. 9(1); a trait recorded from a form, not inferred from biometric data.
    [InlineData("The vending machine camera estimates the buyer's age before selling cigarettes")]
    [InlineData("Record union membership from the form the member filled in")]
    [InlineData("Assign new members to the trade union branch of their region")]
    // Counting, animals, things.
    [InlineData("Count the visitors passing the entrance each hour")]
    [InlineData("Match the faces of the shelter's dogs against the lost-pet photos")]
    [InlineData("Tag the product photos with the shop's categories")]
    public void WithoutTheElements_IsNotProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
