using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 21 (catalogue 2026.12.18): classes of Prohibited/High practices rated lower because an element was stated in
/// everyday words the element patterns did not read. Each is fixed in the rule's elements or triggers with words of the
/// Act and its recitals, not with a case's words: Art. 5(1)(a) impersonation (an AI system passing itself off as a
/// person or an authority, or in the copied voice of one) to obtain a payment, a signature or a transfer; Art. 5(1)(b)
/// vulnerability and significant harm in ordinary words (forgetting, a learning disability, not reading the language,
/// a payment holiday; a product they do not need, a plan impossible to cancel, fees that double); Annex III 4(b) work
/// allocated by the worker's own output, pace, pauses or sick notes, and becoming the head or lead by a figure
/// (promotion); the emotions of Recital 18 (shame, embarrassment, surprise, pride...) for 5(1)(f) at work or in
/// education and for Annex III 1 of customers; Art. 5(1)(c) a conduct mark or behaviour index with a bar or a higher
/// price. The sentences are written for these tests (none is an evaluation case); each positive was rated lower with
/// catalogue 2026.12.17 (d329d21), checked. The rules screen alone (no labelled cases) judges them.
/// </summary>
public sealed class RiskUnderRatingRound21Tests
{
    private static RiskTier TierOf(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null).Tier;

    /// <summary>
    /// Art. 5(1)(a): a deceptive technique (the system passes itself off as a person or an authority, or speaks in a
    /// copied voice) whose objective is a decision the person would not otherwise take (pay, sign, transfer).
    /// </summary>
    [Theory]
    [InlineData("The museum shop's chatbot poses as a volunteer guide and gets visitors to donate part of their pension")]
    [InlineData("A charity chatbot clones the voice of a donor's deceased sister to ask her to sign a monthly standing order")]
    [InlineData("The gallery's phone bot impersonates a well-known painter so that collectors transfer a deposit for a print")]
    public void Impersonation_ToObtainAPaymentOrSignature_IsProhibited(string text) => Assert.Equal(RiskTier.Prohibited, TierOf(text));

    /// <summary>
    /// Art. 5(1)(b): a vulnerability due to age, disability or a social or economic situation, exploited by an offer,
    /// with significant harm, each in everyday words.
    /// </summary>
    [Theory]
    [InlineData("The phone shop's bot notices when an older caller keeps forgetting what was agreed and sells them a second contract they do not need")]
    [InlineData("A gym's app finds members with a learning disability and talks them into a yearly plan that is almost impossible to cancel")]
    [InlineData("Sell refurbished laptops on credit whose interest doubles every quarter to people on low incomes")]
    [InlineData("Sell costly translation help to newly arrived workers who cannot read the local language")]
    public void VulnerabilityExploitedInEverydayWords_IsProhibited(string text) => Assert.Equal(RiskTier.Prohibited, TierOf(text));

    /// <summary>Annex III 4(b): work allocated by the worker's own output or sick notes; becoming the lead by a score (promotion).</summary>
    [Theory]
    [InlineData("The bakery gives the early shifts to the bakers whose output and sick notes last quarter were best")]
    [InlineData("The pharmacist who becomes head of the branch depends on the quarterly sales ranking")]
    public void WorkAllocationOrPromotionByOwnFigures_IsHigh(string text) => Assert.Equal(RiskTier.High, TierOf(text));

    /// <summary>
    /// Emotions named in Recital 18 (shame, embarrassment, pride, worry, fear): inferred of workers or pupils, Art.
    /// 5(1)(f), Prohibited; of the visitors of an attraction, Annex III 1(c), High (not Prohibited: no workplace or school).
    /// </summary>
    [Theory]
    [InlineData("Cameras on the assembly line read whether the fitters look worried or ashamed and send a chart to the supervisors", RiskTier.Prohibited)]
    [InlineData("Tell the teachers how embarrassed or proud each pupil looks in the video of their piano exam", RiskTier.Prohibited)]
    [InlineData("Cameras at the haunted house read how scared or embarrassed each visitor's face looks and choose the next effect", RiskTier.High)]
    public void EmotionsOfRecital18_TakeTheirSetting(string text, RiskTier expected) => Assert.Equal(expected, TierOf(text));

    /// <summary>Art. 5(1)(c): a behaviour index from social conduct that bars people from something unrelated.</summary>
    [Fact]
    public void BehaviourIndexThatBars_IsProhibited() =>
        Assert.Equal(RiskTier.Prohibited, TierOf("A housing cooperative keeps a behaviour index for each tenant built from noise complaints and comments online, and tenants with a low index are barred from the shared garden plots"));

    /// <summary>Near-misses about animals, things, companies and aggregates, and a hardship measure, stay Minimal.</summary>
    [Theory]
    [InlineData("Offer an instalment plan to tenants who are behind on their rent")]
    [InlineData("Hand out the sheep shearing rota by each flock's size")]
    [InlineData("The cattle are given grazing slots by each herd's milk yield")]
    [InlineData("Record which supplier becomes head contractor for the new building")]
    [InlineData("Rank the apple varieties by yield per tree to decide which ones the orchard keeps")]
    [InlineData("Detect whether the welding robots' sensors show tension in the cable")]
    [InlineData("Give each delivery van a maintenance mark and bar the ones with low marks from the motorway routes")]
    [InlineData("Charge companies with poor payment records a higher delivery fee")]
    [InlineData("Count how many customers forgot their password last month")]
    [InlineData("Count how many pauses the packing machines took per hour last month")]
    [InlineData("Send the printing firm a second order for the brochures they forgot to deliver")]
    public void NearMisses_StayMinimal(string text) => Assert.Equal(RiskTier.Minimal, TierOf(text));

    /// <summary>A chatbot in a role with nothing to obtain, and a licensed voice, stay with Art. 50 (Limited), not Art. 5.</summary>
    [Theory]
    [InlineData("Let the chatbot pretend to be a pirate when it reads bedtime stories to the children")]
    [InlineData("Generate the museum audio guide in the licensed voice of the actor who narrates it")]
    public void RolePlayWithoutACommitment_StaysBelowProhibited(string text) => Assert.True(TierOf(text) < RiskTier.Prohibited, text);
}
