using System.Globalization;
using AutomationScanner.Core.Classification;
using AutomationScanner.Training;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary>Writes an evaluation (metrics and the E0/E1/E2 confusion matrix) to the console.</summary>
internal static class EvaluationPrinter
{
    public static void Print(IAnsiConsole console, string title, SuitabilityEvaluation evaluation)
    {
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/] ({Invariant($"{evaluation.Count:N0}")} tasks)");
        if (evaluation.RatedCount > 0)
        {
            console.WriteLine(Invariant($"  Spearman with GPT-4 automation rating T, mean within occupation  {evaluation.MeanWithinOccupationSpearman:F3} ({evaluation.RankedOccupations:N0} occupations)"));
            console.WriteLine(Invariant($"  Spearman with T, all {evaluation.RatedCount:N0} rated tasks  {evaluation.AutomationSpearman:F3}"));
        }

        console.WriteLine(Invariant($"  accuracy (3-class agreement)  {evaluation.Accuracy:P1}"));
        console.WriteLine(Invariant($"  macro-F1                      {evaluation.MacroF1:F3}"));
        console.WriteLine(Invariant($"  ROC AUC, E0 vs E1+E2          {evaluation.BinaryAuc:F3}"));

        var table = new Table().AddColumn("true \\ predicted");
        foreach (var code in ExposureClassLabels.Codes)
        {
            table.AddColumn(new TableColumn(code).RightAligned());
        }

        table.AddColumn(new TableColumn("recall").RightAligned()).AddColumn(new TableColumn("precision").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned());
        for (var row = 0; row < ExposureClassLabels.Count; row++)
        {
            var cells = new List<string> { ExposureClassLabels.Codes[row] };
            cells.AddRange(evaluation.ConfusionMatrix[row].Select(v => v.ToString("N0", CultureInfo.InvariantCulture)));
            cells.Add(Invariant($"{evaluation.Recall[row]:P1}"));
            cells.Add(Invariant($"{evaluation.Precision[row]:P1}"));
            cells.Add(Invariant($"{evaluation.F1[row]:F3}"));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
