namespace AutomationScanner.Core.Tests.Architecture;

/// <summary>The cycle finder and the metadata reader behind <see cref="CoreNamespaceTests"/> can fail.</summary>
public sealed class NamespaceGraphTests
{
    private const string FixtureRoot = "AutomationScanner.Core.Tests.Architecture.CycleFixture";

    [Fact]
    public void FindCycles_AcyclicGraph_FindsNone()
    {
        var graph = Graph(("Pipeline", "Stage"), ("Stage", "Model"), ("Pipeline", "Model"));

        Assert.Empty(NamespaceGraph.FindCycles(graph));
    }

    [Fact]
    public void FindCycles_ThreeNamespaceLoop_NamesThePathAndMembers()
    {
        var graph = Graph(("A", "B"), ("B", "C"), ("C", "A"), ("D", "A"), ("C", "Model"));

        var cycle = Assert.Single(NamespaceGraph.FindCycles(graph));

        Assert.Equal(["A", "B", "C", "A"], cycle.Path);
        Assert.Equal(["A", "B", "C"], cycle.Members);
        Assert.Equal("A -> B -> C -> A (all of: A, B, C)", cycle.ToString());
    }

    [Fact]
    public void FindCycles_SelfEdgeAndTwoSeparateLoops_ReportsEachLoopOnceAndIgnoresTheSelfEdge()
    {
        var graph = Graph(("Solo", "Solo"), ("A", "B"), ("B", "A"), ("X", "Y"), ("Y", "Z"), ("Z", "Y"), ("B", "X"));

        var cycles = NamespaceGraph.FindCycles(graph).Select(c => string.Join(" -> ", c.Path)).Order(StringComparer.Ordinal);

        Assert.Equal(["A -> B -> A", "Y -> Z -> Y"], cycles);
    }

    [Fact]
    public void FindCycles_ShortestPathThroughComponent_IsGiven()
    {
        // A reaches B directly and through C: the message names the short loop A -> B -> A.
        var graph = Graph(("A", "C"), ("C", "D"), ("D", "B"), ("A", "B"), ("B", "A"));

        var cycle = Assert.Single(NamespaceGraph.FindCycles(graph));

        Assert.Equal(["A", "B", "A"], cycle.Path);
        Assert.Equal(["A", "B", "C", "D"], cycle.Members);
    }

    /// <summary>
    /// The fixture namespaces use each other only inside method bodies and a lambda (a compiler-generated nested
    /// type): the reader must see both, and the cycle must be found in the compiled test assembly itself.
    /// </summary>
    [Fact]
    public void Read_CycleOnlyInMethodBodiesAndLambdas_IsFoundAndExplained()
    {
        var graph = NamespaceGraph.Read(typeof(NamespaceGraphTests).Assembly.Location, FixtureRoot);

        var cycle = Assert.Single(NamespaceGraph.FindCycles(graph.Edges));

        Assert.Equal([FixtureRoot + ".Alpha", FixtureRoot + ".Beta", FixtureRoot + ".Alpha"], cycle.Path);
        Assert.Contains("AlphaSource -> BetaSink", graph.Why(FixtureRoot + ".Alpha", FixtureRoot + ".Beta"));
        Assert.Contains("BetaSink -> AlphaSource", graph.Why(FixtureRoot + ".Beta", FixtureRoot + ".Alpha"));
        Assert.Equal([FixtureRoot + ".Alpha"], graph.Edges[FixtureRoot + ".Gamma"]);
    }

    [Fact]
    public void ToModules_SubNamespaces_CountAsTheirModule()
    {
        var graph = NamespaceGraph.Read(typeof(NamespaceGraphTests).Assembly.Location, "AutomationScanner.Core.Tests.Architecture");

        var modules = graph.ToModules();

        Assert.Contains("AutomationScanner.Core.Tests.Architecture.CycleFixture", modules.Edges.Keys);
        Assert.DoesNotContain(FixtureRoot + ".Alpha", modules.Edges.Keys);
        Assert.Empty(NamespaceGraph.FindCycles(modules.Edges));
    }

    private static Dictionary<string, SortedSet<string>> Graph(params (string From, string To)[] edges)
    {
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (from, to) in edges)
        {
            if (!graph.TryGetValue(from, out var targets))
            {
                graph[from] = targets = new SortedSet<string>(StringComparer.Ordinal);
            }

            targets.Add(to);
            graph.TryAdd(to, new SortedSet<string>(StringComparer.Ordinal));
        }

        return graph;
    }
}
