using System.CommandLine;
using System.Diagnostics;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Training;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary>
/// <c>scanner train</c>: cross-validates (folds grouped by occupation) against the baselines and trains the suitability
/// model (automation head on GPT-4's T0-T4 ratings, exposure head on the human E0-E2 labels).
/// </summary>
public static class TrainCommand
{
    /// <summary>The configurations <c>--compare</c> cross-validates, the shipped one first.</summary>
    internal static readonly IReadOnlyList<SuitabilityTrainingOptions> Candidates =
    [
        new(),
        new() { Featurization = TextFeaturization.Embedding },
        new() { Featurization = TextFeaturization.WordNgrams },
        new() { Trainer = SuitabilityTrainer.SdcaMaximumEntropy },
        new() { Trainer = SuitabilityTrainer.LightGbm },
        new() { Featurization = TextFeaturization.Embedding, Trainer = SuitabilityTrainer.SdcaMaximumEntropy },
        new() { Featurization = TextFeaturization.Embedding, Trainer = SuitabilityTrainer.LightGbm },
        new() { Featurization = TextFeaturization.WordAndCharNgramsTfIdf },
    ];

    public static Command Create(IAnsiConsole console)
    {
        var labels = new Option<FileInfo>("--labels")
        {
            Description = "Label set (TSV: 'O*NET-SOC Code', 'Task', 'human_exposure_agg', 'gpt4_automation').",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "labels", "gpts-are-gpts", "train_labelset.tsv")),
        };
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description = "Where to write the model file scans load (flat binary, .bin).",
            DefaultValueFactory = _ => new FileInfo("suitability-model.bin"),
        };
        var pipelineOutput = new Option<FileInfo?>("--pipeline-output")
        {
            Description = "Where to write the ML.NET pipeline (for `scanner evaluate` and the equivalence check); default: next to --output, as NAME.pipeline.zip.",
        };
        var trainer = new Option<SuitabilityTrainer>("--trainer")
        {
            Description = "Trainer.",
            DefaultValueFactory = _ => new SuitabilityTrainingOptions().Trainer,
        };
        var featurization = new Option<TextFeaturization>("--featurization")
        {
            Description = "Text features.",
            DefaultValueFactory = _ => new SuitabilityTrainingOptions().Featurization,
        };
        var folds = new Option<int>("--folds")
        {
            Description = "Cross-validation folds, grouped by occupation (0 = skip cross-validation).",
            DefaultValueFactory = _ => 5,
        };
        var seed = new Option<int>("--seed") { Description = "MLContext seed.", DefaultValueFactory = _ => 1 };
        var l2 = new Option<float?>("--l2") { Description = "L2 regularisation of the maximum-entropy trainers." };
        var compare = new Option<bool>("--compare")
        {
            Description = "Cross-validate every candidate featurization/trainer and print a comparison first.",
        };
        var cache = EmbeddingCacheOption();

        var command = new Command("train", "Train the automation-suitability model on labelled task statements.")
        {
            labels, output, pipelineOutput, trainer, featurization, folds, seed, l2, compare, cache,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SuitabilityTrainingOptions
            {
                Trainer = parse.GetValue(trainer),
                Featurization = parse.GetValue(featurization),
                Seed = parse.GetValue(seed),
                L2Regularization = parse.GetValue(l2),
            };
            using var inner = new MiniLmTextEmbedder();
            var embedder = new CachingTextEmbedder(inner, new LocalFolderEmbeddingStore(parse.GetValue(cache)!.FullName), TrainCommand.LabelSetCacheEntries);
            await embedder.LoadAsync(cancellationToken);
            var modelFile = parse.GetValue(output)!;
            var pipelineFile = parse.GetValue(pipelineOutput) ?? new FileInfo(SuitabilityPipeline.PathNextTo(modelFile.FullName));
            return await RunAsync(console, embedder, parse.GetValue(labels)!, modelFile, options,
                parse.GetValue(folds), parse.GetValue(compare), cancellationToken, pipelineFile);
        });
        return command;
    }

    /// <summary>Vectors the label-set cache keeps: a whole label set (14,633 statements) and room for more, never evicted by a scan's cap.</summary>
    internal const int LabelSetCacheEntries = LabelSetReader.EmbeddingCacheEntries;

    /// <summary>Where sentence vectors of the label set are kept between runs (outside git).</summary>
    internal static Option<DirectoryInfo> EmbeddingCacheOption() => new("--embedding-cache")
    {
        Description = "Folder of the sentence-embedding cache (embedding 15,000 statements takes minutes; later runs read them).",
        DefaultValueFactory = _ => new DirectoryInfo(LabelSetReader.DefaultEmbeddingCacheFolder),
    };

    internal static async Task<int> RunAsync(
        IAnsiConsole console, CachingTextEmbedder embedder, FileInfo labels, FileInfo output, SuitabilityTrainingOptions options, int folds, bool compare,
        CancellationToken cancellationToken, FileInfo? pipelineOutput = null)
    {
        pipelineOutput ??= new FileInfo(SuitabilityPipeline.PathNextTo(output.FullName));
        IReadOnlyList<LabelledTask> tasks;
        try
        {
            tasks = LabelSetReader.Read(labels.FullName);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }

        var occupations = tasks.Select(t => t.Occupation).Distinct(StringComparer.Ordinal).Count();
        var rated = tasks.Count(t => t.Automation is not null);
        console.WriteLine(EvaluationPrinter.Invariant($"{tasks.Count:N0} labelled tasks ({rated:N0} with an automation rating) from {occupations:N0} occupations in {labels.Name}"));
        if (rated == 0)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {labels.Name} has no '{LabelSetReader.AutomationColumn}' ratings (T0-T4); the model is trained on them.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var embeddings = SuitabilityModelTrainer.EmbedAll(tasks, embedder, new SuitabilityTrainingOptions(), cancellationToken);
        await embedder.SaveAsync(cancellationToken);
        var (hits, misses) = embedder.Counts;
        console.WriteLine(EvaluationPrinter.Invariant($"Embedded {tasks.Count:N0} statements in {watch.Elapsed.TotalSeconds:F1} s ({hits:N0} from the cache, {misses:N0} computed)"));

        if (folds >= 2)
        {
            var table = ComparisonTable();
            AddRow(table, SuitabilityBaselines.CrossValidateMajority(tasks, folds, options.Seed, cancellationToken), null);
            AddRow(table, SuitabilityBaselines.CrossValidateNaiveBayes(tasks, folds, options.Seed, cancellationToken), null);
            if (compare)
            {
                foreach (var candidate in Candidates.Select(c => c with { Seed = options.Seed }).Where(c => c != options))
                {
                    watch.Restart();
                    AddRow(table, SuitabilityModelTrainer.CrossValidate(tasks, embeddings, candidate, folds, cancellationToken), watch.Elapsed);
                }
            }

            watch.Restart();
            var result = SuitabilityModelTrainer.CrossValidate(tasks, embeddings, options, folds, cancellationToken);
            AddRow(table, result, watch.Elapsed);
            console.MarkupLine(EvaluationPrinter.Invariant($"[bold]{folds}-fold cross-validation, folds grouped by occupation (seed {options.Seed})[/]"));
            console.Write(table);
            EvaluationPrinter.Print(console, $"{folds}-fold cross-validation by occupation, {options}", result.Pooled);
            console.WriteLine("  per fold, mean within-occupation Spearman: " + string.Join(" ", result.PerFold.Select(f => EvaluationPrinter.Invariant($"{f.MeanWithinOccupationSpearman:F3}")))
                + "; accuracy: " + string.Join(" ", result.PerFold.Select(f => EvaluationPrinter.Invariant($"{f.Accuracy:P1}"))));
        }

        var stopwatch = Stopwatch.StartNew();
        var model = SuitabilityModelTrainer.Train(tasks, embeddings, options);
        var trainTime = stopwatch.Elapsed;
        var index = options.UsesEmbedding ? SuitabilityModelTrainer.BuildIndex(model, tasks, embeddings, options.Seed) : null;
        var compiled = SuitabilityModelTrainer.Compile(model, tasks, options);
        var written = SuitabilityModelTrainer.Save(model, index, compiled, output.FullName, pipelineOutput.FullName);
        console.WriteLine(EvaluationPrinter.Invariant(
            $"Trained {options} on all {tasks.Count:N0} tasks in {trainTime.TotalSeconds:F1} s; index of {index?.Count ?? 0:N0} statements; in {stopwatch.Elapsed.TotalSeconds:F1} s wrote:"));
        foreach (var file in written.Select(w => new FileInfo(w)))
        {
            console.WriteLine(EvaluationPrinter.Invariant($"  {file.FullName} ({file.Length / 1024.0:N0} KiB, SHA-256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file.FullName))).ToLowerInvariant()})"));
        }

        if (compiled is null)
        {
            console.WriteLine("No compiled model for this trainer: scans cannot load it; `scanner evaluate --model` scores its pipeline through ML.NET.");
            return 0;
        }

        // The scan path scores with the compiled pipeline: check it against ML.NET on every training statement.
        var (difference, mismatches) = SuitabilityModelTrainer.CompareCompiled(model, compiled, tasks.Select(t => t.Text).ToArray(), embeddings);
        console.WriteLine(EvaluationPrinter.Invariant(
            $"Compiled pipeline ({compiled.NgramSlots:N0} n-gram slots) against ML.NET on the {tasks.Count:N0} statements: largest probability difference {difference:G3}, word-count mismatches {mismatches:N0}"));
        return difference <= SuitabilityModelTrainer.CompiledTolerance && mismatches == 0 ? 0 : 3;
    }

    private static Table ComparisonTable() => new Table().AddColumns(
        "model", "within-occupation Spearman (T)", "Spearman (T), all", "accuracy E0-E2", "macro-F1", "AUC E0 vs E1+E2", "seconds");

    private static void AddRow(Table table, CrossValidationResult result, TimeSpan? elapsed) => table.AddRow(
        Markup.Escape(result.Name),
        EvaluationPrinter.Invariant($"{result.Pooled.MeanWithinOccupationSpearman:F3}"),
        EvaluationPrinter.Invariant($"{result.Pooled.AutomationSpearman:F3}"),
        EvaluationPrinter.Invariant($"{result.Pooled.Accuracy:P1}"),
        EvaluationPrinter.Invariant($"{result.Pooled.MacroF1:F3}"),
        EvaluationPrinter.Invariant($"{result.Pooled.BinaryAuc:F3}"),
        elapsed is { } e ? EvaluationPrinter.Invariant($"{e.TotalSeconds:F0}") : "-");
}
