using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// A task whose untrusted text makes a catalogue pattern run past its match limit is not screened, and says so: it is
/// rated High with a note that names the step and its process, and the other tasks are screened as usual.
/// </summary>
public sealed class RiskScreenTimeoutTests
{
    // The shipped catalogue with one more rule whose pattern, with nested repetition, backtracks exponentially on a run
    // of x without the closing y.
    private static RuleCatalogue Catalogue()
    {
        var assembly = typeof(RuleCatalogue).Assembly;
        using var shipped = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith("rule-catalogue.json", StringComparison.Ordinal)))!;
        var document = System.Text.Json.Nodes.JsonNode.Parse(shipped)!;
        document["rules"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""
            {"id":"T-backtracking","title":"t","kind":"HighRisk","tier":"High","clause":"c","appliesFrom":"2026-08-02","scope":["Text"],"triggers":[["(x+x+)+y"]]}
            """));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()));
        return RuleCatalogue.Load(stream, "timeout.json");
    }

    [Fact]
    public void Assess_PatternRunsPastItsLimit_TaskRatedHighWithANoteAndOtherTasksScreened()
    {
        var sut = new RiskScreen(Catalogue(), new RiskScreenOptions());
        var hostile = Builders.Task(new string('x', 64), "uploaded process");
        var ordinary = Builders.Task("xxy", "uploaded process");
        var plain = Builders.Task("Post the invoice", "uploaded process");
        var context = new RiskContext(Builders.Workload([hostile, ordinary, plain]), new ResourcePseudonymizer("engagement-t"));

        var unfinished = sut.Assess(hostile, context);
        var matched = sut.Assess(ordinary, context);
        var minimal = sut.Assess(plain, context);

        Assert.Equal(RiskTier.High, unfinished.Tier);
        Assert.Empty(unfinished.Hits);
        Assert.Contains(Safeguard.HumanInTheLoop, unfinished.Safeguards);
        var note = Assert.Single(unfinished.Notes);
        Assert.StartsWith("Not screened", note, StringComparison.Ordinal);
        Assert.Contains("'uploaded process'", note, StringComparison.Ordinal);
        Assert.Contains("'xxxx", note, StringComparison.Ordinal);
        Assert.Contains(matched.Hits, h => h.RuleId == "T-backtracking" && h.Applied);
        Assert.Equal(RiskTier.High, matched.Tier);
        Assert.Equal(RiskTier.Minimal, minimal.Tier);
        Assert.DoesNotContain(minimal.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }
}
