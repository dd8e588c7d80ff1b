using System.CommandLine;
using System.Diagnostics;
using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Model;
using AutomationScanner.Training;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary>
/// <c>scanner evaluate --labels FILE</c>: agreement of a suitability model with human labels; <c>--bench</c> also
/// measures predictions per second, one at a time and in batches.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var labels = new Option<FileInfo>("--labels")
        {
            Description = "Label set in the 'GPTs are GPTs' TSV layout.",
            Required = true,
        };
        var modelPath = new Option<FileInfo?>("--model")
        {
            Description = "Model file (.bin of `scanner train`, or an ML.NET pipeline .zip, scored through ML.NET); default: the model shipped with the scanner.",
        };
        var bench = new Option<bool>("--bench") { Description = "Also benchmark predictions per second." };
        var benchRows = new Option<int>("--bench-rows")
        {
            Description = "Texts per batch in the benchmark.",
            DefaultValueFactory = _ => 200_000,
        };

        var cache = TrainCommand.EmbeddingCacheOption();
        var command = new Command("evaluate", "Evaluate the automation-suitability model against labelled task statements.")
        {
            labels, modelPath, bench, benchRows, cache,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var inner = new MiniLmTextEmbedder();
            var embedder = new CachingTextEmbedder(inner, new LocalFolderEmbeddingStore(parse.GetValue(cache)!.FullName), TrainCommand.LabelSetCacheEntries);
            await embedder.LoadAsync(cancellationToken);
            var result = Run(console, embedder, parse.GetValue(labels)!, parse.GetValue(modelPath), parse.GetValue(bench), parse.GetValue(benchRows), cancellationToken);
            await embedder.SaveAsync(cancellationToken);
            return result;
        });
        return command;
    }

    internal static int Run(
        IAnsiConsole console, ITextEmbedder embedder, FileInfo labels, FileInfo? modelFile, bool bench, int benchRows, CancellationToken cancellationToken)
    {
        IReadOnlyList<LabelledTask> tasks;
        SuitabilityModel model;
        var load = Stopwatch.StartNew();
        try
        {
            tasks = LabelSetReader.Read(labels.FullName);
            load.Restart();
            model = modelFile is null ? SuitabilityModel.LoadShipped(embedder) : MlNetTextModel.LoadAny(modelFile.FullName, embedder);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or FormatException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }

        var loadTime = load.Elapsed;
        var texts = tasks.Select(t => t.Text).ToArray();
        var predictions = model.PredictBatch(texts, cancellationToken: cancellationToken);
        var evaluation = SuitabilityEvaluation.Compute(
            tasks.Select((t, i) => SuitabilityModelTrainer.Scored(t, predictions[i].Probabilities, predictions[i].AutomationScore)).ToArray());
        EvaluationPrinter.Print(console, $"{modelFile?.Name ?? "shipped model"} on {labels.Name}", evaluation);
        console.MarkupLine("[grey]Rows the model was trained on score higher than unseen ones; `scanner train` reports cross-validated figures.[/]");

        if (bench)
        {
            console.WriteLine(F($"Model loaded in {loadTime.TotalMilliseconds:F0} ms (first load in this process, JIT included)."));
            cancellationToken.ThrowIfCancellationRequested();
            Benchmark(console, model, texts, benchRows);
        }

        return 0;
    }

    /// <summary>Activity names as they appear in the shipped public logs (BPIC 2012, BPIC 2020, Sepsis, Receipt, Helpdesk).</summary>

    private static void Benchmark(IAnsiConsole console, SuitabilityModel model, string[] labelled, int rows)
    {
        var names = BenchmarkActivityNames.All.Select(ActivityNameNormalizer.Normalize).ToArray();
        var table = new Table().AddColumns("texts", "mode", "count", "predictions/s (wall)", "predictions/s (CPU time)");
        foreach (var (corpus, pool) in new[] { ("O*NET task statements", labelled), ("normalised activity names", names) })
        {
            var batch = Enumerable.Range(0, rows).Select(i => pool[i % pool.Length]).ToArray();

            // Warm-up: JIT and the engine pool.
            model.PredictBatch(batch.AsSpan(0, Math.Min(2_000, batch.Length)).ToArray());
            model.Predict(batch[0]);

            var singles = Math.Min(rows, 20_000);
            var (singleWall, singleCpu) = Measure(() =>
            {
                for (var i = 0; i < singles; i++)
                {
                    model.Predict(batch[i]);
                }
            });
            var (batchWall, batchCpu) = Measure(() => model.PredictBatch(batch));
            var workers = Environment.ProcessorCount;
            var chunk = (rows + workers - 1) / workers;
            var (parallelWall, parallelCpu) = Measure(() => Parallel.For(0, workers, w =>
            {
                var start = w * chunk;
                model.PredictBatch(new ArraySegment<string>(batch, start, Math.Max(0, Math.Min(chunk, rows - start))));
            }));
            var explained = Math.Min(rows, 20_000);
            var (explainedWall, explainedCpu) = Measure(() => model.PredictBatch(new ArraySegment<string>(batch, 0, explained), topFeatures: 5));

            table.AddRow(corpus, "single", F($"{singles:N0}"), F($"{singles / singleWall:N0}"), F($"{singles / singleCpu:N0}"));
            table.AddRow(corpus, "batch", F($"{rows:N0}"), F($"{rows / batchWall:N0}"), F($"{rows / batchCpu:N0}"));
            table.AddRow(corpus, F($"batch, {workers} parallel partitions"), F($"{rows:N0}"), F($"{rows / parallelWall:N0}"), F($"{rows / parallelCpu:N0}"));
            table.AddRow(corpus, "batch with top-5 text features", F($"{explained:N0}"), F($"{explained / explainedWall:N0}"), F($"{explained / explainedCpu:N0}"));
        }

        // What a scan does per activity name: normalise, embed (cache warm), predict, find the nearest O*NET statements.
        var scorer = new SuitabilityScorer(model);
        var scored = Math.Min(rows, 50_000);
        var candidates = Enumerable.Range(0, scored).Select(i => new TaskCandidate(BenchmarkActivityNames.All[i % BenchmarkActivityNames.All.Count], "bench")).ToArray();
        scorer.Assess(candidates.AsSpan(0, Math.Min(2_000, scored)).ToArray());
        var (scorerWall, scorerCpu) = Measure(() => scorer.Assess(candidates));
        table.AddRow("raw activity names", "scorer: name + nearest O*NET tasks (embedding cache warm)", F($"{scored:N0}"), F($"{scored / scorerWall:N0}"), F($"{scored / scorerCpu:N0}"));

        console.Write(table);
        console.WriteLine(F($"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}. CPU-time rates are predictions per CPU-second of this process (all threads), steady on a busy machine; wall-clock rates depend on the load."));
    }

    /// <summary>Wall-clock and process CPU seconds of one run.</summary>
    private static (double Wall, double Cpu) Measure(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, Math.Max((process.TotalProcessorTime - cpuBefore).TotalSeconds, 1e-9));
    }

    private static string F(FormattableString text) => EvaluationPrinter.Invariant(text);
}
