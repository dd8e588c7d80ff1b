using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 48, read from the first run on the blind batch fresh-r48: children dared into dangerous acts by a toy's voice,
/// and callers who forget what they already hold sold it again, are Art. 5(1)(b); a face search through recorded footage
/// is post remote identification (Annex III 1); a model's list of whom to let go at the end of probation is a work decision
/// (Annex III 4(b)); a pass blocked and a contract cancelled that no one looks at, and fines approved by the batch with one
/// click, are solely automated decisions (GDPR Art. 22); a concussion history is health data (GDPR Art. 9); wristbands that
/// follow every named visitor are systematic monitoring (GDPR Art. 35); decisions that differ from the office's usual ones
/// flagged for a team leader are Art. 6(3)(c), reports and attendance gathered for the teachers' meeting Art. 6(3)(d), and a
/// tool a detective has transcribe interviews Art. 6(3)(a); a face compared only with the member's own stored photo is
/// verification, no scraping; a predicted overstay is no crime (Annex III 7, not Art. 5(1)(d)), and a reoffending score no
/// social score (Annex III 6); job adverts taken down or archived select no person; candidates that are plots of land are
/// no persons, in the step's glossary reading either.
/// </summary>
public sealed class RiskRound48Tests
{
    [Theory]
    [InlineData("Blue badge decisions at the council that differ from how the office usually decides similar cases are flagged for a team leader, who reads each one and decides whether anything should change", "(c)")]
    [InlineData("For the school's placement meeting a tool gathers each pupil's past reports and attendance onto one page; the teachers decide the placements themselves", "(d)")]
    [InlineData("Before the hearing, the clerk has a tool transcribe and index the witness interviews so she can search them", "(a)")]
    public void APassiveDeviation_GatheredReports_OrAToolSomeoneHasDoIt_IsArt63(string text, string point)
    {
        var act = TaskText.Art63Act(TaskText.Normalise(text));
        Assert.True(act is not null && act.StartsWith(point, StringComparison.Ordinal), act ?? "(none)");
    }

    [Theory]
    [InlineData("Applications that differ from the usual pattern are rejected automatically")]
    [InlineData("The manager has a tool decide which applicants are invited")]
    public void ADecisionInThoseWords_IsNoArt63Act(string text) => Assert.Null(TaskText.Art63Act(TaskText.Normalise(text)));

    [Theory]
    // Labelled in fresh-r48 (blind, first run on f568556), rated lower or higher there.
    [InlineData("The voice buddy on Pippin Kids watches, sold for children from six to nine, is being tuned to dare the wearer to go out alone after dark or climb onto the garage roof to 'unlock' a golden badge. Each dare carried out earns more stars, and the kids who chase stars hardest get the most dares", null, RiskTier.Prohibited)]
    [InlineData("Boskoop Denture Clinics' phone bot notices when older callers repeat themselves or forget they have already ordered, and for exactly those callers it books a second set of dentures and a care plan they already hold, taking the payment from the card on file", null, RiskTier.Prohibited)]
    [InlineData("Recorded footage face search", null, RiskTier.High)]
    [InlineData("Ops note, Kieffer Nut Processing: the productivity model lists the shellers to let go at the end of probation. The shift manager opens the list and presses 'confirm all', usually in under a minute", null, RiskTier.High)]
    [InlineData("If the gates of the Ventoux cog railway log the same annual pass twice within a few minutes, the pass is blocked and the holder's contract is cancelled without refund. No one at the ticket office looks at the case", null, RiskTier.High)]
    [InlineData("Fines for driving into Julier's low-emission zone are generated from number plates and vehicle registration data; a clerk approves the day's batch with a single click and the letters go out", null, RiskTier.High)]
    [InlineData("BASVURU_DEGERLENDIRME", "Dhaulagiri immigration office, au pair residence permits. Steps: Receive_Application -> BASVURU_DEGERLENDIRME -> Issue_Decision. A model predicts how likely each au pair is to stay on illegally from nationality, bank statements and host family; high-risk files get a refusal drafted and signed in batches", RiskTier.High)]
    [InlineData("Jeomsu_Gyesan", "Manaslu police, drink-driving arrests. Steps: Take_Breath_Test -> Jeomsu_Gyesan -> Set_Release_Conditions. The model gives the arrested driver a reoffending score from earlier offences and licence history; the score decides whether they are released with a reporting duty", RiskTier.High)]
    [InlineData("Blue badge decisions at Denniston council that differ from how the office usually decides similar cases are flagged for a team leader, who reads each one and decides whether anything should change; nothing is changed automatically", null, RiskTier.Limited)]
    [InlineData("For Tambor School's placement meeting a tool gathers each pupil's past reports and attendance onto one page; the teachers discuss every pupil and decide the placements themselves", null, RiskTier.Limited)]
    [InlineData("Sani Wrestling Federation stores every licensed wrestler's concussion history and brain scan results in its licence database", null, RiskTier.Limited)]
    [InlineData("Wristbands with chips follow each of the 60,000 visitors of the Gerlos Open Air, all registered by name, from stage to stage and bar to bar over four days", null, RiskTier.Limited)]
    [InlineData("Job adverts on the Ellendale municipal jobs board are taken down automatically at midnight on their closing date and moved to the archive folder", null, RiskTier.Minimal)]
    [InlineData("GraduatoriaCandidati", "Torugart Pecans, planning a new plantation. Steps: Collect_Soil_Tests -> GraduatoriaCandidati -> Buy_Land. The candidates are eight plots of land, put in order by soil, slope and frost risk", RiskTier.Minimal)]
    public void LabelledCases_GetTheirTier(string text, string? context, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, "fresh-r48");
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Written for this round (not labelled cases): the same practices in other words, and their near misses.
    [InlineData("The game app for 8- to 10-year-olds dares players to climb onto a balcony railing to win a bonus badge", RiskTier.Prohibited)]
    [InlineData("The pharmacy's phone assistant hears when elderly callers get confused and, for those callers, books a repeat delivery of tablets they already have and charges their card", RiskTier.Prohibited)]
    [InlineData("CCTV recordings from the station are run through face search to name the man who left the bag", RiskTier.High)]
    [InlineData("Parking fines are generated from camera images, and an officer approves the whole batch with a single click before the notices go out", RiskTier.High)]
    [InlineData("The scheduling model lists which temps are to be let go after the busy season, from their pick rates", RiskTier.High)]
    [InlineData("A model predicts which visa holders are likely to overstay, from their nationality and savings, and their renewals are refused", RiskTier.High)]
    [InlineData("The rugby club keeps each player's concussion record in the squad database", RiskTier.Limited)]
    [InlineData("RFID wristbands track every registered visitor of the festival between the stages", RiskTier.Limited)]
    [InlineData("Vacancy adverts on the intranet are archived automatically once the closing date has passed", RiskTier.Minimal)]
    [InlineData("RFID tags follow each pallet through the warehouse", RiskTier.Minimal)]
    public void ThePractices_InOtherWords_GetTheirTier(string text, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Near misses that must not be read as the prohibited practice: a door that verifies a member against their own photo
    // (fresh-r48's boat club, labelled Limited, High accepted), a parole reoffending score (Annex III 6, not social
    // scoring).
    [InlineData("Gym members unlock the door with a camera that compares their face only with the photo stored for their own card")]
    [InlineData("Members of the Cenis Boat Club open the boathouse door by looking into a camera, which compares their face only with the photo stored for their own membership card")]
    [InlineData("The probation service gives each person on parole a reoffending score from their earlier convictions, for the officer's report")]
    public void ANearMiss_IsNotProhibited(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier != RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Hostile texts for this round's patterns, as long as a scan hands the screen (see RiskRound39Tests).
    [InlineData("dare the children to climb onto ")]
    [InlineData("forget they have already ordered ")]
    [InlineData("no one at the office looks ")]
    [InlineData("with a single click ")]
    [InlineData("that differ from how the office usually ")]
    [InlineData("has a tool ")]
    [InlineData("the candidates are plots ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "is let go");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }
}
