using System.CommandLine;
using System.Diagnostics;
using AutomationScanner.Core.Classification;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary><c>scanner train</c>: cross-validates (folds grouped by occupation) and trains the suitability model.</summary>
public static class TrainCommand
{
    /// <summary>The configurations <c>--compare</c> cross-validates, the shipped one first.</summary>
    internal static readonly IReadOnlyList<SuitabilityTrainingOptions> Candidates =
    [
        new(),
        new() { Featurization = TextFeaturization.WordAndCharNgrams },
        new() { Featurization = TextFeaturization.WordNgrams },
        new() { Trainer = SuitabilityTrainer.SdcaMaximumEntropy },
        new() { Trainer = SuitabilityTrainer.OvaAveragedPerceptron },
        new() { Trainer = SuitabilityTrainer.LightGbm },
    ];

    public static Command Create(IAnsiConsole console)
    {
        var labels = new Option<FileInfo>("--labels")
        {
            Description = "Label set (TSV: 'O*NET-SOC Code', 'Task', 'human_exposure_agg').",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("data", "labels", "gpts-are-gpts", "train_labelset.tsv")),
        };
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description = "Where to write the trained model (.zip).",
            DefaultValueFactory = _ => new FileInfo("suitability-model.zip"),
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
        var compare = new Option<bool>("--compare")
        {
            Description = "Cross-validate every candidate featurization/trainer and print a comparison first.",
        };

        var command = new Command("train", "Train the automation-suitability model on labelled task statements.")
        {
            labels, output, trainer, featurization, folds, seed, compare,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new SuitabilityTrainingOptions
            {
                Trainer = parse.GetValue(trainer),
                Featurization = parse.GetValue(featurization),
                Seed = parse.GetValue(seed),
            };
            return Task.FromResult(Run(console, parse.GetValue(labels)!, parse.GetValue(output)!, options,
                parse.GetValue(folds), parse.GetValue(compare), cancellationToken));
        });
        return command;
    }

    internal static int Run(
        IAnsiConsole console, FileInfo labels, FileInfo output, SuitabilityTrainingOptions options, int folds, bool compare,
        CancellationToken cancellationToken)
    {
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
        console.WriteLine(EvaluationPrinter.Invariant($"{tasks.Count:N0} labelled tasks from {occupations:N0} occupations in {labels.Name}"));

        if (compare)
        {
            var table = new Table().AddColumns("configuration", "accuracy", "macro-F1", "AUC E0 vs E1+E2", "seconds");
            foreach (var candidate in Candidates.Select(c => c with { Seed = options.Seed }))
            {
                var watch = Stopwatch.StartNew();
                var result = SuitabilityModelTrainer.CrossValidate(tasks, candidate, Math.Max(folds, 2), cancellationToken);
                table.AddRow(
                    candidate.ToString(),
                    EvaluationPrinter.Invariant($"{result.Pooled.Accuracy:P1}"),
                    EvaluationPrinter.Invariant($"{result.Pooled.MacroF1:F3}"),
                    EvaluationPrinter.Invariant($"{result.Pooled.BinaryAuc:F3}"),
                    EvaluationPrinter.Invariant($"{watch.Elapsed.TotalSeconds:F0}"));
            }

            console.Write(table);
        }

        if (folds >= 2)
        {
            var result = SuitabilityModelTrainer.CrossValidate(tasks, options, folds, cancellationToken);
            EvaluationPrinter.Print(console, $"{folds}-fold cross-validation by occupation, {options}", result.Pooled);
            console.WriteLine("  accuracy per fold: " + string.Join(" ", result.PerFold.Select(f => EvaluationPrinter.Invariant($"{f.Accuracy:P1}"))));
        }

        var stopwatch = Stopwatch.StartNew();
        var model = SuitabilityModelTrainer.Train(tasks, options);
        SuitabilityModelTrainer.Save(model, output.FullName);
        output.Refresh();
        console.WriteLine(EvaluationPrinter.Invariant(
            $"Trained {options} on all {tasks.Count:N0} tasks in {stopwatch.Elapsed.TotalSeconds:F1} s; wrote {output.FullName} ({output.Length / 1024.0:N0} KiB)"));
        return 0;
    }
}
