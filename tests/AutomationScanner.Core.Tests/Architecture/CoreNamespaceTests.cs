using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Architecture;

/// <summary>
/// Core's namespaces depend one way, read from the built assembly (signatures and IL, see <see cref="NamespaceGraph"/>):
/// the domain model in <c>Core.Model</c> that everything may use, the stages above it, the pipeline on top.
/// </summary>
public sealed class CoreNamespaceTests
{
    private const string Root = "AutomationScanner.Core";

    private static readonly Lazy<NamespaceGraph> Core = new(() => NamespaceGraph.Read(typeof(TaskCandidate).Assembly.Location, Root));

    /// <summary>
    /// No two modules (the namespaces one level below Core, with their sub-namespaces) use each other, directly or
    /// round a loop. A failure names the loop and the types behind each of its edges.
    /// </summary>
    [Fact]
    public void CoreModules_DependencyGraph_HasNoCycle()
    {
        var modules = Core.Value.ToModules();

        var cycles = NamespaceGraph.FindCycles(modules.Edges);

        Assert.True(cycles.Count == 0, Explain(modules, cycles));
    }

    [Fact]
    public void Model_UsesNoOtherCoreNamespace()
    {
        var model = Root + ".Model";

        Assert.True(Core.Value.Edges.ContainsKey(model), "Core.Model not found in the assembly.");
        Assert.True(Core.Value.Edges[model].Count == 0,
            "Core.Model must depend on nothing else in Core:" + Environment.NewLine + string.Join(Environment.NewLine,
                Core.Value.Edges[model].Select(to => $"{model} -> {to}: {string.Join("; ", Core.Value.Why(model, to))}")));
    }

    /// <summary>Ingestion feeds mining; mining never reaches back into the readers.</summary>
    [Fact]
    public void Mining_DoesNotUseIngestion()
    {
        var reached = Core.Value.ToModules().ReachableFrom(Root + ".Mining");

        Assert.DoesNotContain(Root + ".Ingestion", reached);
    }

    /// <summary>
    /// The CSV and XES readers write into Mining's <c>IEventSink</c>, never into <c>ProcessMiner</c> itself; only the
    /// code that creates a miner (the dispatcher, the chunker, the OCEL flattener) names it.
    /// </summary>
    [Fact]
    public void FormatReaders_WriteIntoTheEventSink_NotTheMiner()
    {
        var users = Core.Value.Why(Root + ".Ingestion", Root + ".Mining")
            .Where(pair => pair.EndsWith(" -> ProcessMiner", StringComparison.Ordinal))
            .Select(pair => pair[..pair.IndexOf(' ', StringComparison.Ordinal)])
            .ToList();

        Assert.Contains("EventLogReader", users);
        Assert.DoesNotContain("CsvEventLogReader", users);
        Assert.DoesNotContain("XesEventLogReader", users);
        Assert.Contains("CsvEventLogReader -> IEventSink", Core.Value.Why(Root + ".Ingestion", Root + ".Mining"));
    }

    /// <summary>The pipeline (Scanning) depends on the stages; no stage depends on the pipeline.</summary>
    [Fact]
    public void Stages_DoNotUseTheScanningPipeline()
    {
        var users = Core.Value.Edges.Where(e => e.Value.Contains(Root + ".Scanning")).Select(e => e.Key).ToList();

        Assert.True(users.Count == 0, "Used by: " + string.Join(", ", users));
    }

    /// <summary>The reader sees what the pipeline really uses: without this a reader that saw nothing would pass.</summary>
    [Fact]
    public void Read_CoreAssembly_SeesThePipelineUsingEveryStage()
    {
        var reached = Core.Value.ReachableFrom(Root + ".Scanning");

        string[] stages = ["Classification", "Classification.Llm", "Documents", "Embeddings", "Ethics", "Ingestion", "Ingestion.Ocel",
            "Mining", "Model", "Planning", "Ranking", "Reporting", "Tracking"];
        Assert.All(stages, stage => Assert.Contains(Root + "." + stage, reached));
    }

    private static string Explain(NamespaceGraph graph, IReadOnlyList<NamespaceCycle> cycles) =>
        string.Join(Environment.NewLine, cycles.Select(cycle =>
            "Namespace cycle: " + cycle + Environment.NewLine + string.Join(Environment.NewLine, cycle.Path.Zip(cycle.Path.Skip(1))
                .Select(edge => $"  {edge.First} -> {edge.Second}: {string.Join("; ", graph.Why(edge.First, edge.Second).Take(5))}"))));
}
