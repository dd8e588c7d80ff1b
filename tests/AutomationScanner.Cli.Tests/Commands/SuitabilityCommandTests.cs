using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Embeddings;
using Spectre.Console.Testing;

namespace AutomationScanner.Cli.Tests.Commands;

public sealed class SuitabilityCommandTests : IDisposable
{
    private const string Labels = """
        	O*NET-SOC Code	Task ID	Task	Task Type	Title	human_exposure_agg	gpt4_automation
        0	43-9021.00	1.0	Enter data into computer systems from source documents.	Core	Data Entry Keyers	E1	T3
        1	43-9021.00	2.0	Compile and sort invoices and checks.	Core	Data Entry Keyers	E2	T3
        2	43-9021.00	3.0	Operate office machines such as photocopiers.	Core	Data Entry Keyers	E0	T1
        3	29-1141.00	4.0	Comfort grieving family members of patients.	Core	Registered Nurses	E0	T0
        4	29-1141.00	5.0	Record patient medical information in electronic records.	Core	Registered Nurses	E2	T2
        5	29-1141.00	6.0	Lift and turn patients in beds.	Core	Registered Nurses	E0	T0
        6	13-2011.00	7.0	Prepare financial reports and summaries.	Core	Accountants	E1	T2
        7	13-2011.00	8.0	Reconcile invoices with purchase orders in accounting software.	Core	Accountants	E2	T3
        8	13-2011.00	9.0	Meet clients to discuss business plans.	Core	Accountants	E0	T0
        9	47-2111.00	10.0	Climb poles to install power lines.	Core	Electricians	E0	T0
        10	47-2111.00	11.0	Write summaries of inspection results.	Core	Electricians	E1	T2
        11	47-2111.00	12.0	Repair wiring in buildings.	Core	Electricians	E0	T0
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("scanner-suitability-tests").FullName;

    [Fact]
    public async Task Evaluate_LabelFile_PrintsMetricsAndConfusionMatrix()
    {
        var labels = await WriteLabelsAsync(Labels);
        var console = new TestConsole().Width(200);

        var exit = await ScannerCli.Create(console).Parse(["evaluate", "--labels", labels, "--embedding-cache", Cache]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("12 tasks", console.Output, StringComparison.Ordinal);
        Assert.Contains("Spearman with GPT-4 automation rating T, mean within occupation", console.Output, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Cache, "*.bin", SearchOption.AllDirectories).Any(), "the embedding cache is persisted");
        Assert.Contains("accuracy (3-class agreement)", console.Output, StringComparison.Ordinal);
        Assert.Contains("ROC AUC, E0 vs E1+E2", console.Output, StringComparison.Ordinal);
        Assert.Contains("E2", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_BadLabel_ExitsTwoNamingFileAndLine()
    {
        var labels = await WriteLabelsAsync("O*NET-SOC Code\tTask\thuman_exposure_agg\n11-1011.00\tPlan budgets.\tE9\n");
        var console = new TestConsole().Width(200);

        var exit = await ScannerCli.Create(console).Parse(["evaluate", "--labels", labels, "--embedding-cache", Cache]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains("line 2", console.Output, StringComparison.Ordinal);
        Assert.Contains("labels.tsv", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_SmallLabelFile_CrossValidatesAndWritesLoadableModel()
    {
        var labels = await WriteLabelsAsync(Labels);
        var model = Path.Combine(_dir, "model.bin");
        var console = new TestConsole().Width(200);

        var exit = await ScannerCli.Create(console).Parse(["train", "--labels", labels, "--output", model, "--folds", "2", "--embedding-cache", Cache]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("12 labelled tasks (12 with an automation rating) from 4 occupations", console.Output, StringComparison.Ordinal);
        Assert.Contains("2-fold cross-validation by occupation", console.Output, StringComparison.Ordinal);
        Assert.Contains("Naive Bayes, word 1-2-grams", console.Output, StringComparison.Ordinal);
        Assert.Contains("Majority class", console.Output, StringComparison.Ordinal);
        Assert.Contains("within-occupation Spearman", console.Output, StringComparison.Ordinal);
        using var embedder = new MiniLmTextEmbedder();
        var loaded = SuitabilityModel.Load(model, embedder);
        Assert.Equal(3, loaded.Predict("Enter data").Probabilities.Count);
        Assert.Equal(12, loaded.Index!.Count);
        Assert.True(loaded.IsCompiled);

        // The ML.NET pipeline goes next to the model file; `scanner evaluate --model` reads either.
        var pipeline = Path.Combine(_dir, "model.pipeline.zip");
        Assert.True(File.Exists(pipeline));
        var evaluated = new TestConsole().Width(200);
        var evaluateExit = await ScannerCli.Create(evaluated).Parse(["evaluate", "--labels", labels, "--model", pipeline, "--embedding-cache", Cache]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, evaluateExit);
        Assert.Contains("model.pipeline.zip on labels.tsv", evaluated.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_WithBench_PrintsPredictionRates()
    {
        var labels = await WriteLabelsAsync(Labels);
        var console = new TestConsole().Width(200);

        var exit = await ScannerCli.Create(console).Parse(["evaluate", "--labels", labels, "--bench", "--bench-rows", "500", "--embedding-cache", Cache]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Contains("single", console.Output, StringComparison.Ordinal);
        Assert.Contains("normalised activity names", console.Output, StringComparison.Ordinal);
        Assert.Contains("batch with top-5 text features", console.Output, StringComparison.Ordinal);
        Assert.Contains("Model loaded in", console.Output, StringComparison.Ordinal);
    }

    private string Cache => Path.Combine(_dir, "cache");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> WriteLabelsAsync(string content)
    {
        var path = Path.Combine(_dir, "labels.tsv");
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }
}
