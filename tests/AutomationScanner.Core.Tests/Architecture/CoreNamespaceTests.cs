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
    /// No two namespaces use each other, directly or round a loop; a sub-namespace is a namespace of its own
    /// (Ingestion.Ocel may not use Ingestion when Ingestion uses it). A failure names the loop and the types behind
    /// each of its edges.
    /// </summary>
    [Fact]
    public void CoreNamespaces_DependencyGraph_HasNoCycle()
    {
        var cycles = NamespaceGraph.FindCycles(Core.Value.Edges);

        Assert.True(cycles.Count == 0, Explain(Core.Value, cycles));
    }

    /// <summary>
    /// Ingestion layers three ways: the shared pieces (options, exceptions, timestamp parsing, the opened export) in
    /// Ingestion.Common, the OCEL reader above them, the dispatcher and the CSV and XES readers on top.
    /// </summary>
    [Fact]
    public void IngestionLayers_OcelAndCommon_DoNotReachTheDispatcher()
    {
        var common = Core.Value.ReachableFrom(Root + ".Ingestion.Common");
        var ocel = Core.Value.ReachableFrom(Root + ".Ingestion.Ocel");

        Assert.DoesNotContain(Root + ".Ingestion", common);
        Assert.DoesNotContain(Root + ".Ingestion.Ocel", common);
        Assert.DoesNotContain(Root + ".Ingestion", ocel);
        Assert.Contains(Root + ".Ingestion.Common", ocel);
        Assert.Contains(Root + ".Ingestion.Ocel", Core.Value.Edges[Root + ".Ingestion"]);
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
        // Hosting (AddScannerCore) is the composition root: it registers the pipeline, so it alone sits above it.
        var users = Core.Value.Edges.Where(e => e.Key != Root + ".Hosting" && e.Value.Contains(Root + ".Scanning")).Select(e => e.Key).ToList();

        Assert.True(users.Count == 0, "Used by: " + string.Join(", ", users));
    }

    /// <summary>The reader sees what the pipeline really uses: without this a reader that saw nothing would pass.</summary>
    [Fact]
    public void Read_CoreAssembly_SeesThePipelineUsingEveryStage()
    {
        var reached = Core.Value.ReachableFrom(Root + ".Scanning");

        string[] stages = ["Classification", "Classification.Llm", "Documents", "Embeddings", "Ethics", "Ingestion", "Ingestion.Common", "Ingestion.Ocel",
            "Mining", "Model", "Planning", "Ranking", "Reporting", "Tracking"];
        Assert.All(stages, stage => Assert.Contains(Root + "." + stage, reached));
    }

    private static string Explain(NamespaceGraph graph, IReadOnlyList<NamespaceCycle> cycles) =>
        string.Join(Environment.NewLine, cycles.Select(cycle =>
            "Namespace cycle: " + cycle + Environment.NewLine + string.Join(Environment.NewLine, cycle.Path.Zip(cycle.Path.Skip(1))
                .Select(edge => $"  {edge.First} -> {edge.Second}: {string.Join("; ", graph.Why(edge.First, edge.Second).Take(5))}"))));
}
