using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 25: an Art. 5 practice rated lower than Prohibited because the step that performs it has a readable name and an
/// Annex III or GDPR finding of its own (emotion recognition within biometrics or education, social scoring within a
/// refusal with legal effect), or no finding at all, while its process description states the practice. An Art. 5 point
/// is the conjunction of its legal elements (the catalogue's <c>elements</c>, written from the Act and recitals 28-45):
/// where a description sentence states every element of one alternative in its own words, and the step's name names the
/// practice's act (reading the moods, scoring the residents, predicting the offence, by pattern or by meaning against
/// the element's seeds), the step takes the Art. 5 finding. The point's exceptions (the rule's <c>unless</c>: the medical
/// or safety reason of 5(1)(f), emotions of customers) and its missing elements keep it lower, as does a step whose name
/// names no act of the practice. Each Prohibited row was rated lower on 1a3b6af (the set cases are in data/risk-evaluation;
/// the rows in other words were written for this test); the rules are run without the labelled cases.
/// </summary>
public sealed class RiskProhibitedPracticeRound25Tests
{
    [Theory]
    // fresh-r22 (High by Annex III 3 from the education domain), fresh-r14 (High by Art. 22), fresh-r16, fresh-r11.
    [InlineData("Measúnú_giúmar", "Secondary school language lessons: a tablet app watches children's expressions to tell which are bored or anxious and reports it to the teacher")]
    [InlineData("LAKOSSAGI_PONTSZAM_ALAPJAN_ELUTASIT", "lakeside town hall: applications for a summer lifeguard job, a beach-hut permit or a boat mooring are refused to residents whose behaviour score, built from traffic offences, complaints by neighbours and their social-media activity, is below the threshold")]
    [InlineData("evaluare_profil_risc", "Romanian probation service: the tool labels each person as a likely future offender purely from personality questionnaire answers, family background and neighbourhood, with no facts about anything the person has actually done")]
    [InlineData("STIMMUNG_ERKENNEN", "museum's gallery attendants at work: cameras in the halls read each attendant's mood from their face, and the results go to their team leader")]
    // Written for this round.
    [InlineData("Mood recognition", "Call centre of a water utility: the software listens to the agents' voices during every call and rates how frustrated or calm each agent is, and the scores go to their team leader")]
    [InlineData("Score residents and refuse permits", "Town hall permits office: each resident gets points for attending council meetings and for neighbours' complaints about noise; residents with few points are refused a parking permit")]
    public void AStepThatPerformsThePracticeItsDescriptionStates_IsProhibited(string step, string description)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, description);

        Assert.Equal(RiskTier.Prohibited, after.Tier);
        Assert.Contains(after.Hits, h => h.Applied && h.Kind == RuleKind.Prohibited && h.Evidence.Scope == EvidenceScope.ProcessContext);
    }

    [Theory]
    // Annex III 1(c) without the element of 5(1)(f): the emotions of customers, or a medical or safety reason.
    [InlineData("Emotion analysis", "Shoe shop: cameras at the tills read the faces of customers to tell whether they are satisfied or annoyed, and the results go to the store manager")]
    [InlineData("Emotion analysis", "Hospital ward: for safety reasons the system reads the night nurses' faces for fatigue and stress and alerts the ward sister")]
    // A step whose name names no act of the practice: the practice is performed elsewhere in the process.
    [InlineData("Send invoice", "Village council: each resident gets points for attending council meetings and for neighbours' complaints about noise; residents with few points are refused a parking permit")]
    // Animals, not workers or students.
    [InlineData("Mood recognition", "Dairy farm: cameras in the milking parlour read the cows' stress and fear from their faces and the herd manager sees the list")]
    // Art. 5(1)(h)(i)-(iii) with Art. 5(3): a targeted search for a specific victim, an imminent threat or a suspect of a
    // listed offence, under a judge's prior authorisation, is Annex III 1(a), not the prohibited practice.
    [InlineData("Face identification", "Police search for an abducted child: under a judge's prior authorisation, the live camera feeds at the railway station are compared in real time with the photo of the one missing child")]
    // Post-event matching of recorded footage: no real-time element.
    [InlineData("Face matching", "Police burglary squad: a week after the break-in, detectives compare still images from the shop's recorded CCTV with the custody photo database")]
    public void AStepWithoutThePracticesElements_IsNotProhibited(string step, string description)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, description);

        Assert.True(after.Tier < RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
