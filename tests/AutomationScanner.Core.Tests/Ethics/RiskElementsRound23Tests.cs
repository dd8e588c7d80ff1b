using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 23: a practice whose legal elements are stated in other words than the element patterns. Before, at most one
/// element of an alternative could be read by meaning (a word or word pair of the text near the element's seeds, which
/// are drawn from the Act's wording), so a text that is plainly nearest to a rule but words two or three of its elements
/// differently ("within seconds" for real time, "named to patrol officers" for identification, "the camera" for the
/// facial image) took no hit and read Minimal. Now, where the text is nearer to the rule than to any other rule by a
/// clear margin (<see cref="SemanticSettings.ClearNearestMargin"/>), every element but one may be read by meaning; one
/// must still be in the text's words, and a rule about natural persons needs the text to name a person. The rules are
/// run without the labelled cases, so the rules' own reading is what is tested; "before" is the same catalogue with the
/// margin switched off.
/// </summary>
public sealed class RiskElementsRound23Tests
{
    private static RiskScreen Before => new(RuleCatalogue.Default.WithSemantic(RuleCatalogue.Default.Semantic with { ClearNearestMargin = 1 }), new RiskScreenOptions(), RiskEvaluation.Embedder.Value) { LabelledCases = null };

    [Theory]
    // fresh-r14 (false scarcity pushing couples into loans). Round 29: the two live-identification rows of this round
    // (fresh-r22's high street and the railway station) state the law-enforcement purpose ("patrol officers", "police
    // officers"), so Art. 5(1)(h)'s second alternative reads them by their words even with the margin off; they moved to
    // LiveIdentificationStatedInOtherWords_IsProhibited below.
    [InlineData("Have the wedding-budget assistant tell engaged couples that their favourite venue will go to another couple tomorrow morning unless they pay the whole deposit now, although nobody else has asked for the date, so that they take out loans they cannot repay", "P4-manipulation")]
    public void APracticeStatedInOtherWords_IsReadWhereItsRuleIsClearlyNearest(string text, string rule)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(before.Tier < RiskTier.Prohibited, $"{before.Tier}: {RiskEvaluation.HitsOf(before)}");
        Assert.Equal(RiskTier.Prohibited, after.Tier);
        var hit = Assert.Single(after.Hits, h => h.Applied && h.RuleId == rule);
        Assert.NotNull(hit.Evidence.Similarity);
    }

    [Theory]
    // Animals, vehicles and totals with the same wording: no person is named, or another rule is as near.
    [InlineData("Within seconds of passing the camera at the railway station, pigeons are named to the pest-control staff on their phones")]
    [InlineData("Within seconds of passing the camera at the railway station, delivery vans are named to the depot staff on their phones")]
    [InlineData("Within seconds of passing the camera at the railway station, travellers are counted for the timetable planners, as totals only")]
    [InlineData("Identify birds in real time on the feeder camera for the birdwatchers' club")]
    // A portfolio read near "borrowers" is no borrower: creditworthiness is about natural persons.
    [InlineData("Forecast interest income of the loan portfolio for the budget")]
    public void NearMisses_StayMinimal(string text)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(RiskTier.Minimal, before.Tier);
        Assert.Equal(RiskTier.Minimal, after.Tier);
    }

    [Fact]
    public void WithTheMarginOff_OneElementAtMostIsReadByMeaning()
    {
        var matcher = new SemanticRuleMatcher(RuleCatalogue.Default, RiskEvaluation.Embedder.Value);
        var rule = RuleCatalogue.Default.Rule("P5c-realtime-remote-biometric-identification")!;
        const string text = "Within seconds of walking under the camera on the high street, shoppers are named to patrol officers on their handsets";

        // Round 29: without the law-enforcement purpose (the officers), so that only the first alternative can be read.
        const string withoutPurpose = "Within seconds of walking under the camera on the high street, shoppers are named on their handsets";

        Assert.Null(matcher.ElementsByMeaning(rule, withoutPurpose));
        Assert.NotNull(matcher.ElementsByMeaning(rule, text, RuleCatalogue.Default.Semantic.ElementWordThreshold, int.MaxValue));
    }

    /// <summary>
    /// Round 29: the live-identification rows above state the law-enforcement purpose, so the second alternative of
    /// Art. 5(1)(h) reads them by their words ("named", "cameras", "shoppers", "officers"); "The moment shoppers walk under
    /// the mall cameras their names are sent to the patrolling officers", once a near miss of the reading by meaning, now
    /// states the practice in words ("the moment", the cameras, shoppers, officers) and is one.
    /// </summary>
    [Theory]
    [InlineData("Within seconds of walking under the camera on the high street, shoppers are named to patrol officers on their handsets, whatever they are suspected of")]
    [InlineData("Within seconds of passing the camera at the railway station, travellers are named to police officers on their phones")]
    [InlineData("The moment shoppers walk under the mall cameras their names are sent to the patrolling officers")]
    public void LiveIdentificationStatedInOtherWords_IsProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier == RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
