using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 29: Art. 5(1)(h) stated with its law-enforcement purpose. The practice is the use of real-time remote biometric
/// identification systems in publicly accessible spaces for the purpose of law enforcement; where a text states that
/// purpose (police, officers, patrols), the other elements may be read in the words of their definitions: "remote"
/// (Art. 3(41), recital 17: without the person's involvement, at a distance, many persons at once) by the cameras or the
/// crowd that capture them, "real time" (Art. 3(42): capture, comparison and identification without significant delay)
/// by the moment the officers are alerted or the persons are still there ("the moment", "while they watch", "at once"),
/// the identification by the comparison with a reference list ("anyone on the list", "spot people who", "is named"), the
/// publicly accessible space (Art. 3(44), recital 19) by its public (spectators, visitors, passengers). A claimed
/// exception that the text denies ("no judge's permission") is no prior authorisation (Art. 5(2)-(3)). The set rows
/// were rated lower on bde89df; the guards (post-event matching, Annex III 1(a); counting; animals; number plates; one's
/// own phone; an authorised search for an abducted child) stay below Prohibited. Rules only.
/// </summary>
public sealed class RiskLawEnforcementIdentificationRound29Tests
{
    [Theory]
    // fresh-r22, r23, r25 (context), r25, r26, r27, r28.
    [InlineData("Instant crowd identification by officers at a street market", null)]
    [InlineData("During the rowing regatta officers scan the riverbank crowd in real time for anyone on the list of protest organisers", null)]
    [InlineData("Otsetuvastus_väljak", "Station plaza during the regional lacrosse tournament. Officers connect the plaza's cameras to a list of those sought for petty shoplifting, and each pedestrian is named on the spot as they go by")]
    [InlineData("Officers at the pyrotechnics show get a phone alert the moment the street cameras spot any person who ever marched at a demonstration", null)]
    [InlineData("Officers at the harvest festival are buzzed on their phones with the name of each passer-by the street-corner cameras identify, so they can stop people who owe taxes", null)]
    [InlineData("Police say it is about terrorism, but the live face scanning at the night bus terminal runs every night to spot people who joined last year's protests, with no specific threat and no judge's permission", null)]
    [InlineData("The bobsled track's police post checks every spectator's face in the stands against a database while they watch to find anyone with an unpaid parking fine", null)]
    // Written for this round (other settings and words).
    [InlineData("At the ferry terminal, border police have the cameras tell them who each arriving passenger is as they walk off the ramp, so that people with unpaid fines can be stopped", null)]
    [InlineData("The police van parked by the shopping street runs the faces of shoppers walking past through a list of people wanted for minor theft, and officers step in at once", null)]
    public void LiveIdentificationForLawEnforcement_IsProhibited(string text, string? context)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, context);

        Assert.True(after.Tier == RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // Post-event identification by the police (Annex III 1(a), High), not real time.
    [InlineData("Police investigators run last week's CCTV recordings from the train station through face matching to find the burglary suspect")]
    [InlineData("Police review the festival's camera footage the next day to identify who threw bottles")]
    // Prior judicial authorisation for a named abducted child (Art. 5(1)(h)(i), 5(3)).
    [InlineData("With a judge's prior permission, officers switch on instant face identification at the stadium gates for a few hours to locate one specific kidnapped child")]
    // No identification of persons: counting, animals, number plates, one's own phone.
    [InlineData("Officers count the crowd at the street market with cameras to plan patrols")]
    [InlineData("Cameras at the zoo recognise each elephant as it enters the enclosure")]
    [InlineData("Traffic cameras on the high street read the number plates of passing cars in real time to find stolen vehicles")]
    [InlineData("Unlock my phone with my face")]
    [InlineData("Staff at the gym entrance check members' cards as they arrive")]
    public void WithoutTheElementsOrWithTheException_IsNotProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
