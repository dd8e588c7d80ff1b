using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 39: Art. 5(1)(e) read without its own pattern needs a facial image in the words (photographs of ski bases or
/// a webcam on a stork's nest are no faces); "nobody's face is checked" says what is not done
/// (<see cref="TaskText.WithoutNegatedPractices"/>); a translation agency or its translators are a setting and a trade,
/// not the Art. 6(3)(a) act of translating; recruitment in more everyday words (applications for a kind of job given a
/// mark from 1 to 10 and a polite no, CVs sifted or ordered best first).
/// </summary>
public sealed class RiskRound39Tests
{
    [Theory]
    // Near-misses of fresh-r38 that the screen rated Prohibited as untargeted face scraping by meaning.
    [InlineData("The Optima ski hire photographs the bases of returned skis, a model rates the wear, and worn pairs are taken out of the rental stock", null, "fresh-r38")]
    [InlineData("Flux_Camere", "Prometheus stork nest webcam. The pictures go to the website, where viewers watch the chicks hatch; a model counts the eggs in the nest", "fresh-r38")]
    // Written for this round.
    [InlineData("The bakery photographs every loaf leaving the oven and a model sorts the pictures by crust colour into a growing library", null, null)]
    public void PicturesWithoutAFace_AreNoUntargetedFaceScraping(string text, string? context, string? batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.RuleId == RiskScreen.UntargetedFaceScrapingRule);
        Assert.True(assessment.Tier < RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Labelled Prohibited (Art. 5(1)(e)) in earlier batches; a faceprint is a facial image.
    [InlineData("Fill a faceprint bank from every public karaoke video online", "fresh-r14")]
    [InlineData("Building up a face identification database by indiscriminately collecting pictures of faces off the web and out of CCTV archives", "fresh-r38")]
    // Written for this round: no "face" word, but pictures of people for an identification service.
    [InlineData("A start-up copies every profile picture it can reach on public dating sites into the database behind its identification app", null)]
    public void FacialImagesCollectedWithoutATarget_StayProhibited(string text, string? batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null, batch);
        Assert.True(assessment.Tier == RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    [InlineData("visitors scan a wristband instead and nobody's face is checked", "visitors scan a wristband instead and")]
    [InlineData("Guests pay by card; no guest's fingerprints are ever stored by the terminal", "Guests pay by card;")]
    public void NobodysFaceChecked_IsNotDone(string text, string kept)
    {
        Assert.Equal(kept, TaskText.WithoutNegatedPractices(text));
    }

    [Theory]
    // Who does not act is a condition of GDPR Art. 22, not its absence: these stay.
    [InlineData("The system rejects the claim and nobody checks the faces on the photos")]
    [InlineData("Nobody reviews the decision before it is sent")]
    public void NobodyActing_StaysInTheText(string text)
    {
        Assert.Null(TaskText.WithoutNegatedPractices(text));
    }

    [Theory]
    // Labelled High (Annex III 4(b), GDPR 22) in earlier batches, rated Limited: the trade was read as the act of translating.
    [InlineData("Cambric's freelance translators get a new per-word rate every month, set by a model from their error counts and missed deadlines", "fresh-r34", RiskTier.High)]
    [InlineData("The Sif freelance translation platform automatically removes translators whose ratings and missed deadlines cross a line, cancelling all their open jobs. They get an email, and nobody reads their reply", "fresh-r38", RiskTier.High)]
    // Minimal in round 39 (no rule read a pay rise set from time on screen), Limited by the wrong reading before; High
    // since round 42 (H2c: pay worked out from a measure of the worker's work).
    [InlineData("The Perseus translation agency tracks each in-house translator's time on screen and edits per hour, and this sets their yearly pay rise", "fresh-r35", RiskTier.High)]
    public void ATranslationTradeOrItsTranslators_IsNoActOfTranslating(string text, string batch, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null, batch);
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.RuleId == "F1-narrow-procedural-task");
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // The act of translating still lifts an Annex III use by Art. 6(3)(a).
    [InlineData("Translate the asylum seeker's documents for the case officer")]
    public void TranslatingDocuments_StaysANarrowProceduralTask(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);
        Assert.Contains(assessment.Hits, h => h.RuleId == "F1-narrow-procedural-task");
    }

    [Theory]
    // Labelled High (Annex III 4(a)); the rules alone read nothing in them before this round.
    [InlineData("At the Caslon garden furniture chain, applications for seasonal sales jobs are read by a model that gives each one a mark from 1 to 10. Those under 6 get a polite no by email the same day")]
    [InlineData("Kitchen fitter CV sifting")]
    [InlineData("Model sifts CVs, castanet patisserie vacancies")]
    [InlineData("Ordering CVs best first, stoat temp agency")]
    [InlineData("Applications for nursing posts are read by the model, which turns down those under a cut-off before HR looks at any")]
    public void RecruitmentInEverydayWords_IsAnnexIII4a(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "H1-recruitment");
    }

    [Theory]
    // Near-misses: a job's applications counted or acknowledged, an order of goods, a no-reply address.
    [InlineData("Applicants for the warehouse jobs get a no-reply email confirming receipt")]
    [InlineData("Order office supplies for the recruitment team")]
    public void RecruitmentWordsWithoutAnAssessment_AreNoAnnexIII4a(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.RuleId == "H1-recruitment");
    }

    [Theory]
    // Labelled High (GDPR Art. 22, 22(4)); the rules alone read no solely automated decision in them before this round.
    [InlineData("Parking penalties in Taupe town come from the camera system: it reads the plate and the notice to pay goes out by post without an officer ever looking at it")]
    [InlineData("The Frigg diving school's online booking asks about asthma, diabetes and heart conditions and turns course bookings down automatically when one of them is ticked")]
    public void ADecisionWithoutAnyoneLooking_IsGdpr22(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "G1-solely-automated-decision");
        Assert.True(assessment.Tier == RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Near-misses: a thing turned down automatically, a decision an officer looks at.
    [InlineData("The thermostat turns the heating down automatically at night")]
    [InlineData("The camera system reads the plate and an officer looks at every notice to pay before it goes out")]
    public void NoDecisionOnAPersonWithoutReview_IsNoGdpr22(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.RuleId == "G1-solely-automated-decision");
    }

    [Theory]
    // Hostile texts (hundreds of kilobytes without a full stop): each repeats the start of a new reading without its end.
    [InlineData("nobody's face is ", 20000)]
    [InlineData("no visitor's fingerprints were ", 12000)]
    public void AHostileText_IsReadToItsEnd(string unit, int times)
    {
        var text = string.Concat(Enumerable.Repeat(unit, times)) + "; the council explored a model that would rank applicants but decided against it; the rest stays";
        var stripped = TaskText.WithoutNegatedPractices(text);
        Assert.NotNull(stripped);
        Assert.EndsWith("; the rest stays", stripped, StringComparison.Ordinal);
    }

    [Theory]
    // The new patterns of the catalogue and of the facial-image reading on texts that start them again and again, as
    // long as a scan hands the screen (a step name is cut at ScanPipeline.MaxActivityNameLength, a document statement
    // at 500 characters), as the step name and as its process's description. Round 40: these ran 2,000 repeats
    // (some 70,000 characters) through the whole screen, 40 minutes of CI on 2 cores for lengths no scan produces; a
    // pattern that backtracks out of bounds still shows at this length (its 2 s limit, "Not screened").
    [InlineData("applications for the seasonal sales ")]
    [InlineData("photos of the happy ")]
    [InlineData("recognises the ")]
    [InlineData("gets a polite ")]
    [InlineData("turns the course ")]
    [InlineData("without an officer ever ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "scraped from the web into a database");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }
}
