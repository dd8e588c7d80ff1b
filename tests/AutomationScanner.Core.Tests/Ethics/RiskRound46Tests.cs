using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 46, read from the first run on the blind batch fresh-r46: an occupation named after the feature read from it
/// ("emotion tracking of cashiers") names workers (Art. 5(1)(f)); "emergency dispatch" is the emergency services (Annex
/// III 5(d)); a likelihood of repaying, a judgement whether someone keeps up instalments and "no instalment plan" are
/// acts of Annex III 5(b); putting a learner in a class is a placement (Annex III 3); graduate programmes, people who
/// want to drive for a firm, a "polite no" and a model's 'strong' label are recruitment (Annex III 4(a)); a passer-by is
/// a person (Annex III 1); an AI assistant introducing itself as an inspector is an impersonation (Art. 5(1)(a));
/// whether a suspect is lying is no emotion of a worker (Annex III 6, not Art. 5(1)(f)); footage matched against a
/// database that exists is identification, not the untargeted scraping that builds one (Art. 5(1)(e)); "shown or
/// hidden" hides nothing from the person; a technique tested and turned down is not done; candidate sites and candidate
/// suppliers are no persons; rewording finished notes "in neutral, polite wording" and looking back at decisions
/// already taken "so that a senior officer reviews them" are Art. 6(3)(b) and (c).
/// </summary>
public sealed class RiskRound46Tests
{
    [Theory]
    [InlineData("Emotion tracking of cashiers", "cashiers")]
    [InlineData("Read the moods of the welders on the night shift", "welders")]
    [InlineData("the facial expressions of our receptionists", "receptionists")]
    public void AFeatureOfAnOccupation_NamesWorkers(string text, string expected) => Assert.Equal(expected, OccupationNouns.NamesWorkers(text));

    [Theory]
    [InlineData("Emotion tracking of customers")]
    [InlineData("The cashiers count the tills")]
    [InlineData("the moods of the season")]
    public void NoFeatureOfAnOccupation_NamesNoWorkers(string text) => Assert.Null(OccupationNouns.NamesWorkers(text));

    [Fact]
    public void ATechniqueTestedAndTurnedDown_IsNotDone()
    {
        Assert.NotNull(TaskText.WithoutNegatedPractices("Last year we tested an emotion-reading add-on for the contact centre headsets and turned it down; nothing was installed"));
        Assert.Null(TaskText.WithoutNegatedPractices("Last year we tested an emotion-reading add-on for the contact centre headsets and rolled it out to every agent"));
    }

    [Theory]
    [InlineData("After the recruiters have interviewed the candidates and made their choice, a tool rewrites the recruiters' notes in neutral, polite wording for the feedback letters", "(b)")]
    [InlineData("At the bank, software looks back at loan decisions already taken by credit officers and flags those that depart from that officer's usual pattern, so that a senior officer reviews them", "(c)")]
    public void FinishedWorkReworded_OrEarlierDecisionsLookedBackAt_IsArt63(string text, string point)
    {
        var act = TaskText.Art63Act(TaskText.Normalise(text));
        Assert.True(act is not null && act.StartsWith(point, StringComparison.Ordinal), act ?? "(none)");
    }

    [Fact]
    public void LookingBackAtDecisions_ThatTheSoftwareTakes_IsNoArt63()
    {
        Assert.Null(TaskText.Art63Act(TaskText.Normalise("Software looks back at each loan application and decides whether to approve it")));
    }

    [Theory]
    // Labelled in fresh-r46 (blind, first run on e8f3307), rated lower or higher there.
    [InlineData("Emotion tracking of cashiers", null, RiskTier.Prohibited)]
    [InlineData("Rozmowa_Sprzedazowa", "Tutti Windows, doorstep sales of replacement windows. This step logs the sales conversation held on the seller's tablet. The tablet's voice assistant introduces itself as an inspector from the regional energy agency, tells owners that their windows break a new insulation law and will bring a fine, and owners sign loan-financed orders of around 15,000 euros on the spot", RiskTier.Prohibited)]
    [InlineData("At the Gambang duty-free shop, cameras above the entrance estimate each passer-by's age band and gender and switch the display screens to matching advertising", null, RiskTier.High)]
    [InlineData("Kora Online Language School puts each new learner in an A1, A2, B1, B2 or C1 class from a ten-minute adaptive test; no teacher looks at the result, and the class cannot be changed for the rest of the term", null, RiskTier.High)]
    [InlineData("Anyone who wants to drive for Charango Buses starts with a chat on the careers page about availability, licence class and previous employers. After the chat only the people the model labels 'strong' receive a link to book an interview; the others get a polite no the same day", null, RiskTier.High)]
    [InlineData("Borrower repayment likelihood", null, RiskTier.High)]
    [InlineData("Emergency dispatch priority model", null, RiskTier.High)]
    [InlineData("During interviews Hulusi police run a voice-stress tool that shows the officer on screen whether the suspect is lying in each answer", null, RiskTier.High)]
    [InlineData("After a break-in at the Crumhorn Logistics depot, the security team ran last month's car-park recordings through a face-search tool to put names to the people seen there, matching them against the staff photo database and the driving-licence photos kept on file", null, RiskTier.High)]
    [InlineData("After the Sousaphone Staffing recruiters have interviewed the candidates and made their choice, a tool rewrites the recruiters' notes in neutral, polite wording for the feedback letters; the choice itself is not touched", null, RiskTier.Limited)]
    [InlineData("At Quaver Bank, software looks back at consumer loan decisions already taken by credit officers and flags those that depart from that officer's usual pattern, so that a senior officer reviews them. It changes nothing and makes no decision of its own", null, RiskTier.Limited)]
    [InlineData("Last year we tested an emotion-reading add-on for the Sarod contact centre headsets and turned it down; nothing was installed and no recordings of agents were kept", null, RiskTier.Minimal)]
    [InlineData("Candidate sites for the Sarabande wind farm are ranked by wind speed, distance to the grid and bird survey results", null, RiskTier.Minimal)]
    public void LabelledCases_GetTheirTier(string text, string? context, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, "fresh-r46");
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Written for this round (not labelled cases): the same practices in other words, and their near misses.
    [InlineData("Mood tracking of waiters during their shifts", RiskTier.Prohibited)]
    [InlineData("The sales app's chat assistant introduces itself as an official from the tax office and tells pensioners they must sign a savings contract today", RiskTier.Prohibited)]
    [InlineData("Cameras at the mall entrance estimate each passer-by's age and gender to choose the advert on the screen", RiskTier.High)]
    [InlineData("Tenant repayment likelihood", RiskTier.High)]
    [InlineData("Police run a voice-stress tool in interviews that tells the officer whether the witness is lying", RiskTier.High)]
    [InlineData("Emergency dispatch of spare pumps to the flooded plant", RiskTier.Minimal)]
    [InlineData("Candidate locations for the new warehouse are ranked by rent and distance to the motorway", RiskTier.Minimal)]
    [InlineData("We tested an emotion-reading add-on for the call centre and turned it down; nothing was installed", RiskTier.Minimal)]
    public void ThePractices_InOtherWords_GetTheirTier(string text, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Hostile texts for this round's patterns, as long as a scan hands the screen (see RiskRound39Tests).
    [InlineData("emotion tracking of the of cashiers ")]
    [InlineData("introduces itself as an inspector from the ")]
    [InlineData("tested an add-on and turned it down ; ")]
    [InlineData("candidate sites candidate suppliers candidate ")]
    [InlineData("looks back at decisions so that a senior officer reviews ")]
    [InlineData("in neutral, polite, plain, short, ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "is let go");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }
}
