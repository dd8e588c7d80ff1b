using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 18 (catalogue 2026.12.15): the legal elements that separate neighbouring rules. Art. 5(1)(f) prohibits emotion
/// recognition in the areas of the workplace and education, where the persons read are workers or students; the emotions
/// of customers, callers or an audience are Annex III 1(c), High. Art. 5(1)(g) needs a protected trait; age and sex read
/// from an image are Annex III 1(b). GDPR Art. 22 with WP251rev.01: a solely automated ban or suspension of a natural
/// person from a platform or service (a seller, a host, a borrower) is a decision with a similarly significant effect; a
/// company's is not. Annex III 4(b): work (shifts, rounds, slots) allocated by ratings or behaviour. Art. 6(3): a singular
/// role noun names the person whose assessment the task prepares. The sentences are written for these tests (none is an
/// evaluation case); the rules screen alone (no labelled cases) judges them.
/// </summary>
public sealed class RiskElementsRound18Tests
{
    private static RiskAssessment Assess(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

    private static RiskTier TierOf(string text) => Assess(text).Tier;

    /// <summary>Emotions of members of the public, read from faces or voices: Annex III 1(c), not Art. 5(1)(f).</summary>
    [Theory]
    [InlineData("Infer the frustration of museum visitors from their faces at the exhibits and tell the attendant staff where to go")]
    [InlineData("A microphone at the ticket desk reads passengers' anger from their voices and alerts the station staff")]
    [InlineData("Read the spectators' faces during the match to measure delight and boredom for the broadcaster's staff")]
    public void EmotionsOfThePublic_AreHighNotProhibited(string text)
    {
        var assessment = Assess(text);
        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "H5a-biometrics");
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.RuleId == "P1-emotion-recognition");
    }

    /// <summary>Guards: the emotions of workers or students stay Art. 5(1)(f), also when customers are named beside them.</summary>
    [Theory]
    [InlineData("Measure how stressed the call-centre agents sound when customers complain")]
    [InlineData("Read the pupils' boredom from the classroom camera during lessons")]
    public void EmotionsOfWorkersOrPupils_StayProhibited(string text) => Assert.Equal(RiskTier.Prohibited, TierOf(text));

    /// <summary>Guard: age and sex read from an image are Annex III 1(b) (recital 16), not a trait Art. 5(1)(g) protects.</summary>
    [Fact]
    public void AgeAndSexFromAnImage_AreHighNotProhibited()
    {
        var assessment = Assess("Guess the age bracket and sex of each passer-by from the shop window camera to pick the advert shown");
        Assert.Equal(RiskTier.High, assessment.Tier);
    }

    /// <summary>
    /// GDPR Art. 22: a natural person banned, suspended or deactivated on a platform or from a service by the system alone,
    /// with no person to appeal to (Minimal before: the act and its object were not in the rule's lists).
    /// </summary>
    [Theory]
    [InlineData("Ban a holiday-flat host from the booking platform for good when the system suspects fake listings, with no appeal to a person")]
    [InlineData("The gym's system suspends members who miss three payments and locks them out, with nobody checking")]
    [InlineData("Automatically end the tenancy of garage renters who miss two payments, with no one reviewing it")]
    public void PlatformBanOfAPerson_IsHigh(string text) => Assert.Equal(RiskTier.High, TierOf(text));

    /// <summary>Guards: a company's account, and a product listing, are not a natural person's (GDPR Art. 22 covers persons).</summary>
    [Theory]
    [InlineData("Ban a wholesale company's account from the platform automatically when its invoices are overdue, with no appeal to a person")]
    [InlineData("Remove the product listings with broken images automatically, without any human review")]
    public void CompanyOrThing_IsNotHigh(string text) => Assert.True(TierOf(text) < RiskTier.High, text);

    /// <summary>Annex III 4(b): work allocated by ratings or behaviour, named by the work itself (Minimal before).</summary>
    [Theory]
    [InlineData("Give the best-paid night rounds to the security guards the app scores as most punctual")]
    [InlineData("Offer the first pick of delivery slots to whoever has the best acceptance rate")]
    [InlineData("Track each plumber's call-outs and score their working speed for the quarterly appraisal")]
    public void WorkAllocatedOrMonitoredByBehaviour_IsHigh(string text) => Assert.Equal(RiskTier.High, TierOf(text));

    /// <summary>Guards: animals and things allocated or rated, and an aggregate figure, are no work relationship.</summary>
    [Theory]
    [InlineData("Give the best stable slots to the horses with the highest race ratings")]
    [InlineData("Give the earliest delivery slots to the customers with the highest loyalty ratings")]
    [InlineData("Assign the delivery routes to the vans with the best fuel economy")]
    [InlineData("Report the average rating of all delivery slots per month")]
    public void AnimalsThingsAggregates_StayBelowHigh(string text) => Assert.True(TierOf(text) < RiskTier.High, text);

    /// <summary>
    /// Art. 6(3): a preparatory or procedural act for a person named by a singular role noun, in an Annex III setting, is
    /// Limited (Minimal before: the person check read plural agent nouns only).
    /// </summary>
    [Theory]
    [InlineData("Translate the witness statements into Polish for the case officer")]
    [InlineData("Transcribe the recorded appeal hearing for the presiding adjudicator")]
    public void PreparatoryActForARole_IsLimited(string text) => Assert.Equal(RiskTier.Limited, TierOf(text));
}
