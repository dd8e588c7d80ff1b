using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 43: practices the screen rated lower. In a process description: a finding first read in one sentence that does not
/// state it takes the evidence of the pair of sentences that does (the setting in one sentence, the practice in the next);
/// a coded step takes what the description's sentence about the step itself says it handles ("this step prints the weekly
/// rota"); a step that only sets a status takes the decision whose sentence says the status is changed. In the catalogue:
/// Art. 5(1)(f) for more workers (bus drivers, pilots, an attendant) and for a purpose that is not medical or safety "not
/// used for ... safety purposes"; Art. 5(1)(g) from voices and recorded calls, and union sympathy; Annex III 4(a) for a
/// software's yes or no on job applications, a tool's top ten copied into the interview calendar, vacancies shown only to
/// some; Annex III 3 for apprentices' papers and placement by an entry quiz; Annex III 5(c) for a health plan priced by
/// expected illness; Art. 5(1)(a) for a machine that states what is false and people who come to harm; Annex III 1(a) for
/// names put to the people in recordings and recordings searched for the same faces; Annex III 7 for persons on boats
/// detected at the coast; Annex III 2 for a road span's lanes and overhead signs; Art. 5(1)(d) does not cover profiling a
/// suspect's circle in an investigation of an existing network; an Annex III use served by a step that keeps a person's
/// case file is not lifted by that step's narrow verb (Art. 6(3)).
/// </summary>
public sealed class RiskRound43Tests
{
    [Theory]
    // Written for this round (not labelled cases), one per reading.
    [InlineData("The delivery firm's in-cab camera tells the depot manager which van drivers look annoyed with customers; it is not used for safety purposes", RiskTier.Prohibited)]
    [InlineData("A tool listens to recorded customer calls and guesses which party each caller votes for", RiskTier.Prohibited)]
    [InlineData("The loan app's assistant tells every caller that the offer ends tonight and that their neighbours have all signed, neither of which is true; many now owe twice what they borrowed", RiskTier.Prohibited)]
    [InlineData("The bakery chain's software reads every application for counter staff and writes yes or no beside each; managers only call the yes ones", RiskTier.High)]
    [InlineData("The platform shows the warehouse vacancies only to people its model expects to stay long", RiskTier.High)]
    [InlineData("The software sorts the new apprentices into the basic or the advanced course from their entry quiz", RiskTier.High)]
    [InlineData("The staff dental plan charges higher contributions to employees the model predicts will need more treatment", RiskTier.High)]
    [InlineData("After a break-in the shop sends its CCTV recordings to a service that puts names to the people in them", RiskTier.High)]
    [InlineData("Coast guard software detects the people on dinghies approaching the shore and reports them to the border police", RiskTier.High)]
    public void APracticeInEverydayWords_GetsItsTier(string text, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // The same words where the practice is missing: voices sorted into choir parts, a true statement, a grant's
    // applications, lockers, contributions from salary, products in a video, boats without persons.
    [InlineData("The choir software sorts singers' voices into parts and notes their religious holidays", RiskTier.Prohibited)]
    [InlineData("The chatbot tells customers the sale ends at midnight, which is true", RiskTier.Prohibited)]
    [InlineData("The tool lists the top ten applications for the community garden plots", RiskTier.High)]
    [InlineData("Sort the apprentices' lockers by floor", RiskTier.High)]
    [InlineData("The software computes monthly contributions to the dental plan from salary", RiskTier.High)]
    [InlineData("The software puts names to the products in the shop video", RiskTier.High)]
    [InlineData("The marina software detects boats nearing the shore and warns the harbour master", RiskTier.High)]
    public void TheSameWords_WithoutThePractice_StayBelowItsTier(string text, RiskTier below)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier < below, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // A process description that states the practice across two sentences, about a step that handles it.
    [InlineData("Schedule shift", "Parcel depot. This step prints the weekly rota. The rota comes from software that gives the easier rounds to the drivers with the fewest complaints last month", RiskTier.High, nameof(RiskScreen.ReadsTheStepsOwnSentence), null)]
    [InlineData("Set status", "Ferry company, crew records. When the absence model predicts more than twenty sick days for a deckhand in the next quarter, the deckhand's status is changed to 'contract ended'", RiskTier.High, nameof(RiskScreen.ReadsStatusChanges), null)]
    // Labelled in fresh-r34 (read without its batch's cases): the public place in one sentence, the live check in the next.
    [InlineData("Zpracovani_Zaznamu", "Cumulus city police, camera room. The step processes the feeds from the cameras at the main bus and train interchange. Since the summer every face in the live feeds is checked against the police's wanted list, on which most names are wanted for petty theft and missed court dates, and matches go straight to the patrol radios", RiskTier.Prohibited, nameof(RiskScreen.ReadsStatingPairs), "fresh-r34")]
    public void ADescribedPractice_ReachesTheStep_ThroughThisRoundsReading(string step, string description, RiskTier expected, string reading, string? batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), step, description, batch);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");

        // Without the reading the step is rated lower: the reading is what carries the practice to it.
        var before = RiskEvaluation.Assess(Without(reading), step, description, batch);
        Assert.True(before.Tier < expected, $"without {reading}: {before.Tier}: {RiskEvaluation.HitsOf(before)}");
    }

    [Theory]
    // A status step whose description changes a status without any High practice stays as it was.
    [InlineData("Set status", "Recycling centre containers. When the fill sensor reads more than ninety per cent, the container's status is changed to 'full' and a lorry is booked")]
    [InlineData("Plan rounds", "Ballade sailmaker. This step prints the weekly rota. The supervisor writes the rota by hand after asking the staff who wants which days")]
    public void ADescriptionWithoutThePractice_GivesTheStepNoHighTier(string step, string description)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), step, description);
        Assert.True(assessment.Tier < RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Labelled in fresh batches, rated lower before this round.
    [InlineData("Zpracovani_Zaznamu", "Cumulus city police, camera room. The step processes the feeds from the cameras at the main bus and train interchange. Since the summer every face in the live feeds is checked against the police's wanted list, on which most names are wanted for petty theft and missed court dates, and matches go straight to the patrol radios", "fresh-r34", RiskTier.Prohibited)]
    [InlineData("Planificare_Ture", "At the Yangtze letter-post sorting centre, this step produces the printed weekly rota. The rota comes from software that gives the easier rounds to the carriers with the fewest complaints and the fastest times last month", "fresh-r36", RiskTier.High)]
    [InlineData("The newspaper's reader panel is split by a tool that infers from voice recordings which panellists are in a union", null, "fresh-r23", RiskTier.Prohibited)]
    [InlineData("On the Tweed rent-to-own sofa site the sign-up assistant tells each visitor that most of their street has already chosen the three-year plan and that the price doubles at midnight, neither of which is true; many households now pay three times the shop price for a settee", null, "fresh-r34", RiskTier.Prohibited)]
    [InlineData("The Rugen convenience stores let software read all applications for shelf staff and write yes or no next to each one; store managers only phone the yes ones", null, "fresh-r37", RiskTier.High)]
    [InlineData("In storms the software on the Gale river span closes lanes and lowers the speed shown on the overhead signs without waiting for the operator", null, "fresh-r34", RiskTier.High)]
    [InlineData("Coast watch software at the Bradawl shore patrol detects and identifies the people on boats nearing the shore and reports them to the boat crews", null, "fresh-r34", RiskTier.High)]
    public void LabelledCases_GetTheirTier(string text, string? context, string batch, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Hostile texts for this round's patterns, as long as a scan hands the screen (see RiskRound39Tests).
    [InlineData("neither of which is true savings owe twice ")]
    [InlineData("applications for shelf staff write yes or no top ten ")]
    [InlineData("puts names to the people in the recordings ")]
    [InlineData("the status is changed to the state is set to ")]
    [InlineData("infers from voice recordings sympathise with the union ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "is let go");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }

    private static RiskScreen Without(string reading) => reading switch
    {
        nameof(RiskScreen.ReadsTheStepsOwnSentence) => WithoutOwnSentence.Value,
        nameof(RiskScreen.ReadsStatusChanges) => WithoutStatusChanges.Value,
        nameof(RiskScreen.ReadsStatingPairs) => WithoutStatingPairs.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(reading), reading, "no such reading"),
    };

    private static readonly Lazy<RiskScreen> WithoutOwnSentence = new(() => NewScreen(ownSentence: false));

    private static readonly Lazy<RiskScreen> WithoutStatusChanges = new(() => NewScreen(statusChanges: false));

    private static readonly Lazy<RiskScreen> WithoutStatingPairs = new(() => NewScreen(statingPairs: false));

    /// <summary>The evaluation's screen (<see cref="RiskEvaluation.Screen"/>) with this round's readings as given.</summary>
    private static RiskScreen NewScreen(bool ownSentence = true, bool statusChanges = true, bool statingPairs = true) =>
        new(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value)
        {
            LabelledCases = LabelledCaseIndex.Shipped,
            LabelledCasesThroughRules = true,
            LabelledLinear = LabelledLinearModel.Shipped,
            ReadsTheStepsOwnSentence = ownSentence,
            ReadsStatusChanges = statusChanges,
            ReadsStatingPairs = statingPairs,
        };
}
