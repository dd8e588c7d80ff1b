using System.Collections.Concurrent;
using System.IO.Compression;
using AutomationScanner.Core.Embeddings;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace AutomationScanner.Core.Classification;

/// <summary>A feature of the input text and what it added to the automation score (expected rating / 4).</summary>
public sealed record TextFeatureContribution(string Feature, double Contribution);

/// <summary>The text model's verdict on one text.</summary>
public sealed record TextSuitabilityPrediction
{
    /// <summary>Most probable exposure class (E0-E2, human labels of Eloundou et al. 2023).</summary>
    public required ExposureClass Class { get; init; }

    /// <summary>P(E0), P(E1), P(E2).</summary>
    public required IReadOnlyList<float> Probabilities { get; init; }

    /// <summary>P(E1) + P(E2).</summary>
    public double ExposedProbability => 1.0 - Probabilities[(int)ExposureClass.NoExposure];

    /// <summary>P(T0) .. P(T4): GPT-4's automation rating as the model predicts it.</summary>
    public required IReadOnlyList<float> AutomationProbabilities { get; init; }

    /// <summary>Expected automation rating / 4, in 0..1: the score that ranks automation potential.</summary>
    public double AutomationScore => SuitabilityModelFormat.ExpectedRating(AutomationProbabilities);

    /// <summary>Content words (stop words removed) in the text.</summary>
    public required int Words { get; init; }

    /// <summary>Content words the model saw in training.</summary>
    public required int KnownWords { get; init; }

    /// <summary>True when fewer than half of the content words are known (non-English text, jargon, codes).</summary>
    public bool LowConfidence => Words == 0 || KnownWords * 2 < Words;

    /// <summary>Largest contributions by magnitude; empty when not asked for or when the model has no named features.</summary>
    public IReadOnlyList<TextFeatureContribution> TopFeatures { get; init; } = [];
}

/// <summary>
/// The prediction path of the suitability model: texts are embedded (through the shared, cached
/// <see cref="ITextEmbedder"/>) and scored by one ML.NET pipeline with an automation head and an exposure head.
/// Thread-safe: batches go through <see cref="ITransformer.Transform"/>, single predictions through a pool of
/// prediction engines (a <c>PredictionEngine</c> is never shared).
/// </summary>
public sealed class SuitabilityModel
{
    /// <summary>Manifest name of the shipped model, embedded in this assembly.</summary>
    public const string EmbeddedModelName = "AutomationScanner.Core.Classification.Model.suitability-model.zip";

    /// <summary>Texts per parallel partition of a large batch on the compiled path.</summary>
    private const int ParallelChunk = 2_048;

    private readonly MLContext ml = new(1);
    private readonly ITransformer? model;
    private readonly LinearTextModel? linear;
    private readonly ConcurrentBag<PredictionEngine<SuitabilityModelFormat.ModelInput, ScoreOutput>> engines = [];
    private readonly float[][]? automationWeights;
    private readonly string[] slotNames = [];

    private readonly Lazy<TaskStatementIndex?> index;

    /// <summary>A model that scores through the ML.NET pipeline (training, cross-validation, tests).</summary>
    public SuitabilityModel(ITransformer model, ITextEmbedder embedder, TaskStatementIndex? index = null)
        : this(model, embedder, new Lazy<TaskStatementIndex?>(index))
    {
    }

    /// <summary>A model that scores through the compiled pipeline (what a model file of <c>scanner train</c> loads).</summary>
    public SuitabilityModel(LinearTextModel textModel, ITextEmbedder embedder, TaskStatementIndex? index = null)
        : this(textModel, embedder, new Lazy<TaskStatementIndex?>(index))
    {
    }

    private SuitabilityModel(LinearTextModel textModel, ITextEmbedder embedder, Lazy<TaskStatementIndex?> index)
    {
        ArgumentNullException.ThrowIfNull(textModel);
        CheckEmbedder(embedder);
        this.index = index;
        linear = textModel;
        Embedder = embedder;
    }

    private SuitabilityModel(ITransformer model, ITextEmbedder embedder, Lazy<TaskStatementIndex?> index)
    {
        this.index = index;
        ArgumentNullException.ThrowIfNull(model);
        CheckEmbedder(embedder);
        this.model = model;
        Embedder = embedder;
        var outputSchema = model.GetOutputSchema(SuitabilityModelFormat.InputSchema(ml));
        if (outputSchema.GetColumnOrNull(SuitabilityModelFormat.ExposureScoreColumn) is null
            || outputSchema.GetColumnOrNull(SuitabilityModelFormat.AutomationScoreColumn) is null)
        {
            throw new FormatException("The model has no automation and exposure scores; retrain it with `scanner train`.");
        }

        var linear = FindLinearModels(model);
        if (linear.Count == 2 && outputSchema.GetColumnOrNull(SuitabilityModelFormat.FeaturesColumn) is { } features
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

    private static void CheckEmbedder(ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        if (embedder.Dimensions != SuitabilityModelFormat.EmbeddingDimensions)
        {
            throw new ArgumentException($"The model reads {SuitabilityModelFormat.EmbeddingDimensions}-dimensional embeddings; {embedder.ModelId} gives {embedder.Dimensions}.", nameof(embedder));
        }
    }

    /// <summary>True when predictions run on the compiled pipeline (<see cref="LinearTextModel"/>), not through ML.NET.</summary>
    public bool IsCompiled => linear is not null;

    /// <summary>The embedder the model reads its vectors from.</summary>
    public ITextEmbedder Embedder { get; }

    /// <summary>The training statements by embedding (read on first use), or null when the model file has none.</summary>
    public TaskStatementIndex? Index => index.Value;

    /// <summary>True when the model can name the word n-grams behind a prediction (linear models with n-gram features).</summary>
    public bool CanExplain => linear?.CanExplain ?? automationWeights is not null;

    public static SuitabilityModel Load(string path, ITextEmbedder embedder)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Suitability model '{path}' does not exist.", path);
        }

        using var stream = File.OpenRead(path);
        return Load(stream, embedder);
    }

    /// <summary>Reads a model file of <c>scanner train</c> (the pipeline and, if present, the task-statement index).</summary>
    public static SuitabilityModel Load(Stream stream, ITextEmbedder embedder) => Load(stream, embedder, reopen: null);

    /// <param name="stream">The model file.</param>
    /// <param name="embedder">Where the model reads its vectors from.</param>
    /// <param name="reopen">
    /// Opens the same file again: the index (half the file) is then read only when first used, from a second opening;
    /// null reads its bytes now.
    /// </param>
    private static SuitabilityModel Load(Stream stream, ITextEmbedder embedder, Func<Stream>? reopen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var hasIndex = archive.GetEntry(SuitabilityModelFormat.IndexEntry) is not null;
            var indexBytes = hasIndex && reopen is null ? ReadAll(archive.GetEntry(SuitabilityModelFormat.IndexEntry)!) : null;
            var lazyIndex = new Lazy<TaskStatementIndex?>(
                () => !hasIndex ? null : TaskStatementIndex.Deserialize(indexBytes ?? ReadIndex(reopen!)), LazyThreadSafetyMode.ExecutionAndPublication);

            // The compiled pipeline loads in milliseconds; ML.NET is only loaded for files without one.
            if (archive.GetEntry(SuitabilityModelFormat.TextModelEntry) is { } textModelEntry)
            {
                return new SuitabilityModel(LinearTextModel.Deserialize(ReadAll(textModelEntry)), embedder, lazyIndex);
            }

            return new SuitabilityModel(LoadPipeline(archive), embedder, lazyIndex);
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"The model file is not a readable zip: {e.Message}", e);
        }
    }

    /// <summary>The ML.NET pipeline of a model file (the reference the compiled pipeline is checked against).</summary>
    public static ITransformer LoadPipeline(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return LoadPipeline(archive);
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"The model file is not a readable zip: {e.Message}", e);
        }
    }

    private static ITransformer LoadPipeline(ZipArchive archive)
    {
        var pipelineEntry = archive.GetEntry(SuitabilityModelFormat.PipelineEntry)
            ?? throw new FormatException($"The model file has no '{SuitabilityModelFormat.PipelineEntry}'; retrain it with `scanner train`.");
        using var pipeline = new MemoryStream(ReadAll(pipelineEntry));
        return new MLContext(1).Model.Load(pipeline, out _);
    }

    private static byte[] ReadIndex(Func<Stream> open)
    {
        using var stream = open();
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        return ReadAll(archive.GetEntry(SuitabilityModelFormat.IndexEntry)!);
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var content = entry.Open();
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The model shipped inside AutomationScanner.Core, trained on the "GPTs are GPTs" label set.</summary>
    /// <remarks>The resource is read in place (it is mapped with the assembly), and its index only when first used.</remarks>
    public static SuitabilityModel LoadShipped(ITextEmbedder embedder)
    {
        using var resource = OpenShipped();
        return Load(resource, embedder, OpenShipped);
    }

    private static Stream OpenShipped() =>
        typeof(SuitabilityModel).Assembly.GetManifestResourceStream(EmbeddedModelName)
            ?? throw new InvalidOperationException($"The shipped model resource '{EmbeddedModelName}' is missing from the assembly.");

    public TextSuitabilityPrediction Predict(string text, int topFeatures = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (topFeatures > 0)
        {
            return PredictBatch([text], topFeatures)[0];
        }

        var embedding = Embedder.Embed([text])[0];
        if (linear is not null)
        {
            return linear.Predict(text, embedding);
        }

        if (!engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<SuitabilityModelFormat.ModelInput, ScoreOutput>(model!);
        }

        try
        {
            var output = engine.Predict(new SuitabilityModelFormat.ModelInput { Text = text, Embedding = embedding });
            var known = output.WordKeys.Count(k => k != 0);
            return ToPrediction(output.ExposureScore, output.AutomationScore, output.WordKeys.Length, known, []);
        }
        finally
        {
            engines.Add(engine);
        }
    }

    /// <summary>Scores many texts in one pass (the fast path); <paramref name="topFeatures"/> &gt; 0 adds explanations.</summary>
    public IReadOnlyList<TextSuitabilityPrediction> PredictBatch(IReadOnlyList<string> texts, int topFeatures = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return PredictBatch(texts, Embedder.Embed(texts, cancellationToken), topFeatures);
    }

    /// <summary>As above with the embeddings already at hand (row i of <paramref name="embeddings"/> is text i).</summary>
    public IReadOnlyList<TextSuitabilityPrediction> PredictBatch(IReadOnlyList<string> texts, IReadOnlyList<float[]> embeddings, int topFeatures = 0)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(embeddings);
        var results = new TextSuitabilityPrediction[texts.Count];
        if (texts.Count == 0)
        {
            return results;
        }

        if (linear is not null)
        {
            // Large batches in parallel partitions: each text is scored on its own, so the result does not depend on them.
            Parallel.For(0, (texts.Count + ParallelChunk - 1) / ParallelChunk, chunk =>
            {
                var end = Math.Min(texts.Count, (chunk + 1) * ParallelChunk);
                for (var i = chunk * ParallelChunk; i < end; i++)
                {
                    results[i] = linear.Predict(texts[i] ?? string.Empty, embeddings[i], topFeatures);
                }
            });
            return results;
        }

        var scored = model!.Transform(SuitabilityModelFormat.ToInputView(ml, texts, embeddings));
        var exposureColumn = scored.Schema[SuitabilityModelFormat.ExposureScoreColumn];
        var automationColumn = scored.Schema[SuitabilityModelFormat.AutomationScoreColumn];
        var keysColumn = scored.Schema[SuitabilityModelFormat.WordKeysColumn];
        var explain = topFeatures > 0 && automationWeights is not null;
        DataViewSchema.Column[] columns = explain
            ? [exposureColumn, automationColumn, keysColumn, scored.Schema[SuitabilityModelFormat.FeaturesColumn]]
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
        float[] exposure, float[] automation, int words, int known, IReadOnlyList<TextFeatureContribution> top)
    {
        var best = 0;
        for (var i = 1; i < exposure.Length; i++)
        {
            if (exposure[i] > exposure[best])
            {
                best = i;
            }
        }

        return new TextSuitabilityPrediction
        {
            Class = (ExposureClass)best,
            Probabilities = exposure,
            AutomationProbabilities = automation,
            Words = words,
            KnownWords = known,
            TopFeatures = top,
        };
    }

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

        return block is SuitabilityModelFormat.WordFeaturesColumn || dot < 0 ? gram.Replace('|', ' ') : string.Empty;
    }

    private sealed class ScoreOutput
    {
        public float[] ExposureScore { get; set; } = [];

        public float[] AutomationScore { get; set; } = [];

        [VectorType]
        public uint[] WordKeys { get; set; } = [];
    }
}
