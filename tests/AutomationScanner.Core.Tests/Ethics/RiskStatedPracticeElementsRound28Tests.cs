using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 28: Art. 5 practices rated High or lower where the Art. 5 elements are stated. Three readings, each from the
/// Act's own terms:
/// <list type="bullet">
/// <item>Art. 5(1)(f)'s inference stated by a verb of appearance before an emotion ("marks who sounds discouraged", "how
/// anxious each one seems"): the system reports the emotion a person's voice or face shows, which is inferring it from
/// the voice's or the face's characteristics (Art. 3(39), recital 18).</item>
/// <item>Art. 5(1)(g)'s trade union membership stated by the verb of membership ("belong to a union", "are in a union",
/// "joined the union").</item>
/// <item>An Art. 5 practice within an Annex III use (<see cref="RuleDefinition.WithinRule"/>) is read for its elements
/// (one by meaning at the stricter word threshold) also where the nearest rule is another practice within the same use
/// (a categorisation by faith from faces read nearest to live face identification: both Annex III 1) or an Annex III use in
/// whose setting the practice lies by its own element (<see cref="RuleDefinition.WithinUses"/>: Art. 5(1)(f)'s workplace
/// and education, Annex III 3 and 4; Art. 5(1)(h)'s law enforcement, Annex III 6).</item>
/// </list>
/// The set rows were rated lower on 2f8c3f6 (the per-case dump); the guards stay below Prohibited. Rules only. Two
/// rows written for the union grammar ("a plumbing firm's hiring tool ... video interviews", "a bakery chain's hiring
/// app ... selfies" ... "belong to a union") stay High on the branch: every element is in words, but the text reads
/// nearer to recruitment than to the practice (P3 below its element threshold); they were dropped, not fixed.
/// </summary>
public sealed class RiskStatedPracticeElementsRound28Tests
{
    [Theory]
    // fresh-r21, fresh-r22, fresh-r27.
    [InlineData("The circus school's practice app listens to the pupils and marks who sounds discouraged and who sounds cheerful, and teachers see the list before casting the end-of-year show")]
    [InlineData("The roofing firm's hiring app guesses from applicants' photos who is likely to belong to a union")]
    [InlineData("At the bathhouse door a camera divides guests by the faith it guesses from their faces and head coverings, and sends the owner a daily breakdown")]
    // Written for this round.
    [InlineData("The dance academy's rehearsal app listens to the students and shows the director who sounds bored or nervous")]
    public void ThePracticeWithItsElementsStated_IsProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier == RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // Art. 5(1)(f)'s exception (safety) and customers' emotions (Annex III 1(c)).
    [InlineData("The truck cab camera detects when the driver looks drowsy or stressed and sounds an alarm for safety")]
    [InlineData("The call centre software measures how satisfied callers sound at the end of each call")]
    // Post (not real-time) identification (Annex III 1(a)) and a 1:1 verification for access.
    [InlineData("Police compare recorded CCTV footage from last week with the mugshot database to find the burglar")]
    [InlineData("Staff unlock the office door by looking at a face reader that checks they are who their badge says")]
    // Credit scoring from financial data (Annex III 5(b)); crime analytics on places, not persons.
    [InlineData("The bank scores applicants for a loan from their income and repayment history")]
    [InlineData("Map which streets had the most burglaries last year to plan patrols")]
    // Union membership with no biometric data; a verb of appearance with no emotion.
    [InlineData("Send the welcome letter to workers who joined the union this month")]
    [InlineData("The teacher's app shows which pupils looked at the slides before the lesson")]
    public void WithoutAnElementOrWithItsException_IsNotProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
