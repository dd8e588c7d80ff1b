using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 23: over-ratings by mechanism. (1) The personal-data rule a domain passes to every step (D3, GDPR Art. 35)
/// presumes the process's cases are persons; where the process description and the step name no person or person's
/// record, the process handles things and the presumption has nothing to rest on (personal data relate to a natural
/// person, GDPR Art. 4(1)). (2) A text that reads an animal by a part of the body no human has (fur, feathers, fins,
/// scales) is about the animal (biometric data are a natural person's, AI Act Art. 3(34)). (3) Averages per school or
/// region, regional totals, are statistics that identify no one (Recital 26). Rows marked "set" are evaluation cases;
/// the others are written for this test from the mechanism. Each positive row was rated above Minimal on 4fe75d9.
/// </summary>
public sealed class RiskOverRatingRound23Tests
{
    [Theory]
    [InlineData("Maschinenbelegung", "Diving-board factory: the step allocates the press and sanding machines to the early and late shift")] // set r22
    [InlineData("Determine", "Observatory night planning: the step chooses which telescope points at which target tonight from the cloud forecast")] // set r19
    [InlineData("Zuweisung_Stapler", "Warehouse night shift: the step assigns the forklifts and charging bays to the loading docks")]
    [InlineData("Risikoklasse", "Insurer of wind farms: each turbine type is put in a premium band from its failure statistics and tower height")]
    [InlineData("Set level", "Driving school garage: the step sets the tyre pressure of the training cars to the winter setting")]
    public void ProcessOfThings_InheritsNoPersonalDataRule(string step, string context)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, context);
        Assert.True(assessment.Tier == RiskTier.Minimal, $"{step}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    /// <summary>Processes whose description or step names persons or their records keep the inherited rule, and so does a step with another finding about persons.</summary>
    [Theory]
    [InlineData("A_SUBMITTED", "consumer loan application process")] // set
    [InlineData("POSODOBI_NASLOV", "Public library membership: readers' home addresses and phone numbers are updated in the member records")] // set r15
    // (Lead, at merge: the Plovdiv welfare office's "benefit request forms" (set r18, expected Limited) is no longer here: "request"
    // left the person seeds because it made BPIC 2020's "Request For Payment ..." steps name a person, and the vote then
    // rated eleven of them Annex III 4(a) High. The case loses its inherited GDPR 35 finding; see docs/ranking.md.)
    [InlineData("Update records", "Municipal parking office: residents' permit applications are entered into the permit register")]
    [InlineData("Send Fine", "road traffic fine management by a public authority")] // set: contact with the offender, so persons' data
    public void ProcessOfPersons_KeepsThePersonalDataRule(string step, string context)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, context);
        Assert.True(assessment.Tier >= RiskTier.Limited, $"{step}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "D3-personal-data-processing");
    }

    [Theory]
    [InlineData("Identifying individual seals by the patterns on their fur in harbour photos")] // set r22
    [InlineData("Recognise individual sea turtles in the aquarium from the scale pattern on their faces")] // set r14
    [InlineData("Recognise each owl in the barn from the pattern of its feathers on the nest camera")]
    [InlineData("Identify the dolphins in the bay from the nicks in their dorsal fins")]
    public void AnimalReadByItsBody_IsMinimal(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);
        Assert.True(assessment.Tier == RiskTier.Minimal, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    [Theory]
    [InlineData("Identify each worker on the building site camera by their face and hair", RiskTier.High)]
    [InlineData("Match the passengers' faces and fingerprints at the gate against the watch list", RiskTier.High)]
    [InlineData("Recognise individual visitors at the gate from their faces and check them against the list of banned people", RiskTier.High)]
    public void PersonsReadByTheirBody_KeepTheirTier(string text, RiskTier atLeast)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);
        Assert.True(assessment.Tier >= atLeast, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    /// <summary>The set case with its own batch left out of the vote, as the evaluation asks it.</summary>
    [Fact]
    public void AveragesPerSchool_AreNotVotedHigh()
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Average exam results per school, published by region", null, "fresh-r22");
        Assert.True(assessment.Tier == RiskTier.Minimal, $"{assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    [Theory]
    [InlineData("Average exam results per school, published by region", true)]
    [InlineData("Median waiting time by district for the annual report", true)]
    [InlineData("Publish the regional averages of the reading test", true)]
    [InlineData("Average each pupil's marks per term", false)]
    [InlineData("Rank the pupils by their average marks", false)]
    [InlineData("Show the average spend per customer", false)]
    public void AveragesPerPlace_AreAggregates(string text, bool aggregate) => Assert.Equal(aggregate, TaskText.StatesAggregateData(text));
}
