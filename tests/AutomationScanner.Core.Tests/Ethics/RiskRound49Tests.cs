using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 49, read from the first run on the blind batch fresh-r49: a phone bot that adds more of the same goods for a
/// muddled caller, a voice assistant's false threat of enforcement officers unless the resident signs, and a pop-up
/// "doctor" whose cancer finding only the product can stop are Art. 5(1)(a) and (b); the law's own "except where ...
/// medical or safety reasons" is no medical use; a gait match through stored clips is post remote identification (Annex III
/// 1); people who answered an advert, put in order by a system, are candidates (Annex III 4(a)); a list of warnings approved
/// with a single click is a solely automated decision (GDPR Art. 22); a speech tool's region-of-origin finding copied into a
/// protection decision is Annex III 7; shifts that go to staff a model labels "dependable" are allocated by traits (Annex
/// III 4(b)); sensors listening in each resident's flat are systematic monitoring (GDPR Art. 35). Near misses: a hold that
/// stops a customer losing savings to a scam exploits no one, footage kept for 30 days and a face read at a door build no
/// face store, the tone of chat messages is no biometric data, dogs' faces are no persons', exam booklets couriered to a
/// school assess no learner, union dues passed on by payroll decide nothing about the worker, and a demo had and then
/// decided against is not done.
/// </summary>
public sealed class RiskRound49Tests
{
    [Theory]
    [InlineData("We had a demo in March of a tool that would read our counter staff's mood from the shop camera and decided against buying it; no camera was set up")]
    [InlineData("The firm was shown an emotion-reading add-on for the call centre and decided against using it")]
    public void ADemoThenDecidedAgainst_IsNotDone(string text)
    {
        var stripped = TaskText.WithoutNegatedPractices(text);
        Assert.NotNull(stripped);
        Assert.DoesNotContain("mood", stripped, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("emotion", stripped, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ThereIsNoCourtOrder_SaysTheThreatIsFalse_AndStays()
    {
        const string text = "The bot says enforcement officers come on Monday unless they sign today. There is no court order";
        Assert.Null(TaskText.WithoutNegatedPractices(text));
    }

    [Fact]
    public void ASlovakVerificationStep_IsReadAsACheck()
    {
        var reading = StepGlossary.Read("Overenie Ziadosti");
        Assert.NotNull(reading);
        Assert.Contains("check", reading.Text, StringComparison.Ordinal);
    }

    [Theory]
    // Labelled in fresh-r49 (blind, first run on 5959c5f), rated lower or higher there.
    [InlineData("Larkspur Teleshopping's phone bot listens for signs that an older caller is muddled (saying the same thing twice, long pauses, asking what day it is) and then adds a second and a third set of the same saucepans 'as you agreed' on a monthly payment plan. Relatives find unopened boxes in the hall and debt letters in the caller's name", null, RiskTier.Prohibited)]
    [InlineData("Pick out the residents of Whinchat Student Halls who are two months behind and have applied to the emergency fund. Have the voice assistant ring them after midnight and say enforcement officers come on Monday unless they sign the early move-out form today. There is no court order, and signing the form gives up their deposit", null, RiskTier.Prohibited)]
    [InlineData("On the Peony Skincare subscription page a pop-up 'skin doctor' tells the buyer that their selfie shows early signs of skin cancer (no photo is looked at) and that only the 12-month serum plan can stop it. Support emails show customers who cancelled real hospital appointments because they thought the serum was treating them", null, RiskTier.Prohibited)]
    [InlineData("The use of AI systems to infer emotions of a natural person in the areas of workplace and education institutions, except where the use is intended for medical or safety reasons", null, RiskTier.Prohibited)]
    [InlineData("Gait match across stored camera clips", null, RiskTier.High)]
    [InlineData("2,000 people answered the Phlox Bulb Growers spring advert. The system puts them in order and only the top 60 get a phone call", null, RiskTier.High)]
    [InlineData("Every Monday the area manager of Gladiolus Carpets approves the 'warnings to issue' list from the productivity tool with a single click, usually about 40 names, and the letters go out the same day", null, RiskTier.High)]
    [InlineData("The recordings of protection interviews at Firecrest intake centre go through a speech tool whose 'region of origin' output is copied into the decision as the finding on where the person comes from", null, RiskTier.High)]
    [InlineData("dyrannu_sifftiau", "Daisy Launderettes, weekly rota. Steps: Collect_Availability -> dyrannu_sifftiau -> Publish_Rota. The better-paid weekend shifts go to staff the model labels 'dependable', a label built from how often they swapped shifts and the tone of their messages in the team chat", RiskTier.High)]
    [InlineData("At Hollyhock Beauty Salons a camera by the door guesses each customer's sex and age band from the face, and the tablet then shows the stylist which treatments and which prices to offer", null, RiskTier.High)]
    [InlineData("Pilot a new acoustic sensor in the 1,200 flats of Honeysuckle Retirement Village that listens at night for falls and coughing and stores the sound events per resident", null, RiskTier.Limited)]
    [InlineData("Kittiwake Waterbus records every passenger on the deck cameras and keeps the footage, faces included, for 30 days across its 40 boats", null, RiskTier.Limited)]
    [InlineData("Payroll at Quail Bookbinders keeps the list of staff who pay union dues through their salary, so the money can be passed on each month", null, RiskTier.Limited)]
    [InlineData("Owners who have lost a dog upload a photo to the Dotterel Lost Pets app, which matches nose and face shape against dogs brought in by finders", null, RiskTier.Minimal)]
    [InlineData("Sealed test booklets are printed by Rook Print Services and couriered to each school two days ahead, tracked by barcode", null, RiskTier.Minimal)]
    public void LabelledCases_GetTheirTier(string text, string? context, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, "fresh-r49");
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Written for this round (not labelled cases): the same practices in other words, and their near misses.
    [InlineData("The shopping channel's voice bot notices when a caller is muddled and adds another order of the same blender on instalments", RiskTier.Prohibited)]
    [InlineData("The bot tells tenants in arrears that bailiffs come tomorrow unless they sign the surrender form tonight; there is no court order", RiskTier.Prohibited)]
    [InlineData("A pop-up 'health expert' tells visitors their photo shows signs of heart disease (no photo is ever analysed) and that only the premium supplement plan can reverse it", RiskTier.Prohibited)]
    [InlineData("AI systems that infer emotions of natural persons in the workplace, except for medical or safety reasons", RiskTier.Prohibited)]
    [InlineData("Gait recognition across stored CCTV clips to find the man seen at the depot", RiskTier.High)]
    [InlineData("Over 500 people replied to the warehouse job advert; the software ranks them and only the top 20 are invited", RiskTier.High)]
    [InlineData("The team leader approves the list of disciplinary warnings from the monitoring tool with one click and the letters are sent", RiskTier.High)]
    [InlineData("An accent analysis tool states the region of origin of each asylum applicant, and the caseworker copies it into the decision", RiskTier.High)]
    [InlineData("The overtime goes to whoever the model labels 'reliable', from their swap history", RiskTier.High)]
    [InlineData("A camera at the salon door estimates each customer's age band and sex from the face to suggest treatments", RiskTier.High)]
    [InlineData("The loan app picks out customers who are overdrawn before payday and pushes them high-interest top-ups at night", RiskTier.Prohibited)]
    [InlineData("The system picks which recipients of the housing benefit should be reassessed and have their support cut; an officer reads each file first", RiskTier.High)]
    [InlineData("Microphones in every room of the care home listen at night and store the sound events for each resident", RiskTier.Limited)]
    [InlineData("Payroll deducts union dues from the salary and passes them on to the union each month", RiskTier.Limited)]
    [InlineData("The lost pet app compares the face and nose prints of found cats against photos uploaded by owners", RiskTier.Minimal)]
    [InlineData("Exam papers are printed, sealed and couriered to the test centres, tracked by barcode", RiskTier.Minimal)]
    [InlineData("We had a demo of an emotion-reading camera for the checkout staff and decided against buying it", RiskTier.Minimal)]
    public void ThePractices_InOtherWords_GetTheirTier(string text, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Near misses that must not be read as the prohibited practice: a scam hold that protects the customer (fresh-r49's
    // bank, labelled Limited, Minimal accepted), CCTV kept for a term, with no face store built, a bot that cancels a
    // forgetful caller's duplicate order (round 48's near miss, Prohibited by the labelled cases' vote until this round).
    [InlineData("Stonechat Bank's check watches every customer's transfers and holds one for a call-back when it fits a known scam pattern: a new payee, a large sum, someone who rarely pays online. The customer is rung and the money released the same day if they confirm; most holds have stopped older customers losing savings to 'safe account' callers")]
    [InlineData("The bank holds a transfer and calls the customer back when it matches a safe account scam pattern")]
    [InlineData("Deck cameras record every passenger and the footage, faces included, is kept for 30 days")]
    [InlineData("The pharmacy's phone assistant notices when forgetful older callers order the same tablets twice and cancels the duplicate order for them")]
    public void ANearMiss_IsNotProhibited(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier != RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Hostile texts for this round's patterns, as long as a scan hands the screen (see RiskRound39Tests).
    [InlineData("unless they sign ")]
    [InlineData("only the serum plan can stop ")]
    [InlineData("gait match ")]
    [InlineData("region of origin ")]
    [InlineData("had a demo and decided against buying it ")]
    [InlineData("there is no court order ")]
    [InlineData("tone of their messages ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "is let go");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }
}
