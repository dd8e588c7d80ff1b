using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 35, a product rule (on by default since round 36, see <see cref="RiskScreen.StepsServeTheStatedPractice"/>): a read step of the organisation takes the High and Prohibited findings its process's
/// description states plainly (by the rule's pattern, or with every legal element at the High meaning threshold; a
/// machine does it; not negated), whatever the step itself does: a step that archives, compiles or opens the file of a
/// process in which a model scores, ranks or identifies people is part of that system. A narrow procedural step still
/// has its High finding lifted by Art. 6(3)(a). "Before" is the same screen with the rule off. Also round 35: a
/// description can be read two sentences at a time (<see cref="RiskScreen.ReadsSentencePairs"/>, on by default since round 36), where a
/// pair adds only a High or Prohibited finding whose legal elements the two sentences state.
/// </summary>
public sealed class RiskServedPracticeRound35Tests
{
    private const string PartOfTheSystem = "part of that system";

    private static RiskScreen Before => Shipped(served: false, pairs: true);

    // The shipped screen, with both switches named so the comparisons do not depend on the defaults.
    private static RiskScreen After => Shipped(served: true, pairs: true);

    private static RiskScreen Pairs => After;

    private static RiskScreen NoPairs => Shipped(served: true, pairs: false);

    private static RiskScreen Shipped(bool served, bool pairs) => new(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value)
    {
        LabelledCases = LabelledCaseIndex.Shipped,
        LabelledCasesThroughRules = true,
        LabelledLinear = LabelledLinearModel.Shipped,
        StepsServeTheStatedPractice = served,
        ReadsSentencePairs = pairs,
    };

    /// <summary>Asserts that <paramref name="before"/> rates the case below <paramref name="expected"/> and <paramref name="after"/> at it; returns the latter's assessment.</summary>
    private static RiskAssessment LowerBeforeExpectedAfter(RiskScreen before, RiskScreen after, string step, string description, string? batch, RiskTier expected)
    {
        var lower = RiskEvaluation.Assess(before, step, description, batch);
        var found = RiskEvaluation.Assess(after, step, description, batch);
        Assert.True(lower.Tier < expected, $"before {lower.Tier}: {RiskEvaluation.HitsOf(lower)}");
        Assert.True(found.Tier == expected, $"after {found.Tier}: {RiskEvaluation.HitsOf(found)}");
        return found;
    }

    private static bool Serves(RiskAssessment assessment) =>
        assessment.Hits.Any(h => h.Applied && h.Evidence.Excerpt.Contains(PartOfTheSystem, StringComparison.Ordinal));

    [Theory]
    // Set cases gained on main d266267 + fresh-r35 wiring (whole set: 2 gained, 0 lost).
    [InlineData("Vernostni_program_zapis", "Hardware store chain. The door camera gives each shopper an ethnic origin and a probable faith from face and clothing, and both labels are written into the loyalty file", "fresh-r29", RiskTier.Prohibited)]
    [InlineData("Alta_Expediente", "Narwhal consumer bank, personal loans. The step opens the client file. A model then works out from the account history how likely the client is to pay back, and that figure determines if credit is granted and at which interest", "fresh-r32", RiskTier.High)]
    public void AStepOfADescribedPractice_TakesIt(string step, string description, string batch, RiskTier expected)
    {
        var after = LowerBeforeExpectedAfter(Before, After, step, description, batch, expected);
        Assert.True(Serves(after), RiskEvaluation.HitsOf(after));
    }

    [Theory]
    // Written for this round (not set cases): a peripheral step of a process whose description states the practice.
    [InlineData("Open the client file", "Bank, personal loans. This step opens the client file. A model computes every applicant's credit score from their account history, and the score decides whether the loan is granted", RiskTier.High)]
    [InlineData("Archive the recordings", "City police. This step archives the camera recordings. Since spring the cameras on the market square compare every passer-by's face live against the police watch list, and officers are sent to each match", RiskTier.Prohibited)]
    // Round 36 (from the round-32 guard): a print step of a process whose description states crime prediction from
    // nationality with every element takes it.
    [InlineData("Print boarding passes", "Ferry operator's security desk. Tickets are sold online. The tool predicts which passengers are likely to steal on board from their nationality, age and postal code alone, and those passengers are searched at boarding.", RiskTier.Prohibited)]
    public void OwnSentences_APeripheralStep_ServesThePractice(string step, string description, RiskTier expected)
    {
        var after = RiskEvaluation.Assess(After, step, description);
        Assert.True(after.Tier == expected, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // The practice negated, no system named, no identification: nothing is served.
    [InlineData("Open the client file", "Bank, personal loans. This step opens the client file. Loan officers meet every applicant and decide on each loan themselves; no scoring model is used")]
    [InlineData("Archive the recordings", "Supermarket. This step archives the recordings of the car park camera for two weeks in case of damage to cars; nobody is identified")]
    [InlineData("Print the daily lists", "Bakery. This step prints the daily lists of loaves to bake for each shop from yesterday's orders")]
    // Set cases whose description's finding was by meaning below the High threshold (a studio's own photos as face
    // scraping 0.34, a benefit freeze as crime prediction 0.44) or states no machine (border police screening).
    [InlineData("T04 Raccolta_immagini_web", "Mosaic studio website. The step gathers photos of the studio's own finished mosaics from its project folders for the online gallery")]
    [InlineData("Pabalstu_apturēšana", "Child support agency. A risk model picks the parents whose payments are frozen while fraud is looked into, and the freeze usually runs for months")]
    [InlineData("flag_risk", "border police screening travellers at the ferry terminal")]
    public void Guards_NothingIsServed(string step, string description)
    {
        var after = RiskEvaluation.Assess(After, step, description);
        Assert.False(Serves(after), RiskEvaluation.HitsOf(after));
        Assert.True(after.Tier < RiskTier.Prohibited, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Fact]
    public void ANarrowProceduralStep_KeepsItsArt63Lift()
    {
        // The served High finding of a step that only prints is lifted by Art. 6(3)(a): Limited, with the assessment recorded.
        const string description = "Bank, personal loans. This step compiles the monthly report. A model computes every applicant's credit score from their account history, and the score decides whether the loan is granted";
        var after = RiskEvaluation.Assess(After, "Compile the monthly report", description);
        Assert.True(after.Tier == RiskTier.Limited, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
        Assert.Contains(after.Hits, h => !h.Applied && h.RuleId == "H4b-creditworthiness" && h.Evidence.Excerpt.Contains(PartOfTheSystem, StringComparison.Ordinal));
    }

    [Theory]
    // Set cases whose practice's elements lie in two sentences (whole set: 9 gained, 3 lost, 4 moved).
    [InlineData("Hodnocení výkonu", "Maple syrup bottling plant. Scanner data measure each packer's output per minute, and the league table each month settles bonuses and who receives a warning letter", "fresh-r25", RiskTier.High)]
    [InlineData("Prehled_Obyvatel", "Bison police headquarters. This step compiles a sheet for each young resident from school absences, family income, neighbourhood and a personality questionnaire. A model then says who will probably steal within a year, and officers visit those names, though no offence is attributed to any of them", "fresh-r32", RiskTier.Prohibited)]
    // Round 39: the dialysis centre's hiring (fresh-r26) left this theory: its second sentence alone now states Annex III
    // 4(a) ("applications for nursing posts ... turns down"), so it is High with the pairs off too (RiskRound39Tests).
    public void APracticeStatedOverTwoSentences_IsRead(string step, string description, string batch, RiskTier expected)
    {
        // With the reading off the case stays lower, with it on (the default since round 36) it is found.
        LowerBeforeExpectedAfter(NoPairs, Pairs, step, description, batch, expected);
    }

    [Theory]
    // Round 36: set cases whose later sentence leaves the decision to a person (a pair adds nothing to it), as labelled.
    [InlineData("Dossier_sorteren", "Humanitarian visa section mailroom. Software only turns incoming paper letters into files and sorts them by file number; caseworkers decide everything", "fresh-r24", RiskTier.Limited)]
    [InlineData("Пријем_Пријава", "Jaguar vocational college. This step receives applications. Software turns scanned forms into text and sorts them by chosen course; admission is decided by the teachers' committee, which reads every application", "fresh-r33", RiskTier.Limited)]
    // Written for round 36: the same, with other words for the person's decision.
    [InlineData("Antrag_erfassen", "Municipal housing office. A scanning tool reads the forms into the case system; the housing officer then assesses each household and decides on the flat", null, RiskTier.Limited)]
    public void APairWhoseLaterSentenceLeavesTheDecisionToAPerson_AddsNothing(string step, string description, string? batch, RiskTier atMost)
    {
        var pairs = RiskEvaluation.Assess(Pairs, step, description, batch);
        Assert.True(pairs.Tier <= atMost, $"pairs {pairs.Tier}: {RiskEvaluation.HitsOf(pairs)}");
    }

    [Theory]
    // Benign processes whose pairs read by meaning alone resembled a practice before the elements were asked of a pair.
    [InlineData("Prenumeration_Forlangning", "Otter magazine publisher. This step renews print subscriptions at year end. Readers get a reminder first and can cancel with one click, and the renewal invoice is created from the order table", "fresh-r33", RiskTier.Minimal)]
    [InlineData("Ho_So_Khach_Hang", "Shrew bespoke suits maker. This step starts a client card with body measurements and preferred fabrics for the cutter", "fresh-r33", RiskTier.Minimal)]
    [InlineData("Obrada_Prijava", "Dibber town roads team. The step processes fault reports about street lights, which are sorted by street and passed to the electricians", "fresh-r34", RiskTier.Minimal)]
    [InlineData("Карта_Лоялност", "Hourglass grocery chain. The step issues loyalty cards. Purchases on the card are joined with online browsing to build a profile of each shopper, used to choose their coupons", "fresh-r32", RiskTier.Limited)]
    public void APairReadByMeaningAlone_AddsNothing(string step, string description, string batch, RiskTier expected)
    {
        var pairs = RiskEvaluation.Assess(Pairs, step, description, batch);
        Assert.True(pairs.Tier == expected, $"pairs {pairs.Tier}: {RiskEvaluation.HitsOf(pairs)}");
    }
}
