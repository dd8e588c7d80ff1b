using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 32: a read step takes a High or Prohibited finding its process description states when, among the clauses of the
/// description (its setting and each act it names), the clause nearest in meaning to the step's words is the clause that
/// carries the finding, and the step's words name no peripheral act (archive, print, pay out, invoice, log in, notify).
/// Annex III, GDPR Art. 22 and Art. 5 attach to the use of the system in the process: a step whose name is nearer to the
/// described use than to any other act of the process is where the use is made; a step nearer to another act (a scan, a
/// fee, a receipt) or naming a peripheral act takes nothing new. Nearness is weaker evidence than a shared word (round
/// 31), so only findings stated by pattern or matched at the catalogue's High threshold pass this way. "Before" is the
/// same screen with the reading off (and, since round 36, the served-practice rule off, which also rates the crawler step
/// Prohibited: <see cref="RiskScreen.StepsServeTheStatedPractice"/>); the rules run without the labelled cases.
/// </summary>
public sealed class RiskDescribedPracticeRound32Tests
{
    private static RiskScreen Before => new(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value) { LabelledCases = null, ReadsTheNearestClause = false, StepsServeTheStatedPractice = false };

    private static RiskScreen After => RiskEvaluation.RulesOnly();

    // The nearest-clause reading alone (the served-practice rule off in both): since round 36 the served rule, on by
    // default, gives a peripheral step of a process that states a practice with every element that practice ("Print
    // boarding passes" of the ferry takes its crime prediction: the product's rule that a step that prints, logs or
    // forwards is part of the system, RiskServedPracticeRound35Tests); what this guard holds is that nearness adds nothing.
    private static RiskScreen AfterReadingAlone => new(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value) { LabelledCases = null, StepsServeTheStatedPractice = false };

    private const string Ferry = "Ferry operator's security desk. Tickets are sold online. The tool predicts which passengers are likely to steal on board from their nationality, age and postal code alone, and those passengers are searched at boarding.";
    private const string Admissions = "Mountain university admissions office. Applications are scanned in March. The software ranks each applicant from school grades and a personality questionnaire and only the top two hundred are admitted.";
    private const string Arbitration = "Arbitration service for disputes between tenants and landlords of holiday flats. Parties upload their documents. An AI model weighs the evidence, applies tenancy law and writes the binding decision, which the arbiter signs unread.";

    [Theory]
    // Set case (fresh-r22), rated Minimal on a804436: a Slovak step name ("collection of faces from the web").
    [InlineData("Zber_tvári_web", "Security vendor product build: a crawler indiscriminately copies pictures of people from social networks and shop CCTV recordings to grow the pool its recognition engine compares against", RiskTier.Prohibited)]
    public void AStepNearestToTheClauseOfThePractice_TakesItsFinding(string step, string description, RiskTier expected)
    {
        var before = RiskEvaluation.Assess(Before, step, description);
        var after = RiskEvaluation.Assess(After, step, description);

        Assert.True(before.Tier < expected, $"before {before.Tier}: {RiskEvaluation.HitsOf(before)}");
        Assert.True(after.Tier == expected, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
        Assert.Contains(after.Hits, h => h.Applied && h.Tier == expected && h.Evidence.Scope == EvidenceScope.ProcessContext && h.Evidence.Excerpt.Contains("nearer in meaning", StringComparison.Ordinal));
    }

    [Theory]
    // Written for this round: peripheral steps of processes whose description states a practice, and the same step names
    // in benign processes.
    [InlineData("Billett_kvittering_epost", Ferry)]
    [InlineData("Arquivar_processos", Admissions)]
    [InlineData("Gebuehr_einziehen", Arbitration)]
    [InlineData("Print boarding passes", Ferry)]
    [InlineData("Avaliar_candidatura", "Community garden association. Members apply for a plot by email. The committee reads each letter at its monthly meeting and picks plots by drawing lots.")]
    [InlineData("Schiedsspruch_erstellen", "Chess club tournament office. Players register online. When two players dispute a result the arbiter watches the recording and decides.")]
    [InlineData("Zuteilung_Schichten", "Volunteer fire brigade. Volunteers enter their free evenings in a shared calendar. The chief fills the weekend rota by hand from those entries.")]
    public void APeripheralStep_OrABenignProcess_TakesNothingNew(string step, string description)
    {
        var before = RiskEvaluation.Assess(Before, step, description);
        var after = RiskEvaluation.Assess(AfterReadingAlone, step, description);

        Assert.Equal(before.Tier, after.Tier);
        Assert.DoesNotContain(after.Hits, h => h.Applied && h.Evidence.Excerpt.Contains("nearer in meaning", StringComparison.Ordinal) && !before.Hits.Any(b => b.Applied && b.RuleId == h.RuleId));
    }

    [Theory]
    [InlineData("Ticket receipt e-mail", true)]
    [InlineData("archive applications", true)]
    [InlineData("payout of claims", true)]
    [InlineData("collection of faces web", false)]
    [InlineData("contract termination", false)]
    public void NamesAPeripheralAct_ReadsArchivesPaymentsAndMessages(string text, bool peripheral) =>
        Assert.Equal(peripheral, RiskScreen.NamesAPeripheralAct(text));
}
