using AutomationScanner.Core.Classification;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace AutomationScanner.Training;

/// <summary>Compiles a trained ML.NET pipeline into the <see cref="LinearTextModel"/> scans load (training time only).</summary>
public static class LinearTextModelCompiler
{
    /// <summary>
    /// The compiled form of a trained pipeline fitted on <paramref name="texts"/>, whose features are the sentence
    /// embedding (<paramref name="usesEmbedding"/>) and/or word 1-2-grams (<paramref name="usesWordNgrams"/>); null when
    /// its heads are not maximum-entropy linear models or its features are something else.
    /// </summary>
    public static LinearTextModel? Compile(ITransformer model, IReadOnlyList<string> texts, bool usesEmbedding, bool usesWordNgrams)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(texts);
        var heads = model is IEnumerable<ITransformer> chain
            ? chain.OfType<IPredictionTransformer<object>>().Select(p => p.Model).ToList()
            : [];
        if (heads.Count != 2 || heads.Any(h => h is not MaximumEntropyModelParameters) || !(usesEmbedding || usesWordNgrams))
        {
            return null;
        }

        var ml = new MLContext(1);
        var schema = model.GetOutputSchema(SuitabilityPipeline.InputSchema(ml));
        var featureCount = (schema[SuitabilityPipeline.FeaturesColumn].Type as VectorDataViewType)?.Size ?? 0;
        var embeddingDimensions = usesEmbedding ? SuitabilityModelFormat.EmbeddingDimensions : 0;
        string[] ngramNames = [];
        if (usesWordNgrams)
        {
            VBuffer<ReadOnlyMemory<char>> names = default;
            schema[SuitabilityPipeline.WordFeaturesColumn].GetSlotNames(ref names);
            ngramNames = names.DenseValues().Select(n => n.ToString()).ToArray();
        }

        if (embeddingDimensions + ngramNames.Length != featureCount)
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        schema[SuitabilityPipeline.WordKeysColumn].GetKeyValues(ref keyValues);
        var vocabulary = keyValues.DenseValues().Select(v => v.ToString()).ToArray();
        var stopWords = EnglishStopWords();
        var exposure = HeadOf((MaximumEntropyModelParameters)heads[0], featureCount);
        var automation = HeadOf((MaximumEntropyModelParameters)heads[1], featureCount);
        var withoutIdf = LinearTextModel.Create(embeddingDimensions, vocabulary, stopWords, ngramNames, new float[ngramNames.Length], exposure, automation);

        // Inverse document frequency as the n-gram transform computed it on the rows it was fitted on (every task):
        // ln(rows / rows containing the n-gram).
        var documentFrequency = new int[ngramNames.Length];
        foreach (var text in texts)
        {
            foreach (var slot in withoutIdf.NgramSlotsOf(text))
            {
                documentFrequency[slot]++;
            }
        }

        var idf = documentFrequency.Select(f => f == 0 ? 0 : (float)Math.Log((double)texts.Count / f)).ToArray();
        return LinearTextModel.Create(embeddingDimensions, vocabulary, stopWords, ngramNames, idf, exposure, automation);
    }

    /// <summary>A head's biases and dense weights, class-major.</summary>
    private static (float[] Biases, float[] Weights) HeadOf(MaximumEntropyModelParameters model, int features)
    {
        VBuffer<float>[] rows = [];
        model.GetWeights(ref rows, out var classes);
        var weights = new float[classes * features];
        for (var k = 0; k < classes; k++)
        {
            var row = rows[k];
            var values = row.GetValues();
            var indices = row.GetIndices();
            for (var n = 0; n < values.Length; n++)
            {
                weights[(k * features) + (row.IsDense ? n : indices[n])] = values[n];
            }
        }

        return (model.GetBiases().ToArray(), weights);
    }

    /// <summary>The English stop-word list of ML.NET's <c>RemoveDefaultStopWords</c>, as it ships in Microsoft.ML.Transforms.</summary>
    private static string[] EnglishStopWords()
    {
        var assembly = typeof(StopWordsRemovingEstimator).Assembly;
        using var stream = assembly.GetManifestResourceStream("Microsoft.ML.Transforms.Text.StopWords.English.txt")
            ?? throw new InvalidOperationException("ML.NET's English stop-word list is missing from Microsoft.ML.Transforms.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }
}
