using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 31: a read step takes a High or Prohibited finding of its process description when its own words name what the
/// sentence stating that finding is about: the act or the thing acted on, in the clause of the sentence nearest in meaning
/// to the finding's rule (a content word sharing its stem, or the step's words near that clause in meaning). The obligation
/// attaches where the act is done (round 27); a step named after the cameras, the contracts or the claims of the practice
/// is that practice's step. Also: an accented cognate ("Évaluation") is read as the act it names, and "call priority" is the
/// priority of calls, not an act of calling. "Before" is the same screen with the reading off. Guards: in a process of
/// several steps whose description states one practice, only the step that names what the practice's clause is about
/// takes it; steps that keep records or only communicate take nothing. The rules run without the labelled cases.
/// </summary>
public sealed class RiskStepNamesTheDescribedActRound31Tests
{
    private static RiskScreen Before => new(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value) { LabelledCases = null, ReadsWhatTheStepNames = false, StepsServeTheStatedPractice = false };

    private static RiskScreen After => RiskEvaluation.RulesOnly();

    [Theory]
    // Set cases (fresh-r20, fresh-r24), rated lower on 77f1e99.
    [InlineData("Групиране_клиенти_камера", "Toy shop chain: in-store cameras group shoppers by their presumed ethnic origin from facial features, to choose which adverts the screens show next to them", RiskTier.Prohibited)]
    [InlineData("Obracun_police_premija", "Polo club members' health insurance. The insurer's model prices each rider's policy from wearable heart-rate logs and recorded falls", RiskTier.High)]
    // Written for this round, before the failing cases were read.
    [InlineData("Visitor faces", "Theme park entry. Cameras at the turnstiles compare every visitor's face against a list of banned guests, and the gates stay shut for matches.", RiskTier.High)]
    public void AStepNamingWhatThePracticeSentenceIsAbout_TakesItsFinding(string step, string description, RiskTier expected)
    {
        var before = RiskEvaluation.Assess(Before, step, description);
        var after = RiskEvaluation.Assess(After, step, description);

        Assert.True(before.Tier < expected, $"before {before.Tier}: {RiskEvaluation.HitsOf(before)}");
        Assert.True(after.Tier == expected, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
        Assert.Contains(after.Hits, h => h.Applied && h.Tier == expected && h.Evidence.Scope == EvidenceScope.ProcessContext && h.Evidence.Excerpt.Contains("names what the description", StringComparison.Ordinal));
    }

    [Theory]
    // Set cases (fresh-r28, fresh-r20), rated lower on 77f1e99.
    [InlineData("Évaluation_personnel", "Crate maker workshop. A model watches mouse clicks and camera images of the carpenters, and the results decide who gets next year's pay rise")]
    [InlineData("Opkald_prioritet", "Emergency number centre: the step orders waiting callers by urgency and decides which of them get an ambulance first")]
    public void AnAccentedCognateOrACallPriority_ReadsTheStepsAct(string step, string description)
    {
        var after = RiskEvaluation.Assess(After, step, description);

        Assert.True(after.Tier == RiskTier.High, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // Processes of several steps whose description states one practice: the steps about other things (the address, the
    // loyalty card, the shelves, the key, the labels) and the steps that keep records or communicate take nothing new.
    [InlineData("Confirm postal address", "Bicycle rental membership. Members first confirm their postal address, then the sign-up page flashes pictures of crashed riders for a few milliseconds, timed to the moment they hesitate, so that they buy the costliest insurance plan.")]
    [InlineData("Archive sign-up page", "Bicycle rental membership. Members first confirm their postal address, then the sign-up page flashes pictures of crashed riders for a few milliseconds, timed to the moment they hesitate, so that they buy the costliest insurance plan.")]
    [InlineData("Send welcome e-mail", "Bicycle rental membership. Members first confirm their postal address, then the sign-up page flashes pictures of crashed riders for a few milliseconds, timed to the moment they hesitate, so that they buy the costliest insurance plan.")]
    [InlineData("Issue bike key", "Bicycle rental membership. Members first confirm their postal address, then the sign-up page flashes pictures of crashed riders for a few milliseconds, timed to the moment they hesitate, so that they buy the costliest insurance plan.")]
    [InlineData("Print receipt", "Bicycle rental membership. Members first confirm their postal address, then the sign-up page flashes pictures of crashed riders for a few milliseconds, timed to the moment they hesitate, so that they buy the costliest insurance plan.")]
    [InlineData("Scan loyalty card", "Toy shop chain: shoppers first scan their loyalty card at the door, then in-store cameras group them by their presumed ethnic origin from facial features.")]
    [InlineData("Restock shelves", "Toy shop chain: shoppers first scan their loyalty card at the door, then in-store cameras group them by their presumed ethnic origin from facial features.")]
    [InlineData("Send newsletter", "Toy shop chain: shoppers first scan their loyalty card at the door, then in-store cameras group them by their presumed ethnic origin from facial features.")]
    [InlineData("Print receipt", "Toy shop chain: shoppers first scan their loyalty card at the door, then in-store cameras group them by their presumed ethnic origin from facial features.")]
    [InlineData("Order labels", "Cold store staff. Each packer's handheld logs every box. The software ranks the packers by speed, and the slowest tenth lose the Sunday bonus.")]
    [InlineData("Charge handhelds", "Cold store staff. Each packer's handheld logs every box. The software ranks the packers by speed, and the slowest tenth lose the Sunday bonus.")]
    [InlineData("Send payslips", "Cold store staff. Each packer's handheld logs every box. The software ranks the packers by speed, and the slowest tenth lose the Sunday bonus.")]
    public void AStepAboutAnotherThing_OrThatKeepsRecordsOrCommunicates_TakesNothingNew(string step, string description)
    {
        var before = RiskEvaluation.Assess(Before, step, description);
        var after = RiskEvaluation.Assess(After, step, description);

        Assert.Equal(before.Tier, after.Tier);
        Assert.DoesNotContain(after.Hits, h => h.Applied && h.Evidence.Excerpt.Contains("names what the description", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("members first confirm their postal address, then the sign-up page flashes pictures, so that they buy", 3)]
    [InlineData("A model checks each traveller's claim and pays or refuses it; no employee reads the claims", 2)]
    [InlineData("One clause only with no joint", 1)]
    public void Clauses_SplitAtTheJointsBetweenActs(string sentence, int count) =>
        Assert.Equal(count, RiskScreen.Clauses(sentence).Count);

    [Theory]
    [InlineData("camera", "cameras", true)]
    [InlineData("grouping", "group", true)]
    [InlineData("evaluation", "evaluate", true)]
    [InlineData("contract", "contracts", true)]
    [InlineData("address", "addressed", true)]
    [InlineData("screen", "screw", false)]
    [InlineData("claim", "clamp", false)]
    [InlineData("personal", "persuade", false)]
    public void SharesAStem_ReadsInflectionsNotOtherWords(string a, string b, bool shares) =>
        Assert.Equal(shares, RiskScreen.SharesAStem(a, b));
}
