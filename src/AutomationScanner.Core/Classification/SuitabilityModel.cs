using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Classification;

/// <summary>
/// The prediction path of the suitability model: texts are embedded (through the shared, cached
/// <see cref="ITextEmbedder"/>) and scored by the text model (an automation head and an exposure head); the
/// task-statement index reads short names through their nearest O*NET statements. A model file of
/// <c>scanner train</c> is read in place (<see cref="SuitabilityModelFormat"/>): no ML.NET, nothing parsed or built.
/// Thread-safe.
/// </summary>
public sealed class SuitabilityModel
{
    /// <summary>Manifest name of the shipped model, embedded in this assembly.</summary>
    public const string EmbeddedModelName = "AutomationScanner.Core.Classification.Model.suitability-model.bin";

    private readonly ISuitabilityTextModel textModel;

    /// <summary>A model that scores with <paramref name="textModel"/> and reads names through <paramref name="index"/> (null: no nearest statements).</summary>
    public SuitabilityModel(ISuitabilityTextModel textModel, ITextEmbedder embedder, TaskStatementIndex? index = null)
    {
        ArgumentNullException.ThrowIfNull(textModel);
        ArgumentNullException.ThrowIfNull(embedder);
        if (embedder.Dimensions != SuitabilityModelFormat.EmbeddingDimensions)
        {
            throw new ArgumentException($"The model reads {SuitabilityModelFormat.EmbeddingDimensions}-dimensional embeddings; {embedder.ModelId} gives {embedder.Dimensions}.", nameof(embedder));
        }

        this.textModel = textModel;
        Embedder = embedder;
        Index = index;
    }

    /// <summary>True when predictions run on the compiled pipeline (<see cref="LinearTextModel"/>), not through ML.NET.</summary>
    public bool IsCompiled => textModel is LinearTextModel;

    /// <summary>The model that scores texts.</summary>
    public ISuitabilityTextModel TextModel => textModel;

    /// <summary>The embedder the model reads its vectors from.</summary>
    public ITextEmbedder Embedder { get; }

    /// <summary>The training statements by embedding, or null when the model file has none.</summary>
    public TaskStatementIndex? Index { get; }

    /// <summary>True when the model can name the word n-grams behind a prediction (linear models with n-gram features).</summary>
    public bool CanExplain => textModel.CanExplain;

    public static SuitabilityModel Load(string path, ITextEmbedder embedder)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Suitability model '{path}' does not exist.", path);
        }

        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream, embedder);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Suitability model '{path}': {e.Message}", e);
        }
    }

    /// <summary>Reads a model file of <c>scanner train</c> (the compiled text model and, if present, the task-statement index).</summary>
    public static SuitabilityModel Load(Stream stream, ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length - stream.Position >= 4)
        {
            Span<byte> prefix = stackalloc byte[4];
            var position = stream.Position;
            stream.ReadExactly(prefix);
            stream.Position = position;
            if (SuitabilityModelFormat.IsZip(prefix))
            {
                throw new FormatException("this is a zip (a model file older than the flat format, or an ML.NET pipeline), which scans do not read; retrain with `scanner train`, or evaluate it with `scanner evaluate --model`.");
            }
        }

        var (text, index) = SuitabilityModelFormat.Read(stream);
        return new SuitabilityModel(text, embedder, index);
    }

    /// <summary>The model shipped inside AutomationScanner.Core, trained on the "GPTs are GPTs" label set.</summary>
    /// <remarks>The resource is read in place, where the assembly image maps it: nothing is copied or parsed.</remarks>
    public static SuitabilityModel LoadShipped(ITextEmbedder embedder) => Load(OpenShipped(), embedder);

    /// <summary>The shipped model file (a stream over the assembly image).</summary>
    public static Stream OpenShipped() =>
        typeof(SuitabilityModel).Assembly.GetManifestResourceStream(EmbeddedModelName)
            ?? throw new InvalidOperationException($"The shipped model resource '{EmbeddedModelName}' is missing from the assembly.");

    public TextSuitabilityPrediction Predict(string text, int topFeatures = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PredictBatch([text], topFeatures)[0];
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
        return texts.Count == 0 ? [] : textModel.PredictBatch(texts, embeddings, topFeatures);
    }
}
