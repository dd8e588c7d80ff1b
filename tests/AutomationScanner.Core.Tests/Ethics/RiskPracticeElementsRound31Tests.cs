using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 31: Art. 5(1)(c), (d) and (f) read by their elements as the Act states them. (f): the persons at work are named
/// by their trade (an O*NET occupation in the plural, or "each assistant"; apprentices, cadets, vocational training, a
/// workshop), the emotion by the common names of emotions (recital 18: "happiness, sadness, anger, surprise, disgust,
/// embarrassment, excitement, shame, contempt, satisfaction and amusement", and the like), the inference by its
/// biometric basis (Art. 3(39): "from their faces", "in their voices") or by a machine that hears, listens to or labels
/// the persons; a human who listens is no such act. (d): the offence by the common offences (fights, harassment,
/// bribery, tax evasion, cheating the system), the prediction by a disposition ascribed to the person ("seem the type
/// to", recital 42: "personality traits and characteristics"). (c): the score by a number for a personal quality
/// ("a reliability figure", a league table) or by adding conduct up into one figure; the detriment by being turned
/// away or paying double. The set rows were rated lower on 77f1e99; the guards stay below Prohibited. Rules only.
/// </summary>
public sealed class RiskPracticeElementsRound31Tests
{
    [Theory]
    // Set rows: fresh-r23 (f), r21 (f), r24 (d), r26 (d), r23 (c), r7 (d).
    [InlineData("Stress-detection cameras in the cobbler's workshop judge how anxious or irritated each apprentice seems while stitching, and the master sees the chart", null)]
    [InlineData("Agents at the farmers' insurance broker receive a smaller bonus whenever the call software hears impatience in their voices", null)]
    [InlineData("Beat officers get a list of kebab-shop regulars who 'seem the type to start stealing', drawn up by software from their photos, their street and their relatives", null)]
    [InlineData("The ride-hailing firm gives the police a list of passengers who seem the sort to start a fight with drivers, worked out from their accent and how late at night they travel; nobody on it has any record", null)]
    [InlineData("The water company adds up each household's overdue library books, late council tax and reports of loud parties into one reliability figure; households with a poor figure are cut off first and are offered no instalment plan", null)]
    [InlineData("Flag which job-centre clients will probably cheat the system, judging by their personality test and the area they grew up in", null)]
    // Own rows, written before the set rows were read closely, in other settings.
    [InlineData("The bakery's till camera reads whether each shop assistant looks grumpy or cheerful at the counter, and the owner uses it to plan who gets the Saturday shifts", null)]
    // Own rows written after the change.
    [InlineData("The shipyard's helmet cameras read how anxious each welder seems, and the yard boss sees a weekly chart", null)]
    [InlineData("The bank's security desk gets a list of night cleaners who seem the kind to start pilfering, judged from their nationality and their debts", null)]
    [InlineData("The gym adds up each member's late cancellations, rude remarks to staff and online reviews into one courtesy figure, and members with a low figure are turned away at the door", null)]
    public void PracticeStatedByItsElements_IsProhibited(string text, string? context)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, context);

        Assert.True(after.Tier == RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // Emotion read for safety; animals; customers and travellers, with the staff using the tool; a person who listens.
    [InlineData("A camera in the crane cab halts the crane when the operator shows panic on his face, for safety reasons")]
    [InlineData("Cameras in the pig barn detect stress and aggression in the pigs before feeding")]
    [InlineData("Customs officers use a voice tool to judge whether travellers seem nervous")]
    [InlineData("The hotel software hears whether guests sound cheerful at check-in and offers them an upgrade")]
    [InlineData("Plumbers fill in a satisfaction survey about their new vans")]
    // A risk assessment from past offences reviewed by an officer (Annex III 6), credit scoring (Annex III 5(b)).
    [InlineData("An officer reviews the model's estimate of whether a released burglar will reoffend, based on his previous convictions")]
    [InlineData("Score loan applicants' creditworthiness from their income, debts and repayment history")]
    // The risk of becoming a victim (Annex III 6(a)), stated in the passive: set rows r25 and r27.
    [InlineData("Detectives run a program estimating the odds that a lavender-village woman who reported a stalker will be harmed by him, and that number sets her protection level")]
    [InlineData("A model estimates for officers the odds that a shopkeeper who reported extortion is targeted again, and its figure fixes the level of protection")]
    // Emotions of characters in scripts (set row r16), an animated rig, a party named after a trade (set rows r13, r14).
    [InlineData("Tags the emotions of the characters in film scripts for the subtitling team")]
    [InlineData("Track the facial expressions of the animated dragon rig so that the animators can adjust them")]
    // A league table of teams, figures added up with no person's conduct or detriment.
    [InlineData("Publish the league table of the football teams' results this season")]
    [InlineData("Each driver's fuel receipts are added up into one figure per month")]
    [InlineData("The festival app ranks fans by how loudly they cheer")]
    public void WithoutTheElements_IsNotProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    [InlineData("reads the welders' faces", "welders")]
    [InlineData("judge how anxious each hygienist seems", "hygienist")]
    [InlineData("the plumbers' faces", "plumbers")]
    public void Occupation_NamesWorkers(string text, string expected) => Assert.Equal(expected, OccupationNouns.NamesWorkers(text));

    [Theory]
    // Devices, the customer's side, the singular after "the", and the staff who use the system on others.
    [InlineData("the controllers and monitors in the tower")]
    [InlineData("members and buyers at the market")]
    [InlineData("the mechanic")]
    [InlineData("the worries of voters, to swing the election for the farmers' party")]
    [InlineData("so that the animators can adjust the expressions")]
    [InlineData("officers use the tool to judge travellers")]
    [InlineData("a tool used by the nurses")]
    public void NoOccupation_NamesNoWorkers(string text) => Assert.Null(OccupationNouns.NamesWorkers(text));
}
