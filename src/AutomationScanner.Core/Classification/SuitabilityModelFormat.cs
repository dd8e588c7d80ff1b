using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutomationScanner.Core.Classification;

/// <summary>
/// What a suitability model file holds and what its ML.NET pipeline reads and writes: the contract between the
/// training project (AutomationScanner.Training, which writes model files) and <see cref="SuitabilityModel"/> (which
/// reads them at scan time).
/// </summary>
public static class SuitabilityModelFormat
{
    /// <summary>Name of the text column the saved model reads.</summary>
    public const string TextColumn = "Text";

    /// <summary>Name of the sentence-embedding column the saved model reads.</summary>
    public const string EmbeddingColumn = "Embedding";

    /// <summary>Dimensions of the embedding the model reads (all-MiniLM-L6-v2).</summary>
    public const int EmbeddingDimensions = 384;

    /// <summary>Automation ratings T0..T4.</summary>
    public const int AutomationLevels = 5;

    /// <summary>Name of the ML.NET pipeline inside a model file.</summary>
    public const string PipelineEntry = "pipeline.zip";

    /// <summary>Name of the compiled pipeline (<see cref="LinearTextModel"/>) inside a model file.</summary>
    public const string TextModelEntry = "text-model.bin";

    /// <summary>Name of the task-statement index inside a model file.</summary>
    public const string IndexEntry = "task-statements.idx";

    internal const string WordFeaturesColumn = "WordFeatures";
    internal const string FeaturesColumn = "Features";
    internal const string ScoreColumn = "Score";
    internal const string ExposureScoreColumn = "ExposureScore";
    internal const string AutomationScoreColumn = "AutomationScore";
    internal const string WordKeysColumn = "WordKeys";

    /// <summary>Expected rating sum_k k p_k / 4 in 0..1 from the probabilities of T0..T4.</summary>
    public static double ExpectedRating(IReadOnlyList<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        double expected = 0, total = 0;
        for (var k = 0; k < probabilities.Count; k++)
        {
            expected += k * probabilities[k];
            total += probabilities[k];
        }

        return total <= 0 ? 0 : expected / total / (AutomationLevels - 1);
    }

    internal static DataViewSchema InputSchema(MLContext ml) => ml.Data.LoadFromEnumerable(Array.Empty<ModelInput>()).Schema;

    internal static IDataView ToInputView(MLContext ml, IReadOnlyList<string> texts, IReadOnlyList<float[]> embeddings) =>
        ml.Data.LoadFromEnumerable(texts.Select((t, i) => new ModelInput { Text = t ?? string.Empty, Embedding = embeddings[i] }));

    /// <summary>What the saved model reads: the text and its sentence embedding.</summary>
    internal sealed class ModelInput
    {
        public string Text { get; set; } = string.Empty;

        [VectorType(EmbeddingDimensions)]
        public float[] Embedding { get; set; } = [];
    }
}
