using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 26: Art. 5(1)(c) and (d) stated through their elements in the grammar a paraphrase uses. The catalogue's
/// element patterns (written from the Act and recitals 31 and 42) named each element by a fixed phrase; a paraphrase puts
/// a determiner or an adjective inside it or states the element by its construction: persons put in order by a
/// criterion are ranked (an evaluation or classification, Art. 5(1)(c)); "at the end of every queue" is the end of the
/// queue, "a higher nightly price" a higher price, "pay more" the exemplar's own detriment; and the prediction element of
/// Art. 5(1)(d) now names what the rule's own triggers name, the chances or odds of an offence. Each element still needs
/// every other element of its point in the text's words, so ordering invoices, loyalty points, a storm's chances and
/// detectives weighing the facts of a case stay as they were. The Prohibited rows were rated lower on 9a279cb (the set
/// cases are in data/risk-evaluation; the other rows were written for this test); the rules are run without the
/// labelled cases.
/// </summary>
public sealed class RiskPracticeElementsRound26Tests
{
    [Theory]
    // fresh-r22 (High on 9a279cb: the prediction stated as a "supposed chance").
    [InlineData("Officers receive a list of teenagers in the district ordered by their supposed chance of breaking into homes, drawn only from family background, friendships and street of residence, and stop and search those at the top")]
    // Written for this round.
    [InlineData("The housing office orders tenants by how often neighbours complain about them and what they post online, and puts the last ones at the end of every queue for repairs")]
    public void APracticeWithEveryElementInItsWords_IsProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.Equal(RiskTier.Prohibited, after.Tier);
    }

    [Theory]
    // An ordering of documents, loyalty points, a storm's chances: no person's social conduct, no offence.
    [InlineData("Sort the invoices by due date and put the overdue ones at the end of the list")]
    [InlineData("Order customers by purchase volume and give the top ones extra loyalty points")]
    [InlineData("Estimate the chances that the storm damages the power lines in each district")]
    // Facts directly linked to a criminal activity (recital 42): Annex III 6(d), High, not the prohibited practice.
    [InlineData("Detectives estimate the odds that the car seen at the burglary scene is the suspect's, from the number plate camera records and the witness statements")]
    // Credit scoring from financial data: Annex III 5(b), High.
    [InlineData("Rate loan applicants from their income and repayment history and charge higher overnight interest rates to those with low scores")]
    public void AStatementWithoutThePracticesElements_IsNotProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
