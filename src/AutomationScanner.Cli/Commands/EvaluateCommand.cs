using System.CommandLine;
using System.Diagnostics;
using AutomationScanner.Core.Classification;
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
            Description = "Model file (.zip); default: the model shipped with the scanner.",
        };
        var bench = new Option<bool>("--bench") { Description = "Also benchmark predictions per second." };
        var benchRows = new Option<int>("--bench-rows")
        {
            Description = "Texts per batch in the benchmark.",
            DefaultValueFactory = _ => 200_000,
        };

        var command = new Command("evaluate", "Evaluate the automation-suitability model against labelled task statements.")
        {
            labels, modelPath, bench, benchRows,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            console, parse.GetValue(labels)!, parse.GetValue(modelPath), parse.GetValue(bench), parse.GetValue(benchRows), cancellationToken)));
        return command;
    }

    internal static int Run(IAnsiConsole console, FileInfo labels, FileInfo? modelFile, bool bench, int benchRows, CancellationToken cancellationToken)
    {
        IReadOnlyList<LabelledTask> tasks;
        SuitabilityModel model;
        try
        {
            tasks = LabelSetReader.Read(labels.FullName);
            model = modelFile is null ? SuitabilityModel.LoadShipped() : SuitabilityModel.Load(modelFile.FullName);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or FormatException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }

        var texts = tasks.Select(t => t.Text).ToArray();
        var predictions = model.PredictBatch(texts);
        var evaluation = SuitabilityEvaluation.Compute(
            tasks.Select((t, i) => new ScoredExample(t.Label, predictions[i].Probabilities)).ToArray());
        EvaluationPrinter.Print(console, $"{modelFile?.Name ?? "shipped model"} on {labels.Name}", evaluation);
        console.MarkupLine("[grey]Rows the model was trained on score higher than unseen ones; `scanner train` reports cross-validated figures.[/]");

        if (bench)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Benchmark(console, model, texts, benchRows);
        }

        return 0;
    }

    private static void Benchmark(IAnsiConsole console, SuitabilityModel model, string[] labelled, int rows)
    {
        var names = new[]
        {
            "Declaration SUBMITTED by EMPLOYEE", "W_Completeren aanvraag", "A_PARTLYSUBMITTED", "Payment Handled",
            "ER Registration", "createPurchaseOrder+complete", "Record Goods Receipt", "Change Quantity",
        };
        var pool = labelled.Concat(names.Select(ActivityNameNormalizer.Normalize)).ToArray();
        var batch = Enumerable.Range(0, rows).Select(i => pool[i % pool.Length]).ToArray();

        // Warm-up: JIT and the engine pool.
        model.PredictBatch(batch.AsSpan(0, Math.Min(2_000, batch.Length)).ToArray());
        model.Predict(batch[0]);

        var singles = Math.Min(rows, 20_000);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < singles; i++)
        {
            model.Predict(batch[i]);
        }

        var singleRate = singles / watch.Elapsed.TotalSeconds;

        watch.Restart();
        model.PredictBatch(batch);
        var batchRate = rows / watch.Elapsed.TotalSeconds;

        var workers = Environment.ProcessorCount;
        var chunk = (rows + workers - 1) / workers;
        watch.Restart();
        Parallel.For(0, workers, w =>
        {
            var start = w * chunk;
            var length = Math.Max(0, Math.Min(chunk, rows - start));
            model.PredictBatch(new ArraySegment<string>(batch, start, length));
        });
        var parallelRate = rows / watch.Elapsed.TotalSeconds;

        var explained = Math.Min(rows, 20_000);
        watch.Restart();
        model.PredictBatch(new ArraySegment<string>(batch, 0, explained), topFeatures: 5);
        var explainedRate = explained / watch.Elapsed.TotalSeconds;

        var table = new Table().AddColumns("mode", "texts", "predictions/s");
        table.AddRow("single (pooled PredictionEngine)", F($"{singles:N0}"), F($"{singleRate:N0}"));
        table.AddRow("batch (one Transform pass)", F($"{rows:N0}"), F($"{batchRate:N0}"));
        table.AddRow(F($"batch, {workers} parallel partitions"), F($"{rows:N0}"), F($"{parallelRate:N0}"));
        table.AddRow("batch with top-5 text features", F($"{explained:N0}"), F($"{explainedRate:N0}"));
        console.Write(table);
        console.WriteLine(F($"{Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"));
    }

    private static string F(FormattableString text) => EvaluationPrinter.Invariant(text);
}
