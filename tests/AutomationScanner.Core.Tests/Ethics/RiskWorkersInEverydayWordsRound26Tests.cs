using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 26: the workers of Annex III 4(b) named by their occupation. Annex III 4(b) covers AI systems "intended to be
/// used to make decisions affecting terms of work-related relationships, the promotion or termination of work-related
/// contractual relationships, to allocate tasks based on individual behaviour or personal traits or characteristics or
/// to monitor and evaluate the performance and behaviour of persons in such relationships" (recital 57: also platform
/// work). A task names those persons by their job ("each cook's", "a chauffeur's contract", "the walkers", "cashiers"),
/// and MiniLM reads most occupation nouns far from "worker" (0.2-0.4), so round 25's reading by kind
/// (<see cref="SemanticRuleMatcher.PersonKindView"/>, <c>personKindThreshold</c> 0.58) missed them. In a text that
/// states a term of work (<see cref="SemanticRuleMatcher.StatesATermOfWork"/>: pay, a bonus, shifts, a rota, a contract,
/// promotion, dismissal) a role noun by form (a plural agent noun, an agent noun after an article, or the possessive of
/// one person among several: "each cook's") that is read as no other kind of person, is no organisation or thing at
/// <c>occupationNonWorkerThreshold</c> (0.6), no animal's name and none of the closed class of agent-shaped words that
/// name no person ("offers", "scanners", "never", "quarter") is read as a worker. "Before" is the same screen with the
/// reading off (<c>occupationNonWorkerThreshold</c> 1), which is what 9a279cb did; both run without the labelled cases.
/// </summary>
public sealed class RiskWorkersInEverydayWordsRound26Tests
{
    private static RiskScreen Before => RiskEvaluation.RulesOnly(RuleCatalogue.Default.WithSemantic(RuleCatalogue.Default.Semantic with { OccupationNonWorkerThreshold = 1 }));

    [Theory]
    // Set cases: r23 food truck, r23 limousine, r24 thrift shop, r23 kennel, r21 dog walking.
    [InlineData("The food-truck franchise's app hands out shifts according to each cook's predicted speed, drawn from how they behaved on past shifts")]
    [InlineData("The limousine company ends a chauffeur's contract as soon as the app's rating average drops under 4.6")]
    [InlineData("In the thrift-shop chain, software decides which cashiers are promoted to store lead, using till speed and customer complaints")]
    [InlineData("Handheld scanners record every walk the kennel handlers make, and the system ranks the handlers to set who gets a bonus")]
    [InlineData("The dog-walking app hands the best-paid walks to walkers whose ratings and reply speed are highest, and walkers who fall behind simply stop receiving offers")]
    // Written for this round, in other settings.
    [InlineData("The removal firm ends a mover's contract as soon as the customers' star average falls below four")]
    [InlineData("The cinema chain's software picks which ushers are promoted to shift lead from their ticket-scan speed")]
    public void AWorkerNamedByTheirJob_InATermOfWork_IsHigh(string text)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        // Round 29: since 12b a machine that ends a contract or decides who is promoted is also a decision under GDPR
        // Art. 22 before the worker is read by their job; what the reading adds is the employment rule (Annex III 4).
        // Round 41: two rows now state the employment rule in its own words without the reading (a promotion decided
        // by a speed, Annex III 4(b)'s measure of the worker: "which cashiers are promoted ... using till speed").
        if (!ReadByTheirWordsSinceRound41.Any(t => text.StartsWith(t, StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(before.Hits, h => h.Applied && IsAnnexIII4(h.RuleId));
        }

        Assert.Equal(RiskTier.High, after.Tier);
        Assert.Contains(after.Hits, h => h.Applied && IsAnnexIII4(h.RuleId));
    }

    private static readonly string[] ReadByTheirWordsSinceRound41 = ["In the thrift-shop chain, software decides which cashiers", "The cinema chain's software picks which ushers"];

    private static bool IsAnnexIII4(string ruleId) => ruleId.StartsWith("H1-", StringComparison.Ordinal) || ruleId.StartsWith("H2", StringComparison.Ordinal);

    [Theory]
    // Work given to machines, vehicles or animals; a staffing statistic; a worker's own choice of shifts; customers'
    // ratings of products; a firm's credit; a negation; a message.
    [InlineData("Assign the night shifts to the scanners that need recalibrating")]
    [InlineData("Plan the shift rota of the delivery vans from their fuel use")]
    [InlineData("Plan the kennel's rota of walks and feeding for the hounds")]
    [InlineData("The thrift shop's buyers rate each product with one to five stars")]
    [InlineData("Send the chauffeur his new contract for signature")]
    public void NoDecisionOnAWorker_StaysAsItWas(string text)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.High, $"{after.Tier}: {RiskEvaluation.HitsOf(after)} (before {before.Tier}: {RiskEvaluation.HitsOf(before)})");
        Assert.Equal(before.Tier, after.Tier);
    }

    [Theory]
    // A staffing statistic, a worker's own choice of shifts and a firm's credit line that the rules already rate High on
    // 9a279cb (H2a by meaning 0.33, H2b 0.47 with "cashiers" as any agent noun, GDPR Art. 22 0.42): the reading adds
    // nothing to their tier (no occupation is read in a count; a wholesaler is a business by its trade). Left as found.
    [InlineData("Count how many cashiers the thrift-shop chain promoted last year")]
    [InlineData("The cashiers swap their shifts with each other in the rota app")]
    [InlineData("The bank sets the credit line of each wholesaler's contract from its payment history")]
    public void AlreadyRatedByTheRules_StaysAsItWas(string text)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(before.Tier, after.Tier);
    }

    [Theory]
    // Set context cases: r21's hospice (the description's H2b by its words must keep passing to the step: a reading by
    // kind does not restate its evidence with a similarity below the step's floor) and r24's noodle-bar riders ("on
    // shift" is the time of work, not a term of it: GDPR Art. 35, Limited).
    [InlineData("Vuorojen_jako", "Hospice care staffing: the step hands out the night shifts according to each nurse's expected sick days and answers on a character questionnaire", RiskTier.High)]
    [InlineData("Seguimiento_GPS", "Noodle bar deliveries. The riders' phones send their location every minute while they are on shift", RiskTier.Limited)]
    public void AStepInItsDescribedProcess_StaysAsItWas(string step, string description, RiskTier tier)
    {
        var before = RiskEvaluation.Assess(Before, step, description);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, description);

        Assert.Equal(tier, before.Tier);
        Assert.Equal(tier, after.Tier);
    }

    [Theory]
    [InlineData("The app hands out shifts according to each cook's predicted speed", "each worker's")]
    [InlineData("It ends a chauffeur's contract when the rating drops", "a worker's contract")]
    [InlineData("Walkers who fall behind stop receiving the best-paid walks", "workers who fall behind")]
    public void AnOccupation_InATermOfWork_IsReadAsAWorker(string text, string reading)
    {
        var matcher = new SemanticRuleMatcher(RuleCatalogue.Default, RiskEvaluation.Embedder.Value);

        var view = matcher.PersonKindView(text);

        Assert.NotNull(view);
        Assert.Contains(reading, view.Value.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    // No term of work; a place's possessive; an agent-shaped word that names no person; an animal; a firm.
    [InlineData("Send the chauffeur the pick-up address for tomorrow's booking")]
    [InlineData("The hospice's rota lists the night shifts")]
    [InlineData("Workers who fall behind stop receiving offers", "offers")]
    [InlineData("The hamsters' feeding rota for the weekend shifts", "hamsters")]
    [InlineData("Decide which suppliers get a bonus", "suppliers")]
    public void NoOccupation_IsReadAsAWorker(string text, string? word = null)
    {
        var matcher = new SemanticRuleMatcher(RuleCatalogue.Default, RiskEvaluation.Embedder.Value);

        var view = matcher.PersonKindView(text);

        if (word is null)
        {
            Assert.True(view is null || !view.Value.Evidence.Contains("as 'worker", StringComparison.Ordinal), view?.Evidence);
        }
        else
        {
            Assert.True(view is null || !view.Value.Evidence.Contains($"'{word}'", StringComparison.Ordinal), view?.Evidence);
        }
    }
}
