using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 25: the person a rule about persons protects, named by a role in the task's setting rather than by the legal
/// word. Annex III names its persons as workers (4(b), Art. 26(7)), students (3), candidates and applicants (4(a), 5(a)),
/// consumers (5(b), 5(c)) and natural persons (5(b), GDPR Art. 22); a task says "a leaseholder", "buyers", "the adult
/// learner". A role noun (an agent ending, or a possessive after a determiner) whose nearest seed of
/// <see cref="ElementSeeds.PersonKinds"/> is at <c>personKindThreshold</c> or more, nearer than every thing, animal,
/// document and organisation seed, is read as that kind of person in one more view of the text, matched for the High
/// rules about persons only (<see cref="SemanticRuleMatcher.PersonKindView"/>); a kind word of the legal texts ("the
/// adult learner") also names a person for the non-person-subject hold-back. "Before" is the same screen
/// with the reading off (<c>personKindThreshold</c> 1), which is what 1a3b6af did; both run without the labelled cases.
/// </summary>
public sealed class RiskPersonKindRound25Tests
{
    private static RiskScreen Before => RiskEvaluation.RulesOnly(RuleCatalogue.Default.WithSemantic(RuleCatalogue.Default.Semantic with { PersonKindThreshold = 1 }));

    [Theory]
    // r20 and r21 (Annex III 3 and 5(b)).
    [InlineData("Put each adult learner at the language school into the starter, middle or upper stream according to the model's reading of a writing sample")]
    [InlineData("For the canal boat time-share, the system reads each buyer's bank transactions. Buyers it thinks will fall behind on payments are offered only a cash purchase")]
    public void APersonNamedByTheirRole_IsHigh(string text)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(before.Tier < RiskTier.High, $"before {before.Tier}: {RiskEvaluation.HitsOf(before)}");
        Assert.Equal(RiskTier.High, after.Tier);
    }

    [Theory]
    // Things, animals and firms; a person's own act; record-keeping and a message.
    [InlineData("Assign delivery routes to the vans according to their fuel use")]
    [InlineData("Rank the horses by their race times to decide which ones are sold")]
    [InlineData("Decide which suppliers get a bonus from their delivery punctuality")]
    [InlineData("Whether a retailer may pay the wholesaler in monthly parts depends on the score the finance partner's software gives it")]
    [InlineData("The shopper applies for the pay-monthly plan online")]
    [InlineData("The tutor records which courses each learner has booked")]
    [InlineData("Print the adult learner's course certificate")]
    [InlineData("Send the chauffeur the pick-up address for tomorrow's booking")]
    // Set cases a first version over-rated ("staff members" and "recruiters" read as workers and applicants; a
    // beginner who rides a scored horse).
    [InlineData("Keep track of staff members' trade-union membership")]
    [InlineData("Score the riding school's horses on temperament to choose which one a beginner should ride")]
    [InlineData("At the roofing firm, software copies the name, dates and contact details from emailed job applications into one table; the recruiters read every application themselves")]
    public void NoDecisionOnAPerson_StaysAsItWas(string text)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.High, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
        Assert.Equal(before.Tier, after.Tier);
    }

    [Theory]
    // Written for this round: the view itself (a whole task with a leaseholder was High on 1a3b6af already).
    [InlineData("Whether a leaseholder may spread the repair bill", "customer")]
    [InlineData("Buyers it thinks will fall behind", "customers")]
    public void ARoleNoun_IsReadAsItsKind(string text, string kind)
    {
        var matcher = new SemanticRuleMatcher(RuleCatalogue.Default, RiskEvaluation.Embedder.Value);

        var view = matcher.PersonKindView(text);

        Assert.NotNull(view);
        Assert.Contains(kind, view.Value.Text, StringComparison.Ordinal);
    }

    [Theory]
    // A thing, an animal, a firm, the deciding party, a noun in -ment, a kind word itself.
    [InlineData("Assign routes to the vans")]
    [InlineData("Rank the horses by their race times")]
    [InlineData("Pay the suppliers")]
    [InlineData("The score the lender's model gives")]
    [InlineData("Forecast the repayments for next year")]
    [InlineData("Grade the students' essays")]
    public void NoRoleNounOfAPerson_GivesNoView(string text)
    {
        var matcher = new SemanticRuleMatcher(RuleCatalogue.Default, RiskEvaluation.Embedder.Value);

        Assert.Null(matcher.PersonKindView(text));
    }
}
