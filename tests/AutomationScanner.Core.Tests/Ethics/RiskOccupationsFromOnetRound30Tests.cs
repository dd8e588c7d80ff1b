using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 30: workers named by their occupation, read from O*NET's occupation titles. Annex III 4(b) covers AI systems
/// "intended to be used to make decisions affecting terms of work-related relationships, the promotion or termination of
/// work-related contractual relationships, to allocate tasks based on individual behaviour or personal traits or
/// characteristics or to monitor and evaluate the performance and behaviour of persons in such relationships". Round 26
/// read an occupation as a worker by the form of an agent noun (-er, -or, -ant, -ist...) in a text stating a term of work;
/// an occupation without that ending ("mechanics", "midwives", "technicians", "locksmiths") was not read, nor one whose
/// text states the allocation of tasks or the termination in everyday words ("hands out the orders to each stitcher",
/// "lets go of the divers") rather than a term. With <see cref="SemanticSettings.ListedOccupations"/> a head noun of the
/// O*NET 26.3 titles (<see cref="OccupationNouns"/>, derived by tools/onet-occupation-nouns/derive.py) is read as an
/// occupation whatever its ending, and a decision on work (tasks allocated, assigned, handed out; let go, laid off,
/// terminated) counts as the work matter round 26 asked. The guards of round 26 stay: counts and shares of persons,
/// animals, the closed class of agent-shaped words that name no worker (printers, suppliers), and a word that reads as a
/// thing or an organisation at 0.6. "Before" is the same screen with the setting off, as on 820f1d5; both run without
/// the labelled cases.
/// </summary>
public sealed class RiskOccupationsFromOnetRound30Tests
{
    private static RiskScreen Before => RiskEvaluation.RulesOnly(RuleCatalogue.Default.WithSemantic(RuleCatalogue.Default.Semantic with { ListedOccupations = false }));

    private static bool IsAnnexIII4(string ruleId) => ruleId.StartsWith("H1-", StringComparison.Ordinal) || ruleId.StartsWith("H2", StringComparison.Ordinal);

    [Fact]
    public void TheShippedList_HoldsTheHeadNounsOfTheOnetTitles()
    {
        Assert.InRange(OccupationNouns.Count, 300, 400);
        Assert.True(OccupationNouns.IsPlural("mechanics"));
        Assert.True(OccupationNouns.IsSingular("midwife"));
        Assert.True(OccupationNouns.IsPlural("divers"));
        Assert.False(OccupationNouns.IsPlural("claims"));
        Assert.False(OccupationNouns.IsPlural("models"));
    }

    [Theory]
    // Set cases: r29 bike share mechanics (a listed occupation without an agent ending, in a term of work), r28 buoy
    // divers (termination in everyday words), r28 sail loft (tasks handed out to "each stitcher").
    [InlineData("Bike share mechanics' shift allocation is set by an algorithm from how fast each one repairs")]
    [InlineData("The buoy maintenance company lets go of the divers the program puts last on productivity")]
    [InlineData("The sail loft's system hands out the sewing orders to each stitcher by the speed it expects from each of them and their conduct last month")]
    public void AWorkerNamedByTheirOccupation_InADecisionOnWork_IsHigh(string text)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(before.Tier < RiskTier.High, $"before {before.Tier}: {RiskEvaluation.HitsOf(before)}");
        Assert.Equal(RiskTier.High, after.Tier);
        Assert.Contains(after.Hits, h => h.Applied && IsAnnexIII4(h.RuleId));
    }

    [Theory]
    // A staffing statistic; machines and tools by agent-shaped words (handed out as tools, not given tasks); animals; firms
    // let go; words of the list that name things or roles outside work ("pilots" of a program, "judges" of a contest,
    // "tellers" of a vote count, GPU "drivers"); mechanics at their own work without a decision on it.
    [InlineData("Count how many nurses work nights on the ward")]
    [InlineData("The printers were replaced after the audit and the toner is handed out to each floor")]
    [InlineData("Screwdrivers are ranked by torque and handed out to the assembly line")]
    [InlineData("The sheepdogs are assigned to the flocks by how fast they herd")]
    [InlineData("Racehorses are allocated to stables by their race times")]
    [InlineData("Suppliers are ranked by delivery speed and let go when late")]
    [InlineData("The GPU drivers are assigned to each machine by the installer")]
    [InlineData("The pilots of the new billing program are handed out to three branches")]
    [InlineData("Fillers and cutters are allocated to each packing line by how worn they are")]
    [InlineData("The judges of the baking contest hand out the ribbons")]
    [InlineData("The tellers of the vote count are assigned to each polling station")]
    [InlineData("The mechanics check the brakes of every bike on Mondays")]
    [InlineData("The print jobs are assigned to the printers with the shortest queue")]
    [InlineData("The tasks are split between the servers by their load")]
    public void NoDecisionOnAWorker_StaysAsItWas(string text)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(before.Tier, after.Tier);
        Assert.DoesNotContain(after.Hits, h => h.Applied && IsAnnexIII4(h.RuleId) && !before.Hits.Any(b => b.Applied && b.RuleId == h.RuleId));
    }

    [Theory]
    // Machines named by words of the list that the rules already rate High on 820f1d5 (the work allocated to them reads
    // as H2a/H2b by meaning and pattern, before any occupation is read): the tier stays as it was.
    [InlineData("Assign the cutting jobs to the cutters with the sharpest blades")]
    [InlineData("Orders are allocated to the fillers on line 3 by their fill speed")]
    public void AlreadyRatedByTheRules_StaysAsItWas(string text)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(before.Tier, after.Tier);
    }

    [Theory]
    [InlineData("Bike share mechanics' shift allocation is set by an algorithm from how fast each one repairs", "mechanics")]
    [InlineData("The buoy maintenance company lets go of the divers the program puts last on productivity", "divers")]
    [InlineData("The app hands out the weekend jobs to each electrician by speed", "electrician")]
    public void AListedOccupation_InADecisionOnWork_IsReadAsAWorker(string text, string word)
    {
        var matcher = new SemanticRuleMatcher(RuleCatalogue.Default, RiskEvaluation.Embedder.Value);

        var view = matcher.PersonKindView(text);

        Assert.NotNull(view);
        Assert.Contains($"'{word}' as 'worker", view.Value.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    // No term of work and no decision on work; a count of persons; a singular after "the"; an animal; a firm; a
    // machine by an agent-shaped word of the closed class.
    [InlineData("The mechanics check the brakes of every bike on Mondays", "mechanics")]
    [InlineData("Count how many mechanics were let go last year", "mechanics")]
    [InlineData("The guard hands out visitor badges at the gate", "guard")]
    [InlineData("Allocate the paddocks to the racehorses by their speed", "racehorses")]
    [InlineData("The suppliers are let go when their deliveries are late", "suppliers")]
    [InlineData("The printers are replaced and the toner is handed out to each floor", "printers")]
    public void NoOccupation_IsReadAsAWorker(string text, string word)
    {
        var matcher = new SemanticRuleMatcher(RuleCatalogue.Default, RiskEvaluation.Embedder.Value);

        var view = matcher.PersonKindView(text);

        Assert.True(view is null || !view.Value.Evidence.Contains($"'{word}' as 'worker", StringComparison.Ordinal), view?.Evidence);
    }
}
