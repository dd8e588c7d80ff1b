using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 42: practices stated in everyday words that the screen rated lower. Art. 5(1)(h): police checking every face in a
/// public place as people pass ("face ID", "as they climb in", "at a tram stop"); Annex III 5(d): who is seen first at a
/// hospital's door, on a night GP line or in labour ("decides in which order", "told to come in now"), and a dispatcher who
/// sends crews "in the order it shows" does no narrow procedural task (Art. 6(3)); GDPR Art. 22: a clerk approving in bulk
/// "without opening any", a fine and surcharge added automatically, travel tickets cancelled unchecked, a list shared
/// "with every rental firm" (the firms receive it, the decision is about people); Annex III 4(b): pay or a warning worked
/// out from where workers are or how slow they were, training withheld from staff "rated likely to leave"; Art. 5(1)(a):
/// frames or voices slipped in "for a few milliseconds" or "below hearing level"; Art. 5(1)(c): a score built from two or
/// more areas of a person's life (parking fines, court judgments, what they post online) that costs them elsewhere.
/// </summary>
public sealed class RiskRound42Tests
{
    [Theory]
    // Written for this round (not labelled cases), one per reading.
    [InlineData("The transit police scan every face on the station concourse as people pass, to catch pickpockets on their list", RiskTier.Prohibited)]
    [InlineData("Market-day face ID: the town police run every shopper's face against their wanted photos as they walk in", RiskTier.Prohibited)]
    [InlineData("The casino app flashes images of big winners for a few milliseconds between spins so that players stake more", RiskTier.Prohibited)]
    [InlineData("A residents' app builds a decency score from neighbours' complaints, parking fines and what people post online; residents under the line pay higher fees at the town pool", RiskTier.Prohibited)]
    [InlineData("The night GP line's chatbot decides whether a caller needs a doctor tonight or can wait until morning", RiskTier.High)]
    [InlineData("At the hospital entrance a tablet decides in which order arriving patients see a nurse", RiskTier.High)]
    [InlineData("A clerk approves the parking penalty notices in bulk, without opening any", RiskTier.High)]
    [InlineData("Add the late-payment surcharge to the toll fine automatically when the plate camera finds no payment", RiskTier.High)]
    [InlineData("The rail company's system cancels train tickets it flags as misused and keeps the fare, without anyone checking", RiskTier.High)]
    [InlineData("Couriers' phones log where they are every minute, and their weekly bonus is worked out from that trail", RiskTier.High)]
    [InlineData("At the bottling plant, whoever is among the ten slowest on the line gets a written warning", RiskTier.High)]
    [InlineData("Staff rated likely to leave by the attrition model are no longer offered training courses", RiskTier.High)]
    [InlineData("Software gives the best delivery rounds to the postal carriers with the fewest complaints", RiskTier.High)]
    public void APracticeInEverydayWords_GetsItsTier(string text, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // The same words where the practice is missing: 'live' as a verb, payers not workers, pins not workers, cots not
    // patients, IT tickets, invoices from firms, a guest list.
    [InlineData("The police check every face of people who live in the town against the passport photos when they renew them", RiskTier.Prohibited)]
    [InlineData("Whoever is among the five slowest payers at the bakery gets a warning letter about late invoices", RiskTier.High)]
    [InlineData("Lane attendants log the pins that break every minute and the maintenance contract is based on that", RiskTier.High)]
    [InlineData("The restaurant app decides in which order the kitchen cooks the orders", RiskTier.High)]
    [InlineData("The maternity ward's app decides in which order the cots are cleaned", RiskTier.High)]
    [InlineData("The system closes stale IT support tickets without anyone checking first", RiskTier.High)]
    [InlineData("A clerk approves the supplier invoices in bulk without opening any", RiskTier.High)]
    [InlineData("Live music at the town square; the police check every ticket against the guest list", RiskTier.Prohibited)]
    public void TheSameWords_WithoutThePractice_StayBelowItsTier(string text, RiskTier below)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier < below, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Labelled in fresh batches, rated lower before this round.
    [InlineData("Live crowd face ID for petty offences, crater town police", null, "fresh-r31", RiskTier.Prohibited)]
    [InlineData("Baldur police checking every face at a tram stop as it happens to catch fare dodgers", null, "fresh-r38", RiskTier.Prohibited)]
    [InlineData("At the Damask hospital's front door the intake tablet decides in which order arriving patients are examined", null, "fresh-r34", RiskTier.High)]
    [InlineData("Police and fire dispatch in rambutan county: a system sorts incoming calls, and the dispatcher sends crews in the order it shows", null, "fresh-r32", RiskTier.High)]
    [InlineData("The model puts car-rental customers on a do-not-rent list shared with every rental firm in the country; a clerk approves each batch of 500 names in under a minute", null, "fresh-r17", RiskTier.High)]
    [InlineData("The Perseus translation agency tracks each in-house translator's time on screen and edits per hour, and this sets their yearly pay rise", null, "fresh-r35", RiskTier.High)]
    [InlineData("Baroque radio station slipping a voice below hearing level into its songs that urges listeners to ring the paid quiz number", null, "fresh-r38", RiskTier.Prohibited)]
    [InlineData("Charge hikers a higher overnight price at the mountain huts when the alpine club's goodwill points mark them down for complaints they wrote about the club, a court judgment against them and a divorce", null, "fresh-r14", RiskTier.Prohibited)]
    [InlineData("FaDan_ShengCheng", "Kazoo town parking enforcement. Cameras read number plates. Penalty notices are generated, and a clerk approves a thousand a day in bulk without opening any", "fresh-r31", RiskTier.High)]
    public void LabelledCases_GetTheirTier(string text, string? context, string batch, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Hostile texts for this round's patterns, as long as a scan hands the screen (see RiskRound39Tests).
    [InlineData("checking every face at a tram stop as they climb in ")]
    [InlineData("decides in which order arriving patients ")]
    [InlineData("approves in bulk without opening any ")]
    [InlineData("a few milliseconds frames so that players stake ")]
    [InlineData("gym attendance parking fines divorce court judgments ")]
    [InlineData("where they are every minute bonus worked out from ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "is let go");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }
}
