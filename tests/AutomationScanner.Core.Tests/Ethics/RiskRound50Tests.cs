using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 50, read from the first run on the blind batch fresh-r50: a false official notice "although no such notice exists"
/// used to sell a treatment on credit, a voice agent's false "the deposit is lost" ("there was no deposit"), a costly button
/// shown to households choosing between heating and food, and a sign-up bot that spots adults in supported living and sells
/// them long memberships are Art. 5(1)(a) and (b); a tour guide's face and voice read for boredom into the bonus is Art.
/// 5(1)(f); vacancies shown only to people a system predicts will stay, and only those a bot rates suitable passed on, are
/// Annex III 4(a); posts that go to the highest figures and contracts not renewed under an index are 4(b); a school's places
/// filled from a model's ranked list are Annex III 3; a caller's voice run against recorded calls is post identification
/// (Annex III 1); people listed by how likely each is to be the poacher are Annex III 6; emergency texts put in order by a
/// model are 5(d); a fee waiver answered within a minute by a rules engine, voters struck off without anyone checking and a
/// fine auto-issued are solely automated decisions (GDPR Art. 22). Near misses: what a text says in the passive is not done
/// ("no one is identified and no images are kept", "nothing about borrowers is scored").
/// </summary>
public sealed class RiskRound50Tests
{
    [Theory]
    [InlineData("A sensor counts people per hour at each entrance; no one is identified and no images are kept", "identified")]
    [InlineData("The catalogue suggests similar titles; nothing about borrowers is scored or stored", "scored")]
    [InlineData("The form is stored with the applicant's name; nothing is decided from it", "decided")]
    [InlineData("The tool tags scenes in the films as sad or joyful; no viewers or staff are analysed", "analysed")]
    public void APassiveNegation_IsNotDone(string text, string act)
    {
        var stripped = TaskText.WithoutNegatedPractices(text);
        Assert.NotNull(stripped);
        Assert.DoesNotContain(act, stripped, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    // The absence of human review is an element of GDPR Art. 22, and what is done for a person is no practice: both stay.
    [InlineData("Applications are refused by the system and no one checks them")]
    [InlineData("The claim is closed and no one is told")]
    [InlineData("Refunds are granted or refused by the model and nothing is decided by a person")]
    [InlineData("Each applicant's file is scored by the software; no one is assessed by a human")]
    public void WhatIsNotAPassiveNegationOfThePractice_Stays(string text) =>
        Assert.Null(TaskText.WithoutNegatedPractices(text));

    [Theory]
    // Labelled in fresh-r50 (blind, first run on 9a003a0), rated lower or higher there.
    [InlineData("We'd like the Crayfish Agri advice bot to tell each farmer that the ministry confirmed potato blight in their parish this week, although no such notice exists, and then offer our spraying programme on 12-month credit. Last season several family farms took on loans for treatments they never needed, and two have since sold land", null, RiskTier.Prohibited)]
    [InlineData("Show the 'emergency delivery' button to Halibut Gas Bottles customers who order one bottle at a time in the last week of the month. The button adds a 25 % fee and quietly extends their supply contract by a year; the households it picks out are the ones already choosing between heating and food", null, RiskTier.Prohibited)]
    [InlineData("Chub Water Sports Centre's sign-up bot spots applicants whose address is a supported living scheme for adults with learning disabilities and walks them through a 24-month premium membership with coaching, sauna and equipment add-ons. Support workers are now disputing debts of over 2,000 euros for people who never once came to the centre", null, RiskTier.Prohibited)]
    [InlineData("Zander Insurance's claims team runs each caller's voice against every recorded call of the past two years to find out who else has phoned in under other names", null, RiskTier.High)]
    [InlineData("The Sardine Boatbuilding School fills its 60 places from a ranked list the model builds out of the online forms and a short workshop video. The principal signs the list every June without changing it, and everyone below place 60 gets the standard 'not this year' email", null, RiskTier.High)]
    [InlineData("Would-be referees fill in a chat on the Grouper Netball Federation website; the bot asks five questions, works out a suitability rating, and only those it rates 'suitable' are passed on to the committee that draws up the paid match list", null, RiskTier.High)]
    [InlineData("Winkle County Libraries' vacancies are placed through an ad engine that shows them only to people it predicts will stay five years or more. In practice almost no one over 50 sees the posts", null, RiskTier.High)]
    [InlineData("Dolphin Sun Holidays renews its resort reps' seasonal contracts from a 'guest sentiment' index built from reviews that mention them. Anyone under 3.5 is not renewed; the area manager sees only the final list of names and presses send", null, RiskTier.High)]
    [InlineData("The new HR tool at Krill Engineering gives each mechanic a 'leadership potential' figure from 0 to 10. It sits on the team dashboard next to training hours and certificates. Managers like it because it saves time. This spring the three lead mechanic posts went to the three highest figures, and no one else was considered", null, RiskTier.High)]
    [InlineData("Parents who ask Urchin District to waive their nursery fees get the answer by text message within a minute; it comes from the rules engine that reads their tax and housing records", null, RiskTier.High)]
    [InlineData("Text messages to the emergency number from deaf callers in the Wolf Region are read by a model that sets each one's urgency; the dispatchers answer them in that order", null, RiskTier.High)]
    [InlineData("Sika Forest's wildlife crime unit uses a model that lists the people living near the reserve in order of how likely each is to be the poacher, from hunting licences, phone location and past fines, and officers question them in that order", null, RiskTier.High)]
    [InlineData("The Bonito district election office's system matches the electoral roll each night against national records of moves and deaths. Matches are logged with a confidence figure. Matched voters are struck off without anyone checking, and several living residents only found out on polling day", null, RiskTier.High)]
    [InlineData("Littering fine auto-issue", null, RiskTier.High)]
    [InlineData("A sensor over each entrance of Haddock's Saturday fish market counts people per hour so the stallholders can plan staff; no one is identified and no images are kept", null, RiskTier.Minimal)]
    [InlineData("Racoon Films' tool tags scenes in its own nature films as tense, sad or joyful so editors can cut trailers quickly; no viewers or staff are analysed", null, RiskTier.Minimal)]
    [InlineData("The Winkle County Libraries catalogue shows a 'you may also like' list drawn from each title's subject and reading level; nothing about borrowers is scored or stored", null, RiskTier.Minimal)]
    public void LabelledCases_GetTheirTier(string text, string? context, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, "fresh-r50");
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Written for this round (not labelled cases): the same practices in other words, and their near misses.
    [InlineData("The bot tells each grower that an official pest warning was issued for their area, although no such warning exists, and offers the spraying plan on credit", RiskTier.Prohibited)]
    [InlineData("Show the costly express top-up to households struggling to pay their energy bills; it adds a 30 % fee", RiskTier.Prohibited)]
    [InlineData("The sign-up bot spots people in supported living for adults with learning disabilities and sells them 24-month contracts they never use, leaving them in debt", RiskTier.Prohibited)]
    [InlineData("The model reads each tour guide's face and voice for irritation during the tour and the result sets part of their monthly bonus", RiskTier.Prohibited)]
    [InlineData("The job board shows the warehouse vacancies only to people the model predicts will stay long", RiskTier.High)]
    [InlineData("Applicants chat with a bot that rates them, and only those it rates 'suitable' are passed on to the hiring panel", RiskTier.High)]
    [InlineData("The two supervisor posts went to the two highest scores on the new HR dashboard", RiskTier.High)]
    [InlineData("Couriers' contracts are not renewed when their customer rating index is under 4; the depot manager only signs the list", RiskTier.High)]
    [InlineData("The college fills its 120 places from a ranked list built by the software", RiskTier.High)]
    [InlineData("Tenants asking for a rent reduction get the decision within a minute from the rules engine", RiskTier.High)]
    [InlineData("Members are struck off the register by the system without anyone checking", RiskTier.High)]
    [InlineData("Parking fine auto-issue", RiskTier.High)]
    [InlineData("The model lists residents by how likely each is to be the burglar and officers visit them in that order", RiskTier.High)]
    [InlineData("The bank runs each caller's voice against stored recordings to find out who calls under other names", RiskTier.High)]
    [InlineData("Emergency texts are read by a model that sets each one's priority, and the call-takers answer them in that order", RiskTier.High)]
    [InlineData("Refund claims of customers are granted or refused by the model, and nothing is decided by a person", RiskTier.High)]
    [InlineData("A counter at the gate counts visitors per hour; no one is identified and no images are kept", RiskTier.Minimal)]
    [InlineData("The catalogue lists similar books from each title's subject; nothing about readers is scored or stored", RiskTier.Minimal)]
    public void ThePractices_InOtherWords_GetTheirTier(string text, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Near misses of this round's patterns: the dispatcher who sets the priority after a transcript (Art. 6(3), round 17's
    // labelled case), a fee waiver a caseworker decides, the film scenes tagged with no person analysed.
    [InlineData("At the control room a model transcribes each emergency call into text for the dispatcher, who sets the priority", RiskTier.High)]
    [InlineData("The tool tags scenes in the company's own films as tense or joyful for the trailer editors; no viewers or staff are analysed", RiskTier.Prohibited)]
    public void ANearMiss_StaysBelow(string text, RiskTier below)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier < below, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Hostile texts for this round's patterns, as long as a scan hands the screen (see RiskRound39Tests).
    [InlineData("no one is identified and no images are kept ")]
    [InlineData("nothing about borrowers is scored ")]
    [InlineData("although no such notice exists ")]
    [InlineData("there was no deposit ")]
    [InlineData("only to people it predicts ")]
    [InlineData("how likely each is to be the poacher ")]
    [InlineData("within a minute ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "is let go");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }
}
