using AutomationScanner.Core.Classification;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutomationScanner.Training;

/// <summary>What the ML.NET pipeline of the suitability model reads and writes (training and evaluation only; scans read the compiled model).</summary>
public static class SuitabilityPipeline
{
    /// <summary>Name of the text column the pipeline reads.</summary>
    public const string TextColumn = "Text";

    /// <summary>Name of the sentence-embedding column the pipeline reads.</summary>
    public const string EmbeddingColumn = "Embedding";

    internal const string WordFeaturesColumn = "WordFeatures";
    internal const string FeaturesColumn = "Features";
    internal const string ScoreColumn = "Score";
    internal const string ExposureScoreColumn = "ExposureScore";
    internal const string AutomationScoreColumn = "AutomationScore";
    internal const string WordKeysColumn = "WordKeys";

    /// <summary>Where <c>scanner train</c> writes the pipeline next to a model file: "model.bin" gives "model.pipeline.zip".</summary>
    public static string PathNextTo(string modelPath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        var directory = Path.GetDirectoryName(modelPath) ?? string.Empty;
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(modelPath) + ".pipeline.zip");
    }

    internal static DataViewSchema InputSchema(MLContext ml) => ml.Data.LoadFromEnumerable(Array.Empty<ModelInput>()).Schema;

    internal static IDataView ToInputView(MLContext ml, IReadOnlyList<string> texts, IReadOnlyList<float[]> embeddings) =>
        ml.Data.LoadFromEnumerable(texts.Select((t, i) => new ModelInput { Text = t ?? string.Empty, Embedding = embeddings[i] }));

    /// <summary>What the saved pipeline reads: the text and its sentence embedding.</summary>
    internal sealed class ModelInput
    {
        public string Text { get; set; } = string.Empty;

        [VectorType(SuitabilityModelFormat.EmbeddingDimensions)]
        public float[] Embedding { get; set; } = [];
    }
}
