using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 27: Art. 5(1)(a) and (b) stated by their effect, read through their elements (the Act, recitals 28-29 and the
/// Commission's guidelines on prohibited practices of February 2025). Art. 5(1)(b) covers a system that exploits a
/// vulnerability due to age, disability or a social or economic situation; a system that itself infers that the person
/// it talks to is very old, confused, a child or disabled and then has them buy or sign on harmful terms exploits the
/// vulnerability it inferred (the catalogue's fourth P4 alternative: the person's own binding act, the system's
/// inference of the vulnerability, the vulnerability, a harmful term). Art. 5(1)(a)'s deception includes a made-up
/// fact ("makes up", the verb of the catalogue's "made-up"). The elements may be read by meaning against seeds written
/// from the Act's and the guidelines' words (stimuli too brief to be noticed, false information, cognitive decline,
/// credulity, financial harm), and a Limited rule (the contact of Art. 50) is no rival reading of a technique deployed
/// through that contact. Honest offers and reminders, age checks that protect children, accessibility help and patient
/// service for older callers stay as they were. The Prohibited rows were rated lower on 21ec9d5 (the set cases are in
/// data/risk-evaluation; the other rows were written for this test); the rules are run without the labelled cases.
/// </summary>
public sealed class RiskManipulationElementsRound27Tests
{
    [Theory]
    // fresh-r24 (Limited on 21ec9d5): the vulnerability inferred by the chat, the most expensive package signed.
    [InlineData("The undertaker's web chat spots recently widowed callers over eighty who sound muddled and tells them the cheaper coffins would be disrespectful, until they sign for the most expensive package", null)]
    // fresh-r25 (Minimal on 21ec9d5): pictures too brief to be noticed (the guidelines' subliminal stimuli).
    [InlineData("Between product photos the watch repair website inserts pictures too brief for the eye to catch, priming visitors towards the lifetime servicing plan; buyers discover servicing contracts worth hundreds they had no intention of signing", null)]
    // fresh-r26 (Minimal on 21ec9d5): rival bids the software makes up.
    [InlineData("The truffle auction app shows a ticking clock and rival bids that the software makes up itself, so diners keep topping each other well past the sum they had set aside; some had to borrow money to settle what they won", null)]
    // fresh-r16 (Limited on 21ec9d5): a step of a process whose description states the practice.
    [InlineData("ASIAKASSOITTO_JATKO", "Finnish electricity retailer, outbound calls: the voicebot listens for hesitation and memory lapses that suggest dementia in older customers and keeps those calls going until they agree to a five-year fixed contract at twice the market price")]
    // fresh-r24 (Minimal on 21ec9d5): a made-up storm warning, a step of the described checkout.
    [InlineData("Lisämyynti_ehdotus", "Motorhome rental checkout. The booking bot makes up a storm warning for the renter's route and insists only the gold cover protects the vehicle, so families buy insurance costing more than the trip itself")]
    // Written for this round.
    [InlineData("The ferry ticket line's voice bot works out that a caller is elderly and keeps talking until they agree to pay for the most expensive cabin upgrade", null)]
    public void APracticeStatedByItsEffect_IsProhibited(string text, string? context)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, context);

        Assert.Equal(RiskTier.Prohibited, after.Tier);
    }

    [Theory]
    // Ordinary marketing, honest reminders and discounts.
    [InlineData("Offer a ten per cent discount to customers who have bought from us before")]
    [InlineData("Remind subscribers by e-mail two days before their yearly plan renews, with a link to cancel")]
    // An age check that protects children.
    [InlineData("Detect whether the person on the app is a child and block purchases until a parent confirms")]
    // Accessibility help that sells nothing; patient service for older callers with no pressure.
    [InlineData("Notice when a visitor enlarges the page and offer to read the text aloud")]
    [InlineData("Give older callers who need more time a slower phone menu and a person to talk to, with no sales offers")]
    // An A/B test of layouts.
    [InlineData("Test two layouts of the checkout page to see which one customers find faster to use")]
    public void AnHonestOrProtectiveUse_IsNotProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
