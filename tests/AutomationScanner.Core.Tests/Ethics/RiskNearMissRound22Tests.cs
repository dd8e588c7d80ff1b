using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 22: near-misses rated higher. Art. 5, Annex III, GDPR Art. 9 and 22 concern natural persons (GDPR Art. 4(1):
/// personal data relate to an identified or identifiable natural person; Art. 4(14): biometric data "of a natural
/// person"; Art. 22: "the data subject"). A practice the text says is not done is no evidence of it; data the text says
/// are totals or anonymous identify no one (Recital 26); "individual" before a noun is an adjective, not a person. The
/// sentences are written for these tests from the law (none is an evaluation case); each of the first group was rated
/// above Minimal with round 21's code (its hit was applied: the hold-back that records it is new). The rules screen alone
/// (no labelled cases) judges them. The guards describe persons with the same verbs and keep their tier.
/// </summary>
public sealed class RiskNearMissRound22Tests
{
    private static RiskAssessment Assess(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

    /// <summary>
    /// The practice is named only to say it is not done (a scoring, an evaluation of creditworthiness, special-category
    /// data stored); or the data are stated to be totals with nothing on anyone; or the individuals recognised are
    /// animals. Each was Limited, High or Prohibited before.
    /// </summary>
    [Theory]
    [InlineData("The reading app does not score, rank or profile the children; it only plays the story the parent picked")]
    [InlineData("The library's loan system never evaluates the creditworthiness of members; it only records which books are out")]
    [InlineData("The entrance kiosk stores no fingerprints, face images or health records")]
    [InlineData("The job centre reports how many job seekers found work per region each month, only as totals")]
    [InlineData("The dispatch centre plans next year's stations from the number of calls per district, as totals with nothing on individual callers")]
    [InlineData("Recognise individual horses from photos of their markings for the stud book")]
    [InlineData("Identify individual wolves on the trail cameras from their coat markings for the wildlife survey")]
    public void NegatedAggregateOrNonPersonPractice_IsMinimal(string text)
    {
        var assessment = Assess(text);
        Assert.True(assessment.Tier == RiskTier.Minimal, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.Contains(assessment.Hits, h => !h.Applied && h.Note is not null);
    }

    /// <summary>
    /// The same verbs about persons keep their tier: faces of visitors checked against a list, pupils graded and ranked, a
    /// loan refused with no one checking (the absence of human review is a condition of Art. 22, not a negated practice),
    /// an image shown too fast to notice (what a person cannot perceive is an element of Art. 5(1)(a)), a negation in the
    /// person's own conduct ("customers who do not pay"), totals kept per person, and a person seen through an object.
    /// </summary>
    [Theory]
    [InlineData("Recognise individual visitors at the gate from their faces and check them against the list of banned people", RiskTier.High)]
    [InlineData("The school app grades and ranks the pupils and decides who may move up a class", RiskTier.High)]
    [InlineData("The app does not ask a human; it rejects loan applicants automatically", RiskTier.High)]
    [InlineData("Loan applications are refused automatically, with no one checking the refusals", RiskTier.High)]
    [InlineData("Flash images of the brand too fast for viewers to notice, so they buy more", RiskTier.Prohibited)]
    [InlineData("Customers who do not pay within a week have their electricity cut off automatically, without anyone reviewing it", RiskTier.High)]
    [InlineData("The benefits office reports each claimant's payments as totals for the year and stops the allowance of those above the limit, without anyone checking", RiskTier.High)]
    [InlineData("The driver's cab camera recognises the driver's face and locks the van when someone else sits at the wheel", RiskTier.High)]
    public void SameVerbsAboutPersons_KeepTheirTier(string text, RiskTier atLeast)
    {
        var assessment = Assess(text);
        Assert.True(assessment.Tier >= atLeast, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    [Theory]
    [InlineData("The tutoring tool does not grade or rank pupils; it only shows the next exercise", "The tutoring tool ; it only shows the next exercise")]
    [InlineData("Does not screen candidates; only books rooms", "; only books rooms")]
    [InlineData("The kiosk stores no fingerprints or face images", "The kiosk stores")]
    public void NegatedClause_IsCut(string text, string expected) => Assert.Equal(expected, TaskText.WithoutNegatedPractices(text));

    [Theory]
    [InlineData("Loan applications are refused automatically, with no one checking the refusals")]
    [InlineData("Refuse the claim without human review")]
    [InlineData("Customers who do not pay on time are cut off")]
    [InlineData("Show the offer so briefly that shoppers do not notice it")]
    [InlineData("Rank the applicants and reject the weakest")]
    public void ConditionsOfAPractice_AreNotNegations(string text) => Assert.Null(TaskText.WithoutNegatedPractices(text));

    [Theory]
    [InlineData("Report the visits per month as totals", true)]
    [InlineData("Anonymised survey answers for the annual report", true)]
    [InlineData("Count calls per area; no single caller is identified", true)]
    [InlineData("Report each claimant's payments as totals for the year", false)]
    [InlineData("Show the totals per customer", false)]
    [InlineData("Rank the applicants by their test totals", false)]
    public void AggregateData_IsReadFromTheWords(string text, bool aggregate) => Assert.Equal(aggregate, TaskText.StatesAggregateData(text));
}
