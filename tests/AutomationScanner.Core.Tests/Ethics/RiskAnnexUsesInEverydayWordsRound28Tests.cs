using System.Text.Json.Nodes;
using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 28: Annex III uses stated in everyday words, read by the lexical signal (the rules' triggers), each alternative
/// written from the Annex point's or the definition's own elements.
/// <list type="bullet">
/// <item>Annex III 4(a), "recruitment or selection of natural persons ... to analyse and filter job applications, and to
/// evaluate candidates": a shortlist (a list of candidates from which one is chosen) of persons named by their
/// occupation or as would-be holders of it; applications to join a crew, the staff or the workforce, or people wanting
/// or applying for a job, post or position, filtered; "bin", "discard", "turn down", "weed out", "throw out" as the
/// filtering act.</item>
/// <item>Annex III 1(a) with Art. 3(35) and 3(41): identification "by comparison of ... biometric data" (faces compared
/// or checked against a person's picture or a list) and "remote", "without their active involvement, generally at a
/// distance" (cameras that recognise or name persons from a distance). Verification, whose sole purpose is to confirm
/// a claimed identity, stays out (the rule's existing <c>unless</c>).</item>
/// <item>Annex III 4(b): tasks handed to persons ("hand the runs to"), taken from them (shifts cut, hours reduced) and
/// promotion stated as becoming supervisors or team leaders (the plural of the role words already there).</item>
/// </list>
/// "Before" is the same catalogue with this round's trigger changes taken out, as on 2f8c3f6; both run without the
/// labelled cases.
/// </summary>
public sealed class RiskAnnexUsesInEverydayWordsRound28Tests
{
    private static readonly Lazy<RiskScreen> BeforeScreen = new(() => RiskEvaluation.RulesOnly(BeforeCatalogue()));

    private static RiskScreen Before => BeforeScreen.Value;

    /// <summary>The default catalogue with round 28's trigger alternatives removed and its changed patterns restored.</summary>
    private static RuleCatalogue BeforeCatalogue()
    {
        using var stream = typeof(RuleCatalogue).Assembly.GetManifestResourceStream("AutomationScanner.Core.Ethics.rule-catalogue.json")!;
        var root = JsonNode.Parse(stream)!;
        JsonArray Triggers(string id) => root["rules"]!.AsArray().Single(r => (string?)r!["id"] == id)!["triggers"]!.AsArray();

        // Round 43 added two alternatives (a software's yes or no on job applications, vacancies shown only to some); "before"
        // is without them too.
        // Round 47 appended two more (a seasonal contract offer or people who want to pick or pack at a farm; a scored
        // one-way video interview); "before" is without them too. Round 49 appended an eighth (people who answered an
        // advert, put in order by a system). Round 50 appended a ninth and a tenth (vacancies shown only to people a system
        // predicts; only those a bot rates suitable passed on).
        var h1 = Triggers("H1-recruitment");
        Assert.Equal(10, h1.Count);
        h1.RemoveAt(9);
        h1.RemoveAt(8);
        h1.RemoveAt(7);
        h1.RemoveAt(6);
        h1.RemoveAt(5);
        h1.RemoveAt(4);
        h1.RemoveAt(3);
        h1.RemoveAt(2);
        h1.RemoveAt(1);
        h1[0]![1] = @"\b(screen|filter|rank|scor|evaluat|assess|select|shortlist|sort|reject|match|target|advertis|publish|invit)\w*";

        // Round 41 added a fourth alternative (emotion recognition in everyday words), round 43 a fifth and a sixth (names
        // put to the people in recordings, recordings searched for the same faces), round 48 a seventh (a face search
        // through recordings), round 49 an eighth (a gait match through stored clips), round 50 a ninth (each caller's voice
        // run against recorded calls); "before" is without them too.
        var h5a = Triggers("H5a-biometrics");
        Assert.Equal(9, h5a.Count);
        h5a.RemoveAt(8);
        h5a.RemoveAt(7);
        h5a.RemoveAt(6);
        h5a.RemoveAt(5);
        h5a.RemoveAt(4);
        h5a.RemoveAt(3);
        h5a.RemoveAt(2);
        h5a.RemoveAt(1);

        Triggers("H2a-employment-decisions")[4]![0] = @"\b(becom\w*|(is|are|gets?|get) (made|appointed|named|picked|chosen)( as)?) (the |a |an )?(new )?(head|chief|lead|senior|principal|foreman|forewoman|supervisor|team leader|shift leader|captain|deputy) [\w-]+";
        var h2b = Triggers("H2b-task-allocation-by-behaviour");
        h2b[1]![0] = @"\b(allocat\w*|assign\w*|distribut\w*|dispatch\w*|schedul\w*|rost\w*|giv(e|es|en|ing)|gets?|offer\w*|hand\w* out|priorit\w*|reserv\w*)\b";
        h2b[1]![1] = @"\b(shifts?|rounds?|routes?|rotas?|rosters?|slots?|jobs?|gigs?|tasks?|rides?|fares?|trips?|deliveries|delivery (slots?|runs?|areas?)|orders?|tours?|call-?outs?|assignments?|overtime|weekend work|hours)\b";

        // Round 30's reading of occupations from O*NET's titles came later and reads two of the rows (testers, nurses) by
        // meaning on its own; "before" is without it.
        root["semantic"]!["listedOccupations"] = false;

        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(root.ToJsonString()));
        return RuleCatalogue.Load(json, "rule-catalogue (before round 28)");
    }

    private static readonly string[] Touched = ["H1-recruitment", "H2a-employment-decisions", "H2b-task-allocation-by-behaviour", "H5a-biometrics"];

    [Theory]
    // Set cases rated lower on 2f8c3f6: r18, r22 shortlisting probes; r25 yacht crew; r26 game studio (4(a)); r27 sleeper
    // train, with the Art. 5(1)(h) authorisation: High, not Prohibited; r27 zip line (1(a)); r18 airport runs, r22
    // hospice night shifts, r26 food bank (4(b)).
    [InlineData("Shortlisting would-be line cooks", "H1-recruitment")]
    [InlineData("Shortlisting window cleaners", "H1-recruitment")]
    [InlineData("The yacht charter company's system reads crew applications and turns down those it predicts will not fit in, before any skipper sees them", "H1-recruitment")]
    // Round 46: the game studio's tester applicants ("lets software go through the pile of people wanting the tester job and
    // bin the ones it reckons won't fit in") left out: round 46's H1 exemplar (applicants dropped below a cut-off) makes
    // the "before" catalogue, built from today's, read it High as well; the case stays High (fresh-r26).
    [InlineData("Having obtained a court's authorisation in advance, police compare faces at the sleeper train station as people pass with the photo of one abducted teenager, for 48 hours only", "H5a-biometrics")]
    [InlineData("The zip line park's gate cameras recognise each pass holder from a distance as they stroll in, without anyone stopping or showing a card", "H5a-biometrics")]
    [InlineData("Hand the best-paid airport runs to the taxi drivers whose ratings and acceptance record are highest", "H2b-task-allocation-by-behaviour")]
    [InlineData("Every Friday the hospice's HR lead approves the list of nurses whose night shifts are cut, which the rota software draws up from their sick days; she has never altered it", "H2b-task-allocation-by-behaviour")]
    [InlineData("Warehouse staff at the food bank charity become team leaders according to a ranking the software builds from their scanning rates", "H2a-employment-decisions")]
    public void AnnexUse_InEverydayWords_IsRaisedToHigh(string text, string rule)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(before.Tier < RiskTier.High, $"before {before.Tier}: {RiskEvaluation.HitsOf(before)}");
        Assert.Equal(RiskTier.High, after.Tier);
        Assert.Contains(after.Hits, h => h.Applied && h.RuleId == rule);
    }

    [Theory]
    // Written for this round, in other settings: the words now state the use (a pattern hit, no similarity); some are
    // High by meaning already.
    [InlineData("The software draws up a shortlist of bricklayers for the site foreman to call", "H1-recruitment")]
    [InlineData("The riding school's system turns down stable-staff applications from people it predicts will quit early", "H1-recruitment")]
    [InlineData("At the ski lift, cameras recognise season-ticket holders from a distance and open the barrier for them", "H5a-biometrics")]
    [InlineData("The library's entrance system compares each arriving visitor's face with the photos of barred readers", "H5a-biometrics")]
    [InlineData("The courier app hands the longest runs to the riders with the best punctuality", "H2b-task-allocation-by-behaviour")]
    [InlineData("The hotel's housekeeping tool reduces the weekend hours of cleaners whose room-inspection ratings are lowest", "H2b-task-allocation-by-behaviour")]
    public void AnnexUse_InEverydayWords_IsReadByItsWords(string text, string rule)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.DoesNotContain(before.Hits, h => h.RuleId == rule && h.Evidence.Scope == EvidenceScope.Text && h.Evidence.Similarity is null);
        Assert.Equal(RiskTier.High, after.Tier);
        Assert.Contains(after.Hits, h => h.Applied && h.RuleId == rule && h.Evidence.Scope == EvidenceScope.Text && h.Evidence.Similarity is null);
    }

    [Theory]
    // Things, firms, prizes, verification of a claimed identity, vehicles, statues, a staffing count, a bin: no new
    // reading by the words and no change of tier ("the nominees for the poetry prize" is High by meaning already, H1 0.49).
    [InlineData("Shortlist the venues for the orchestra's summer tour by capacity and fee")]
    [InlineData("Shortlist three suppliers for the new canteen")]
    [InlineData("Shortlist the nominees for the poetry prize")]
    [InlineData("Drop the printed CVs into the confidential waste bin")]
    [InlineData("Compare the faces of the restored statues with old photographs")]
    [InlineData("Verify a traveller's identity at the boarding gate by comparing their face with their passport photo")]
    [InlineData("Cameras at the depot recognise lorries from a distance by their number plates")]
    [InlineData("Count how many cleaners became supervisors last year")]
    [InlineData("Cut the delivery vans' routes according to their fuel use")]
    [InlineData("Hand the parcels to the courier at the loading bay")]
    public void NoDecisionOnAPerson_StaysAsItWas(string text)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.DoesNotContain(after.Hits, h => Touched.Contains(h.RuleId) && h.Evidence.Scope == EvidenceScope.Text && h.Evidence.Similarity is null);
        Assert.Equal(before.Tier, after.Tier);
    }
}
