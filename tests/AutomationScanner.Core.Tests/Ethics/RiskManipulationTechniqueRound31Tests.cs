using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 31: Art. 5(1)(a) and (b) read by their elements where the text states the technique by its method or its
/// effect rather than by the Act's adjectives (the Act, recitals 28-29, the Commission's guidelines on prohibited
/// practices of February 2025 and the EDPB guidelines 03/2022 on deceptive design patterns). Point (a)'s technique:
/// an extra added to the person's purchase without their choice ("sneaking into the basket"), the refusal option moved
/// or recoloured (an inconsistent interface), a stimulus shown for milliseconds or "so brief that nobody registers it"
/// (below the threshold of awareness), an option one can "hardly spot" or has "no way to find"; a technique beyond
/// awareness named with its aim ("subconscious nudging", "covert persuasion") states both the technique and the
/// objective of distorting behaviour. Point (b)'s exploitation: telling a vulnerable person (a child, an old or
/// disabled person) that someone or something will suffer unless they pay (guilt and emotional pressure on a person who
/// cannot weigh it), and the age of a child stated by school stage. Honest notices of a real consequence, reminders,
/// accessibility help, offers a buyer adds themselves and protective child modes stay as they were. The Prohibited rows
/// were rated lower on 77f1e99 (the set cases are in data/risk-evaluation; the other rows were written for this test
/// before the failing cases were read); the rules are run without the labelled cases.
/// </summary>
public sealed class RiskManipulationTechniqueRound31Tests
{
    [Theory]
    // fresh-r8 (Minimal on 77f1e99): an extra added to every basket, left for the buyer to notice.
    [InlineData("Quietly add a charity donation to every basket at checkout and leave it to shoppers to notice and remove it")]
    // fresh-r8 (Minimal): the refusal option moved and recoloured on every visit.
    [InlineData("Swap the place and colour of the privacy buttons on every visit so that people end up accepting all tracking")]
    // fresh-r23, r24, r26 (Minimal): a technique beyond awareness named with its aim.
    [InlineData("Inaudible persuasion tones in barbershop app")]
    [InlineData("Subconscious nudging in pizzeria kiosk")]
    [InlineData("Covert persuasion cues, waterpark till")]
    // fresh-r23 (Minimal): paid extras slipped into the basket of a buyer who will hardly spot them.
    [InlineData("The funfair ride booking assistant notices that someone enlarges the page a lot and reads slowly, and slips paid ride insurance and priority passes into the basket, knowing this buyer will hardly be able to spot and remove them")]
    // fresh-r22 (High): a paid plan added quietly, with no way to find and cancel it.
    [InlineData("A voice assistant on a mobility-aid shop's phone line notices callers who need every line read out to them and quietly adds a paid cover plan that they have no way to find and cancel")]
    // fresh-r24 (High), fresh-r27 (Limited): a child told that something will suffer unless it pays.
    [InlineData("The bouncy castle hire site's chat works out from spelling slips and very short replies that it is talking to a primary-school pupil, then says the birthday will be ruined unless the pupil presses pay with the parent's saved card")]
    [InlineData("A cartoon chatbot in the children's hospital games room urges young patients to tap their parents' saved card for healing gems, telling them the nurses will be sad if they don't")]
    // Written for this round before the failing cases were read (other settings and words).
    [InlineData("The parking app quietly includes a premium cleaning add-on in each payment, which drivers only see if they open the receipt")]
    [InlineData("Frames with the brand logo are inserted too briefly to be seen in the gym's workout videos so that members buy the supplement shakes")]
    public void ATechniqueStatedByItsMethodOrEffect_IsProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(RiskTier.Prohibited, after.Tier);
    }

    [Theory]
    // Honest offers, reminders and notices of a real consequence, also to older people or parents.
    [InlineData("Remind subscribers by e-mail two days before their yearly plan renews, with a link to cancel")]
    [InlineData("Warn elderly customers that their parcel will be returned to the sender unless they pay the customs fee")]
    [InlineData("Tell a pensioner on the phone that the overdue library fine will grow unless they pay it this month")]
    [InlineData("Inform patients that their appointment slot will be released if they don't confirm it")]
    [InlineData("Tell tenants that the heating will be off tomorrow unless the boiler part arrives")]
    // A related product the buyer adds themselves, an open donation request, personalised recommendations.
    [InlineData("Suggest a matching phone case in the cart, which the buyer can add with one click")]
    [InlineData("The charity's page asks visitors openly whether they would like to add a donation before they pay")]
    [InlineData("Show personalised product recommendations based on what the shopper viewed")]
    [InlineData("Quietly add a free sample to every basket as a thank-you")]
    [InlineData("Quietly add the order to the evening batch so the warehouse can pick it")]
    // Layout changes that steer nothing, timings, brief animations.
    [InlineData("Move the save button to the top of the form so users find it faster")]
    [InlineData("Let users change the colour and position of the buttons in their dashboard")]
    [InlineData("Rotate the position of the promo banners on the home page every week")]
    [InlineData("Log the page load time in milliseconds for every checkout visit")]
    [InlineData("Show the store's opening hours for a split second on the welcome screen animation")]
    // Accessibility help and protection of children.
    [InlineData("Offer large print and a read-aloud option to visitors who enlarge the page")]
    [InlineData("Detect whether the person on the app is a child and block purchases until a parent confirms")]
    public void AnHonestOrProtectiveUse_IsNotProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
