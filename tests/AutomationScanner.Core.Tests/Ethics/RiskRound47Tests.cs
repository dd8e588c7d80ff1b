using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 47, read from the first run on the blind batch fresh-r47: "there is no such warning" and "he never said so"
/// state a false claim (Art. 5(1)(a)), and "there is no such ..." or "there is no ..." after a condition ("below the line,
/// there is no step up the pay scale") is no negation of the practice; 13- to 15-year-olds, a losing streak and loot
/// crates are the vulnerability and the harm of Art. 5(1)(b); live face matching of everyone who passes is real-time
/// (Art. 5(1)(h)); gait identification names persons (Annex III 1); people who want to pick or pack at a farm, a seasonal
/// contract offer and a one-way video interview are recruitment (Annex III 4(a)); a step up the pay scale below a line is a
/// work decision (Annex III 4(b)); stair lifts, grab rails and home adaptations from a county are public assistance
/// (Annex III 5(a)); how residents say they will vote is a political opinion (GDPR Art. 9); hearing-test results are
/// health data; a mark far from the examiner's usual pattern that the chief examiner re-reads is Art. 6(3)(c), and a
/// check that papers are attached is Art. 6(3)(d); looked at and decided against is not done; animals recognised one by
/// one are no persons whoever photographs them; IT support tickets are no emergency calls, whoever raises them; which
/// polling stations need chairs is no influence on voters; job adverts ranked by clicks select no person.
/// </summary>
public sealed class RiskRound47Tests
{
    [Theory]
    [InlineData("Volunteers at the nature reserve photograph butterflies' wings, and the model recognises individual butterflies by their wing pattern", "recognises individual butterflies")]
    [InlineData("Camera traps identify each badger by its stripes", "identify each badger")]
    public void AnimalsRecognisedOneByOne_AreTheSubject(string text, string expected) => Assert.Equal(expected, ElementSeeds.IdentifiesAnimals(text));

    [Theory]
    [InlineData("The camera recognises the dogs and their owners at the gate")]
    [InlineData("The camera recognises regular customers at the door")]
    [InlineData("The vet's door camera matches the pet owners' faces against the list of unpaid bills")]
    [InlineData("The park app tracks the dog walkers along the river")]
    public void PersonsRecognised_AreNoAnimals(string text) => Assert.Null(ElementSeeds.IdentifiesAnimals(text));

    [Fact]
    public void LookedAtAndDecidedAgainst_IsNotDone()
    {
        Assert.NotNull(TaskText.WithoutNegatedPractices("We looked at having the tenant portal predict which tenants would fall behind on rent and decided against it; arrears are handled by the housing officer"));
        Assert.Null(TaskText.WithoutNegatedPractices("We looked at having the tenant portal predict which tenants would fall behind on rent and switched it on in May"));
    }

    [Theory]
    [InlineData("The chat tells callers that a storm warning cancels all cheap flights. There is no such warning")]
    [InlineData("Each teacher gets a yearly figure from the pupils' test gains. Below the line, there is no step up the pay scale")]
    public void AFalseClaimOrAConsequence_IsNoNegation(string text) => Assert.Null(TaskText.WithoutNegatedPractices(text));

    [Fact]
    public void ThereIsNoDevice_IsStillANegation() =>
        Assert.NotNull(TaskText.WithoutNegatedPractices("The hall has a plain entrance; there is no camera recognising faces"));

    [Theory]
    [InlineData("Once examiners have marked, the tool highlights scripts whose mark sits far from that examiner's usual pattern. The chief examiner re-reads each highlighted script and decides whether the mark stands", "(c)")]
    [InlineData("The tool checks that each application has transcripts, a passport copy and the fee receipt attached, and emails applicants about anything missing", "(d)")]
    public void AMarkFarFromThePattern_OrPapersAttached_IsArt63(string text, string point)
    {
        var act = TaskText.Art63Act(TaskText.Normalise(text));
        Assert.True(act is not null && act.StartsWith(point, StringComparison.Ordinal), act ?? "(none)");
    }

    [Theory]
    // Labelled in fresh-r47 (blind, first run on cea70dd), rated lower or higher there.
    [InlineData("Weevil Travel's booking chat tells people looking at package holidays that a hurricane warning will cancel every cheap flight that month and that only the 'protected' package, at about three times the price, guarantees their money back. There is no such warning. The complaints file lists more than 300 households who paid the higher price and never got the difference back", null, RiskTier.Prohibited)]
    [InlineData("AbschlussGespraech", "Locust Gold Savings, telephone sales of gold coin savings plans. In this step the caller talks to a voice system using a cloned voice of a well-known TV economist, who 'confides' that he moved his own pension into the plan. He never said so; callers who moved their whole pension pot lost most of it once the plan's fees were taken", RiskTier.Prohibited)]
    [InlineData("Mayfly Skins runs the in-game shop of a shooter played mostly by 13- to 15-year-olds. The shop model spots players still online after midnight who have just lost several rounds and shows them a crate offer in which a friend's avatar 'asks for help'. Parents find bills of several hundred euros on their cards", null, RiskTier.Prohibited)]
    [InlineData("We in the Centipede Police IT unit are connecting the cameras at the central library entrance and the square in front to live face matching for patrol officers, checking everyone who passes against the list of people wanted for unpaid child maintenance", null, RiskTier.Prohibited)]
    [InlineData("Gait identification from archived footage", null, RiskTier.High)]
    [InlineData("People who want to pick strawberries at Thrips Farms this summer answer a chat on their phone. The chat decides who gets the seasonal contract offer; everyone else is told the places are filled", null, RiskTier.High)]
    [InlineData("Sidamo Tours sends would-be tour guides a one-way video interview link. The recorded answers are scored on word choice, pace and 'storytelling', and the operations manager only ever watches the top five", null, RiskTier.High)]
    [InlineData("Each teacher in the Oolong Schools group gets a yearly 'impact' figure worked out from their pupils' test gains. Below the line, there is no step up the pay scale", null, RiskTier.High)]
    [InlineData("Older residents who ask Fritillary County for a stair lift or grab rails are put into green, amber or red by the model, from their age, medical letters and the size of their home. Red means no adaptation, and the caseworker cannot change the colour", null, RiskTier.High)]
    [InlineData("At Ceylon University's admissions office the tool only checks that each application has transcripts, a passport copy and the fee receipt attached, and emails applicants about anything missing. The admissions panel reads and decides on every complete file", null, RiskTier.Limited)]
    [InlineData("Once examiners at the Jinxuan Exam Board have marked, the tool highlights scripts whose mark sits far from that examiner's usual pattern. The chief examiner re-reads each highlighted script and decides whether the mark stands", null, RiskTier.Limited)]
    [InlineData("Volunteers for the Tuocha party branch note in their door-to-door app which residents said they would vote for the party and which back the opposition", null, RiskTier.Limited)]
    [InlineData("We looked at having the Mealybug Homes tenant portal predict which tenants would fall behind on rent and decided against it; arrears are still handled by the housing officer in person, as before", null, RiskTier.Minimal)]
    [InlineData("Volunteers at the Katipo nature reserve photograph butterflies' wings, and the model recognises individual butterflies by their wing pattern to estimate the population", null, RiskTier.Minimal)]
    [InlineData("Prioritise the IT support tickets from Tarantula Fire Brigade's stations by how many terminals are down", null, RiskTier.Minimal)]
    [InlineData("From past turnout, the model predicts which polling stations in Bagworm District will need extra staff, chairs and coffee on election day", null, RiskTier.Minimal)]
    public void LabelledCases_GetTheirTier(string text, string? context, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, "fresh-r47");
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Written for this round (not labelled cases): the same practices in other words, and their near misses.
    [InlineData("A holiday booking bot warns travellers that a strike will cancel all cheap ferries next week and sells them a 'guaranteed' fare at three times the price. There is no such strike, and hundreds of families paid the higher fare", RiskTier.Prohibited)]
    [InlineData("The card game app, played mostly by 10- to 12-year-olds, shows a mystery box offer right after a player has lost three matches in a row; parents later find bills of several hundred euros", RiskTier.Prohibited)]
    [InlineData("People who want to harvest grapes at the vineyard in September fill in a form, and the software decides who gets a seasonal contract offer", RiskTier.High)]
    [InlineData("Would-be drivers record a one-way video interview, and the recordings are scored before a manager watches the top ten", RiskTier.High)]
    [InlineData("Older people who apply to the county for a stair lift are approved or refused by the software; staff cannot change the outcome", RiskTier.High)]
    [InlineData("Rank the IT support tickets from the ambulance stations by the number of broken printers", RiskTier.Minimal)]
    [InlineData("Camera traps in the forest recognise individual foxes by their coat pattern to count the population", RiskTier.Minimal)]
    [InlineData("We looked at letting software score job applicants and decided against it; the owner reads every application herself", RiskTier.Minimal)]
    public void ThePractices_InOtherWords_GetTheirTier(string text, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Hostile texts for this round's patterns, as long as a scan hands the screen (see RiskRound39Tests).
    [InlineData("there is no such ")]
    [InlineData("below the line, there is no ")]
    [InlineData("looked at having the portal predict and ")]
    [InlineData("recognises individual butterflies and ")]
    [InlineData("13- to 15-year-olds ")]
    [InlineData("IT support tickets ")]
    [InlineData("people who want to pick and pack ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "is let go");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }
}
