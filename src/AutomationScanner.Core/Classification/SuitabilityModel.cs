using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AutomationScanner.Core.Classification;

/// <summary>A feature of the input text and what it added to the log-odds of "exposed" (E1/E2) against E0.</summary>
public sealed record TextFeatureContribution(string Feature, double Contribution);

/// <summary>The text model's verdict on one text.</summary>
public sealed record TextSuitabilityPrediction
{
    public required ExposureClass Class { get; init; }

    /// <summary>P(E0), P(E1), P(E2).</summary>
    public required IReadOnlyList<float> Probabilities { get; init; }

    /// <summary>P(E1) + P(E2): the text model's suitability probability.</summary>
    public double ExposedProbability => 1.0 - Probabilities[(int)ExposureClass.NoExposure];

    /// <summary>Content words (stop words removed) in the text.</summary>
    public required int Words { get; init; }

    /// <summary>Content words the model saw in training; the rest carry no word weight.</summary>
    public required int KnownWords { get; init; }

    /// <summary>True when fewer than half of the content words are known (non-English text, jargon, codes).</summary>
    public bool LowConfidence => Words == 0 || KnownWords * 2 < Words;

    /// <summary>Largest contributions by magnitude; empty when not asked for or when the model is not linear.</summary>
    public IReadOnlyList<TextFeatureContribution> TopFeatures { get; init; } = [];
}

/// <summary>
/// The prediction path of the suitability model. Thread-safe: batches go through <see cref="ITransformer.Transform"/>,
/// single predictions through a pool of prediction engines (a <c>PredictionEngine</c> is never shared).
/// </summary>
public sealed class SuitabilityModel
{
    /// <summary>Manifest name of the shipped model, embedded in this assembly.</summary>
    public const string EmbeddedModelName = "AutomationScanner.Core.Classification.Model.suitability-model.zip";

    private readonly MLContext ml = new(1);
    private readonly ITransformer model;
    private readonly ConcurrentBag<PredictionEngine<SuitabilityModelTrainer.TextInput, ScoreOutput>> engines = [];
    private readonly float[][]? exposedWeights;
    private readonly string[] slotNames = [];

    public SuitabilityModel(ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
        var inputSchema = ml.Data.LoadFromEnumerable(Array.Empty<SuitabilityModelTrainer.TextInput>()).Schema;
        var outputSchema = model.GetOutputSchema(inputSchema);
        var linear = FindLinearModel(model);
        if (linear is not null && outputSchema.GetColumnOrNull(SuitabilityModelTrainer.FeaturesColumn) is { } features
            && features.HasSlotNames())
        {
            VBuffer<ReadOnlyMemory<char>> names = default;
            features.GetSlotNames(ref names);
            slotNames = names.DenseValues().Select(n => ReadableFeature(n.ToString())).ToArray();
            VBuffer<float>[] weights = [];
            linear.GetWeights(ref weights, out var classes);
            if (classes == ExposureClassLabels.Count)
            {
                exposedWeights = weights.Select(w => w.DenseValues().ToArray()).ToArray();
            }
        }
    }

    /// <summary>True when the model can name the n-grams behind a prediction (linear models only).</summary>
    public bool CanExplain => exposedWeights is not null;

    public static SuitabilityModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Suitability model '{path}' does not exist.", path);
        }

        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static SuitabilityModel Load(Stream stream)
    {
        var model = new MLContext(1).Model.Load(stream, out _);
        return new SuitabilityModel(model);
    }

    /// <summary>The model shipped inside AutomationScanner.Core, trained on the "GPTs are GPTs" label set.</summary>
    public static SuitabilityModel LoadShipped()
    {
        using var resource = typeof(SuitabilityModel).Assembly.GetManifestResourceStream(EmbeddedModelName)
            ?? throw new InvalidOperationException($"The shipped model resource '{EmbeddedModelName}' is missing from the assembly.");
        using var buffer = new MemoryStream();
        resource.CopyTo(buffer);
        buffer.Position = 0;
        return Load(buffer);
    }

    public TextSuitabilityPrediction Predict(string text, int topFeatures = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (topFeatures > 0)
        {
            return PredictBatch([text], topFeatures)[0];
        }

        if (!engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<SuitabilityModelTrainer.TextInput, ScoreOutput>(model);
        }

        try
        {
            var output = engine.Predict(new SuitabilityModelTrainer.TextInput { Text = text });
            var known = output.WordKeys.Count(k => k != 0);
            return ToPrediction(output.Score, output.WordKeys.Length, known, []);
        }
        finally
        {
            engines.Add(engine);
        }
    }

    /// <summary>Scores many texts in one pass (the fast path); <paramref name="topFeatures"/> &gt; 0 adds explanations.</summary>
    public IReadOnlyList<TextSuitabilityPrediction> PredictBatch(IReadOnlyList<string> texts, int topFeatures = 0)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new TextSuitabilityPrediction[texts.Count];
        var scored = model.Transform(ToDataView(ml, texts));
        var scoreColumn = scored.Schema[SuitabilityModelTrainer.ScoreColumn];
        var keysColumn = scored.Schema["WordKeys"];
        var explain = topFeatures > 0 && exposedWeights is not null;
        DataViewSchema.Column[] columns = explain
            ? [scoreColumn, keysColumn, scored.Schema[SuitabilityModelTrainer.FeaturesColumn]]
            : [scoreColumn, keysColumn];
        using var cursor = scored.GetRowCursor(columns);
        var scoreGetter = cursor.GetGetter<VBuffer<float>>(scoreColumn);
        var keysGetter = cursor.GetGetter<VBuffer<uint>>(keysColumn);
        var featuresGetter = explain ? cursor.GetGetter<VBuffer<float>>(columns[2]) : null;
        VBuffer<float> score = default;
        VBuffer<uint> keys = default;
        VBuffer<float> features = default;
        var row = 0;
        while (cursor.MoveNext())
        {
            scoreGetter(ref score);
            keysGetter(ref keys);
            var known = 0;
            foreach (var key in keys.DenseValues())
            {
                if (key != 0)
                {
                    known++;
                }
            }

            IReadOnlyList<TextFeatureContribution> top = [];
            if (featuresGetter is not null)
            {
                featuresGetter(ref features);
                top = Explain(features, topFeatures);
            }

            results[row++] = ToPrediction(score.DenseValues().ToArray(), keys.Length, known, top);
        }

        return results;
    }

    /// <summary>Class probabilities for each text; used by cross-validation and evaluation.</summary>
    internal static float[][] ScoreBatch(MLContext ml, ITransformer model, IReadOnlyList<string> texts)
    {
        var scored = model.Transform(ToDataView(ml, texts));
        return scored.GetColumn<float[]>(SuitabilityModelTrainer.ScoreColumn).ToArray();
    }

    private static IDataView ToDataView(MLContext ml, IReadOnlyList<string> texts) =>
        ml.Data.LoadFromEnumerable(texts.Select(t => new SuitabilityModelTrainer.TextInput { Text = t ?? string.Empty }));

    private static TextSuitabilityPrediction ToPrediction(
        float[] probabilities, int words, int known, IReadOnlyList<TextFeatureContribution> top)
    {
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return new TextSuitabilityPrediction
        {
            Class = (ExposureClass)best,
            Probabilities = probabilities,
            Words = words,
            KnownWords = known,
            TopFeatures = top,
        };
    }

    /// <summary>
    /// Contribution of feature j toward "exposed": x_j * (mean(w_E1,j, w_E2,j) - w_E0,j), the change it makes to the
    /// log-odds of an average exposed class against E0 in the multinomial logistic model.
    /// </summary>
    private List<TextFeatureContribution> Explain(VBuffer<float> features, int top)
    {
        var weights = exposedWeights!;
        var contributions = new List<TextFeatureContribution>();
        var indices = features.GetIndices();
        var values = features.GetValues();
        for (var k = 0; k < values.Length; k++)
        {
            var slot = features.IsDense ? k : indices[k];
            if (values[k] == 0 || slot >= slotNames.Length)
            {
                continue;
            }

            // Features the regularised model zeroed out explain nothing.
            var direction = ((weights[1][slot] + weights[2][slot]) / 2.0) - weights[0][slot];
            if (direction == 0)
            {
                continue;
            }

            contributions.Add(new TextFeatureContribution(slotNames[slot], values[k] * direction));
        }

        return contributions.OrderByDescending(c => Math.Abs(c.Contribution)).Take(top).ToList();
    }

    private static LinearMulticlassModelParametersBase? FindLinearModel(ITransformer model) =>
        model is IEnumerable<ITransformer> chain
            ? chain.OfType<IPredictionTransformer<object>>().Select(p => p.Model).OfType<LinearMulticlassModelParametersBase>().LastOrDefault()
            : null;

    /// <summary>Turns ML.NET slot names ("WordFeatures.enter|data", "CharFeatures.&lt;␂&gt;|i|n") into readable n-grams.</summary>
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

        return gram.Replace('|', ' ');
    }

    private sealed class ScoreOutput
    {
        public float[] Score { get; set; } = [];

        [VectorType]
        public uint[] WordKeys { get; set; } = [];
    }
}
