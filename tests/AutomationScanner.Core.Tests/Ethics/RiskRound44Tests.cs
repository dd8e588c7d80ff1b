using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 44: Art. 5(1)(b) in the words its labelled cases use for a vulnerability and for the harm of the offer made
/// to it (customers "past eighty", homes "late with their electricity payments"; a contract "three times dearer", "its
/// dearest loan", owing double, a second contract for what they already pay for, ringing "until they agree", a skin said to
/// look ill without the sessions sold); an animal's name that names a business ("the moose copper mine", "the falcon
/// warehouse") is no animal, so the persons the text reads are persons; a buy-now-pay-later process is a lending process
/// and an international protection (asylum) division a public authority; GDPR Art. 9 for health conditions and records
/// in everyday words (epilepsy, asthma, injuries, a patient's X-rays, doctor's notes, being hard of hearing, the faith of
/// the deceased) and Art. 35(3)(c) for a hall, corridors or a driver's cabin filmed all the time.
/// </summary>
public sealed class RiskRound44Tests
{
    [Theory]
    // Written for this round (not labelled cases).
    [InlineData("The energy app picks out customers past eighty who live alone and talks them into a tariff three times dearer, ringing again until they agree")]
    [InlineData("The heating oil seller looks for homes that are late with their gas payments and offers them oil on credit at 39 % interest as the only way to keep warm")]
    [InlineData("The loan app spots users who recently lost their job and gamble at night and shows them its dearest loan; most roll it over until they owe double")]
    [InlineData("Call recordings are searched for elderly callers who forget things, and they are rung every week until they sign another maintenance contract for a boiler they already pay for")]
    public void AVulnerabilityExploitedByAHarmfulOffer_IsProhibited(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "P4-manipulation");
    }

    [Theory]
    // The same groups offered what does them no harm, and a plan shown without a vulnerable group.
    [InlineData("The bank shows customers who lost their job a six-month payment holiday on their loan")]
    [InlineData("The app picks out teenagers and signs them up for the free homework club")]
    [InlineData("The insurer offers customers who live alone a discounted alarm pendant")]
    [InlineData("The retailer shows customers over seventy its cheapest plan first")]
    public void TheSameGroups_OfferedNoHarm_AreNotProhibited(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier < RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // A business's name: singular, after an article, before a word that is no animal's place, trade, part or verb.
    [InlineData("Helmet microphones at the moose copper mine read each miner's voice", null)]
    [InlineData("Cameras at the falcon warehouse read each picker's mood", null)]
    [InlineData("The coot amateur cycling federation refuses race licences", null)]
    // The animal itself: at its farm, lodge or shelter, in the plural, as a verb's subject, one by one, or its parts.
    [InlineData("Cameras at the pig farm read each sow's stress", "pig")]
    [InlineData("Cameras at the beaver lodge detect whether the beavers look stressed", "beaver")]
    [InlineData("Camera reading whether the ostriches look stressed in their pens", "ostriches")]
    [InlineData("Microphones tell whether the sheep look distressed", "sheep")]
    [InlineData("Drones count the moose population in the reserve", "moose")]
    [InlineData("A camera at the cat flap recognises the cat's face", "cat")]
    public void AnAnimalsName_ThatNamesABusiness_IsNoAnimal(string text, string? animal)
    {
        Assert.Equal(animal, ElementSeeds.AnimalName(text));
    }

    [Theory]
    // Labelled in fresh batches, rated lower before this round.
    [InlineData("The narwhal swimming school keeps notes on which children have epilepsy so that lifeguards know whom to watch", null, "fresh-r32", RiskTier.Limited)]
    [InlineData("Hector secondary school has cameras in the corridors and the canteen recording all day, and the footage is kept until the summer holidays", null, "fresh-r38", RiskTier.Limited)]
    [InlineData("Helmet microphones at the moose copper mine estimate each miner's panic level from their voice during an underground emergency, only to guide rescue teams", null, "fresh-r32", RiskTier.High)]
    [InlineData("The cougar heater seller looks for homes that are late with their electricity payments and, in the first frosty week, offers them a heater on instalments at 49 % interest as the only way to stay warm; most of them default within a year", null, "fresh-r33", RiskTier.Prohibited)]
    [InlineData("The Focaccia quick-credit app looks at phone data for signs that a user recently lost their job and gambles late at night, and shows exactly those users only its dearest loan behind a single tap. Most of them roll it over until they owe double", null, "fresh-r36", RiskTier.Prohibited)]
    [InlineData("Kontakt_Telefoniczny", "Teapot energy retailer, existing customers. The AI voice picks customers past eighty living on their own who have sounded forgetful on earlier calls. It talks them into a contract three times dearer and rings again until they agree", "fresh-r32", RiskTier.Prohibited)]
    [InlineData("Opakovany_kontakt_zakaznika", "Stairlift retailer. Recordings are searched for callers who forget names and repeat themselves, and those elderly callers get the sales agent every week until they sign a second service contract for a lift they already pay for", "fresh-r29", RiskTier.Prohibited)]
    [InlineData("Nadgradnja_naročnine", "Tanning salon subscriptions. The chatbot picks out teenagers from how they type and the birth year they enter, tells them their skin looks ill without daily sessions, and signs them up for unlimited use", "fresh-r25", RiskTier.Prohibited)]
    // A buy-now-pay-later process is a lending process; an international protection division a public authority.
    [InlineData("APPR_LIMIT_SET", "buy-now-pay-later credit at online checkouts", "fresh-r8", RiskTier.High)]
    [InlineData("Murajaat_Talab", "Gimlet international protection division. The step reviews the claim file. A model analyses the dialect in the recorded interview and reports whether the claimant really comes from the country they named, and case officers treat that report as a key piece of evidence", "fresh-r34", RiskTier.High)]
    public void LabelledCases_GetTheirTier(string text, string? context, string batch, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Written for this round: a health condition or record kept about named persons (GDPR Art. 9), a publicly
    // accessible hall or a school's corridors filmed all the time (Art. 35(3)(c)).
    [InlineData("The climbing gym notes which members have epilepsy so that the instructors know")]
    [InlineData("The physio keeps each athlete's injury history to plan training loads")]
    [InlineData("The ice rink films the whole rink and the changing area around the clock")]
    [InlineData("The school's cameras in the corridors and the canteen record all day")]
    public void HealthRecordsAndHallsFilmedAllTheTime_AreLimited(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == RiskTier.Limited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // The same words about goods and things: medicines on order, a cargo X-ray, an oven filmed all the time.
    [InlineData("The pharmacy orders asthma inhalers and epilepsy medicines from the wholesaler")]
    [InlineData("The heliport screens incoming cargo pallets for lithium batteries with an X-ray classifier")]
    [InlineData("A camera films the bread ovens all the time so the baker can check the crust")]
    public void TheSameWords_AboutGoods_AreMinimal(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == RiskTier.Minimal, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Hostile texts for this round's patterns, as long as a scan hands the screen (see RiskRound39Tests).
    [InlineData("a second service contract for a lift they already ")]
    [InlineData("late with their electricity payments past eighty ")]
    [InlineData("three times dearer until they agree its dearest ")]
    [InlineData("the moose the falcon the coot the otter ")]
    [InlineData("films the whole hall all the time epilepsy asthma ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "is let go");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAssessment_AskedForAtOnceBySeveralTests_IsMadeOnce()
    {
        // The evaluation's cache (CI time): concurrent askers of one case get the one assessment, not a screen each.
        var screen = RiskEvaluation.Screen();
        var text = $"Round 44 cache probe {Guid.NewGuid():N}: decide the loan application";
        var assessments = new RiskAssessment[8];
        Parallel.For(0, assessments.Length, i => assessments[i] = RiskEvaluation.Assess(screen, text, null));
        Assert.All(assessments, a => Assert.Same(assessments[0], a));
    }
}
