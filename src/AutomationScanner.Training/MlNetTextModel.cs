using System.Collections.Concurrent;
using System.IO.Compression;
using AutomationScanner.Core.Classification;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AutomationScanner.Training;

/// <summary>
/// A suitability pipeline scored through ML.NET: the reference the compiled <see cref="LinearTextModel"/> is checked
/// against, and the way to evaluate models that have no compiled form (LightGBM, character n-grams) or files older
/// than the flat format. Batches go through one <see cref="ITransformer.Transform"/> pass, single texts through a pool
/// of prediction engines (a <c>PredictionEngine</c> is never shared). Thread-safe.
/// </summary>
public sealed class MlNetTextModel : ISuitabilityTextModel
{
    private readonly MLContext ml = new(1);
    private readonly ITransformer model;
    private readonly ConcurrentBag<PredictionEngine<SuitabilityPipeline.ModelInput, ScoreOutput>> engines = [];
    private readonly float[][]? automationWeights;
    private readonly string[] slotNames = [];

    public MlNetTextModel(ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
        var outputSchema = model.GetOutputSchema(SuitabilityPipeline.InputSchema(ml));
        if (outputSchema.GetColumnOrNull(SuitabilityPipeline.ExposureScoreColumn) is null
            || outputSchema.GetColumnOrNull(SuitabilityPipeline.AutomationScoreColumn) is null)
        {
            throw new FormatException("The model has no automation and exposure scores; retrain it with `scanner train`.");
        }

        var linear = FindLinearModels(model);
        if (linear.Count == 2 && outputSchema.GetColumnOrNull(SuitabilityPipeline.FeaturesColumn) is { } features
            && features.HasSlotNames())
        {
            VBuffer<ReadOnlyMemory<char>> names = default;
            features.GetSlotNames(ref names);
            slotNames = names.DenseValues().Select(n => ReadableFeature(n.ToString())).ToArray();
            VBuffer<float>[] weights = [];
            linear[1].GetWeights(ref weights, out var classes);
            if (classes == SuitabilityModelFormat.AutomationLevels && slotNames.Any(n => n.Length > 0))
            {
                automationWeights = weights.Select(w => w.DenseValues().ToArray()).ToArray();
            }
        }
    }

    /// <summary>The pipeline.</summary>
    public ITransformer Pipeline => model;

    public bool CanExplain => automationWeights is not null;

    /// <summary>
    /// Reads an ML.NET pipeline: a pipeline file of <c>scanner train</c> (<c>*.pipeline.zip</c>), or the
    /// <c>pipeline.zip</c> entry of a model file older than the flat format.
    /// </summary>
    public static MlNetTextModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            using (var archive = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true))
            {
                if (archive.GetEntry("pipeline.zip") is { } entry)
                {
                    using var content = entry.Open();
                    using var pipeline = new MemoryStream();
                    content.CopyTo(pipeline);
                    pipeline.Position = 0;
                    return new MlNetTextModel(new MLContext(1).Model.Load(pipeline, out _));
                }
            }

            buffer.Position = 0;
            return new MlNetTextModel(new MLContext(1).Model.Load(buffer, out _));
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"The pipeline file is not a readable zip: {e.Message}", e);
        }
    }

    /// <summary>
    /// A model to evaluate from <paramref name="path"/>: a model file of <c>scanner train</c> (compiled, read by Core), or
    /// an ML.NET pipeline (a <c>*.pipeline.zip</c> or a model file older than the flat format), scored through ML.NET.
    /// </summary>
    public static SuitabilityModel LoadAny(string path, Core.Embeddings.ITextEmbedder embedder)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Suitability model '{path}' does not exist.", path);
        }

        Span<byte> prefix = stackalloc byte[4];
        using (var probe = File.OpenRead(path))
        {
            if (probe.ReadAtLeast(prefix, 4, throwOnEndOfStream: false) < 4 || !SuitabilityModelFormat.IsZip(prefix))
            {
                return SuitabilityModel.Load(path, embedder);
            }
        }

        using var stream = File.OpenRead(path);
        return new SuitabilityModel(Load(stream), embedder);
    }

    public TextSuitabilityPrediction Predict(string text, float[] embedding)
    {
        if (!engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<SuitabilityPipeline.ModelInput, ScoreOutput>(model);
        }

        try
        {
            var output = engine.Predict(new SuitabilityPipeline.ModelInput { Text = text, Embedding = embedding });
            var known = output.WordKeys.Count(k => k != 0);
            return ToPrediction(output.ExposureScore, output.AutomationScore, output.WordKeys.Length, known, []);
        }
        finally
        {
            engines.Add(engine);
        }
    }

    public IReadOnlyList<TextSuitabilityPrediction> PredictBatch(IReadOnlyList<string> texts, IReadOnlyList<float[]> embeddings, int topFeatures = 0)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(embeddings);
        var results = new TextSuitabilityPrediction[texts.Count];
        if (texts.Count == 0)
        {
            return results;
        }

        if (texts.Count == 1 && topFeatures <= 0)
        {
            results[0] = Predict(texts[0] ?? string.Empty, embeddings[0]);
            return results;
        }

        var scored = model.Transform(SuitabilityPipeline.ToInputView(ml, texts, embeddings));
        var exposureColumn = scored.Schema[SuitabilityPipeline.ExposureScoreColumn];
        var automationColumn = scored.Schema[SuitabilityPipeline.AutomationScoreColumn];
        var keysColumn = scored.Schema[SuitabilityPipeline.WordKeysColumn];
        var explain = topFeatures > 0 && automationWeights is not null;
        DataViewSchema.Column[] columns = explain
            ? [exposureColumn, automationColumn, keysColumn, scored.Schema[SuitabilityPipeline.FeaturesColumn]]
            : [exposureColumn, automationColumn, keysColumn];
        using var cursor = scored.GetRowCursor(columns);
        var exposureGetter = cursor.GetGetter<VBuffer<float>>(exposureColumn);
        var automationGetter = cursor.GetGetter<VBuffer<float>>(automationColumn);
        var keysGetter = cursor.GetGetter<VBuffer<uint>>(keysColumn);
        var featuresGetter = explain ? cursor.GetGetter<VBuffer<float>>(columns[3]) : null;
        VBuffer<float> exposure = default;
        VBuffer<float> automation = default;
        VBuffer<uint> keys = default;
        VBuffer<float> features = default;
        var row = 0;
        while (cursor.MoveNext())
        {
            exposureGetter(ref exposure);
            automationGetter(ref automation);
            keysGetter(ref keys);
            var known = 0;
            foreach (var key in keys.DenseValues())
            {
                if (key != 0)
                {
                    known++;
                }
            }

            var automationProbabilities = automation.DenseValues().ToArray();
            IReadOnlyList<TextFeatureContribution> top = [];
            if (featuresGetter is not null)
            {
                featuresGetter(ref features);
                top = Explain(features, automationProbabilities, topFeatures);
            }

            results[row++] = ToPrediction(exposure.DenseValues().ToArray(), automationProbabilities, keys.Length, known, top);
        }

        return results;
    }

    private static TextSuitabilityPrediction ToPrediction(
        float[] exposure, float[] automation, int words, int known, IReadOnlyList<TextFeatureContribution> top) =>
        TextSuitabilityPrediction.From(exposure, automation, words, known, top);

    /// <summary>
    /// Contribution of n-gram j to the automation score: x_j times the gradient of E[T]/4 in it under the multinomial
    /// logistic model, x_j * sum_k p_k (k - E[T]) w_kj / 4. Embedding dimensions have no names and are not listed.
    /// </summary>
    private List<TextFeatureContribution> Explain(VBuffer<float> features, float[] probabilities, int top)
    {
        var weights = automationWeights!;
        var expected = 0.0;
        for (var k = 0; k < probabilities.Length; k++)
        {
            expected += k * probabilities[k];
        }

        var contributions = new List<TextFeatureContribution>();
        var indices = features.GetIndices();
        var values = features.GetValues();
        for (var n = 0; n < values.Length; n++)
        {
            var slot = features.IsDense ? n : indices[n];
            if (values[n] == 0 || slot >= slotNames.Length || slotNames[slot].Length == 0)
            {
                continue;
            }

            var direction = 0.0;
            for (var k = 0; k < probabilities.Length; k++)
            {
                direction += probabilities[k] * (k - expected) * weights[k][slot];
            }

            if (direction != 0)
            {
                contributions.Add(new TextFeatureContribution(slotNames[slot], values[n] * direction / (SuitabilityModelFormat.AutomationLevels - 1)));
            }
        }

        return contributions.OrderByDescending(c => Math.Abs(c.Contribution)).Take(top).ToList();
    }

    private static List<LinearMulticlassModelParametersBase> FindLinearModels(ITransformer model) =>
        model is IEnumerable<ITransformer> chain
            ? chain.OfType<IPredictionTransformer<object>>().Select(p => p.Model).OfType<LinearMulticlassModelParametersBase>().ToList()
            : [];

    /// <summary>Turns ML.NET slot names ("WordFeatures.enter|data", "CharFeatures.&lt;␂&gt;|i|n") into readable n-grams; embedding slots are empty.</summary>
    internal static string ReadableFeature(string slotName)
    {
        var dot = slotName.IndexOf('.', StringComparison.Ordinal);
        var block = dot > 0 ? slotName[..dot] : string.Empty;
        var gram = dot > 0 ? slotName[(dot + 1)..] : slotName;
        if (block == "CharFeatures")
        {
            var chars = gram.Split('|').Select(c => c switch
            {
                "<␠>" => " ",
                "<␂>" or "<␃>" => "^",
                _ => c,
            });
            return $"chars \"{string.Concat(chars)}\"";
        }

        return block is SuitabilityPipeline.WordFeaturesColumn || dot < 0 ? gram.Replace('|', ' ') : string.Empty;
    }

    private sealed class ScoreOutput
    {
        public float[] ExposureScore { get; set; } = [];

        public float[] AutomationScore { get; set; } = [];

        [VectorType]
        public uint[] WordKeys { get; set; } = [];
    }
}
