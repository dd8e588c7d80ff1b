using System.Globalization;
using Sylvan.Data.Csv;

using AutomationScanner.Core.Classification;

namespace AutomationScanner.Training;

/// <summary>
/// Reads a label set in the "GPTs are GPTs" layout: tab-separated, RFC 4180 quoting, a header row naming
/// <c>O*NET-SOC Code</c>, <c>Task</c> and <c>human_exposure_agg</c> (or <c>human_labels</c>), and optionally
/// <c>gpt4_automation</c> (T0-T4; an empty field is no rating); other columns are ignored.
/// </summary>
public static class LabelSetReader
{
    /// <summary>Sentence vectors the embedding cache keeps for the label set (about 15,000 statements, with room).</summary>
    public const int EmbeddingCacheEntries = 200_000;

    /// <summary>Where the label set's sentence vectors are kept between runs (outside git).</summary>
    public static string DefaultEmbeddingCacheFolder => Path.Combine(Path.GetTempPath(), "automation-scanner", "embeddings");

    public const string OccupationColumn = "O*NET-SOC Code";
    public const string TaskColumn = "Task";
    public static readonly IReadOnlyList<string> LabelColumns = ["human_exposure_agg", "human_labels"];
    public const string AutomationColumn = "gpt4_automation";

    public static IReadOnlyList<LabelledTask> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Label file '{path}' does not exist.", path);
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads from <paramref name="text"/>; <paramref name="source"/> names the input in error messages.</summary>
    public static IReadOnlyList<LabelledTask> Read(TextReader text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var options = new CsvDataReaderOptions { Delimiter = '\t', HasHeaders = true, CsvStyle = CsvStyle.Standard };
        using var csv = CsvDataReader.Create(text, options);
        var occupation = Ordinal(csv, OccupationColumn, source);
        var task = Ordinal(csv, TaskColumn, source);
        var label = LabelColumns.Select(c => TryOrdinal(csv, c)).FirstOrDefault(i => i >= 0, -1);
        if (label < 0)
        {
            throw new InvalidDataException(
                $"{source}: line 1: no label column; expected one of {string.Join(", ", LabelColumns)}.");
        }

        var automation = TryOrdinal(csv, AutomationColumn);
        var rows = new List<LabelledTask>();
        var line = 1;
        while (csv.Read())
        {
            line++;
            var code = csv.GetString(label);
            if (!ExposureClassLabels.TryParse(code, out var exposure))
            {
                throw new InvalidDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{source}: line {line}: field '{csv.GetName(label)}' is '{code}', expected E0, E1 or E2."));
            }

            var taskText = csv.GetString(task).Trim();
            if (taskText.Length == 0)
            {
                throw new InvalidDataException(string.Create(
                    CultureInfo.InvariantCulture, $"{source}: line {line}: field '{TaskColumn}' is empty."));
            }

            int? rating = null;
            if (automation >= 0 && csv.GetString(automation).Trim() is { Length: > 0 } t)
            {
                rating = t is ['T' or 't', >= '0' and <= '4'] ? t[1] - '0' : throw new InvalidDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{source}: line {line}: field '{AutomationColumn}' is '{t}', expected T0, T1, T2, T3 or T4."));
            }

            rows.Add(new LabelledTask(csv.GetString(occupation).Trim(), taskText, exposure, rating));
        }

        return rows;
    }

    private static int Ordinal(CsvDataReader csv, string column, string source)
    {
        var ordinal = TryOrdinal(csv, column);
        return ordinal >= 0
            ? ordinal
            : throw new InvalidDataException($"{source}: line 1: missing column '{column}'.");
    }

    private static int TryOrdinal(CsvDataReader csv, string column)
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            if (string.Equals(csv.GetName(i), column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
