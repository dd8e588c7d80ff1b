using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace AutomationScanner.Core.Embeddings;

/// <summary>
/// The MiniLM graph as ONNX Runtime optimises it, saved once per machine and reused by every later load. Creating a
/// session from the package's model parses 91 MB of protobuf, copies every weight out of it and fuses the graph
/// (attention, layer norm, GELU), which copies the fused weights again: about 1.2-1.5 s of CPU, most of it touching
/// freshly allocated memory. The saved form keeps the fused graph in a small <see cref="GraphFileName"/> and the weights
/// in <see cref="WeightsFileName"/> beside it, which ONNX Runtime maps into memory in place of reading it; the session
/// is then created with graph optimisation off (there is nothing left to fuse). The weights file also holds the MatMul
/// and attention weights as their kernels pre-pack them (~43 MB more on disk), which are mapped too instead of being
/// packed again into fresh memory at every load. Same graph, same kernels, same packed weights, so the same vectors bit
/// for bit (<c>OptimizedModelStoreTests</c>).
/// <para>
/// The saved model lives in a folder named by the source model's size, the ONNX Runtime version, the processor
/// architecture and its vector extension (a new package, runtime or processor saves a new one), under the first writable of: the folder given to the
/// constructor, else <c>optimized/</c> beside the source model and the per-user application data folder. It is written
/// to a temporary folder and renamed into place, so a reader never sees half of it; a saved model that does not load is
/// deleted and saved again. Where no folder is writable, every load optimises in memory as before.
/// </para>
/// </summary>
internal sealed class OptimizedModelStore
{
    /// <summary>The optimised graph, referring to <see cref="WeightsFileName"/> for its weights.</summary>
    public const string GraphFileName = "model.onnx";

    /// <summary>The weights, each aligned so that ONNX Runtime can map it in place.</summary>
    public const string WeightsFileName = "model.weights";

    /// <summary>Bumped when what is saved changes (the level, the file layout), so older saves are not read.</summary>
    /// <remarks>2: the MatMul and attention weights are saved pre-packed too (round 8).</remarks>
    private const int LayoutVersion = 2;

    private readonly IReadOnlyList<string> _roots;

    /// <param name="root">Where to keep saved models; null uses <c>optimized/</c> beside the source model, else the per-user folder.</param>
    public OptimizedModelStore(string? root = null) => _roots = root is null ? [] : [root];

    /// <summary>How the last <see cref="Open"/> got its session.</summary>
    public OptimizedModelSource LastSource { get; private set; }

    /// <summary>
    /// A session for <paramref name="modelPath"/>: from the saved optimised model when there is one, else optimised
    /// from the source (saved for next time where a folder is writable). <paramref name="options"/> carries everything
    /// but the graph optimisation level and the save path, which this sets.
    /// </summary>
    public InferenceSession Open(string modelPath, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = Key(modelPath);
        var roots = Roots(modelPath);
        foreach (var root in roots)
        {
            var folder = Path.Combine(root, key);
            if (!File.Exists(Path.Combine(folder, GraphFileName)))
            {
                continue;
            }

            options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL;
            try
            {
                var session = new InferenceSession(Path.Combine(folder, GraphFileName), options);
                LastSource = OptimizedModelSource.Saved;
                return session;
            }
            catch (OnnxRuntimeException)
            {
                // Damaged or truncated by something outside this class: remove it, and save a good one below.
                TryDelete(folder);
            }
        }

        // EXTENDED, not ALL: ALL adds layout changes tied to this processor's vector width (none apply to this
        // transformer); the pre-packed weights are, which the folder's name says (Key).
        options.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED;
        foreach (var root in roots)
        {
            var temporary = Path.Combine(root, key + ".tmp-" + Guid.NewGuid().ToString("N"));
            try
            {
                Directory.CreateDirectory(temporary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            InferenceSession session;
            try
            {
                options.OptimizedModelFilePath = Path.Combine(temporary, GraphFileName);
                options.AddSessionConfigEntry("session.optimized_model_external_initializers_file_name", WeightsFileName);
                options.AddSessionConfigEntry("session.optimized_model_external_initializers_min_size_in_bytes", "1024");

                // The MatMul and attention weights as the kernels pre-pack them, mapped like the rest at the next load
                // instead of packed again into fresh memory (same packed floats, so the same vectors).
                options.AddSessionConfigEntry("session.save_external_prepacked_constant_initializers", "1");
                session = new InferenceSession(modelPath, options);
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }

            try
            {
                Directory.Move(temporary, Path.Combine(root, key));
                LastSource = OptimizedModelSource.OptimizedAndSaved;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another process saved it first (or the folder went read-only): theirs is the same model.
                TryDelete(temporary);
                LastSource = OptimizedModelSource.Optimized;
            }

            return session;
        }

        LastSource = OptimizedModelSource.Optimized;
        return new InferenceSession(modelPath, options);
    }

    /// <summary>The folders tried, in order: the one given, else beside the model and the per-user application data folder.</summary>
    private IReadOnlyList<string> Roots(string modelPath)
    {
        if (_roots.Count > 0)
        {
            return _roots;
        }

        var roots = new List<string> { Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, "optimized") };
        var user = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (user.Length > 0)
        {
            roots.Add(Path.Combine(user, "AutomationScanner", "models"));
        }

        return roots;
    }

    /// <summary>
    /// Names what the saved model was made from: the source model, the runtime that optimised it, the architecture and
    /// its widest vector instructions (the pre-packed weights are laid out for the kernels this processor runs).
    /// </summary>
    private static string Key(string modelPath) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Path.GetFileNameWithoutExtension(modelPath)}-{new FileInfo(modelPath).Length}-ort{OrtEnv.Instance().GetVersionString()}-{RuntimeInformation.ProcessArchitecture}{VectorWidth()}-v{LayoutVersion}").ToLowerInvariant();

    /// <summary>
    /// On x64, the processor's feature words (CPUID leaves 1 and 7), which ONNX Runtime's kernels are chosen by: read from
    /// the processor, because a Native AOT build answers <c>Avx2.IsSupported</c> for its compile-time baseline, not for
    /// this machine. Empty on other architectures.
    /// </summary>
    private static string VectorWidth()
    {
        if (!System.Runtime.Intrinsics.X86.X86Base.IsSupported)
        {
            return string.Empty;
        }

        var (_, _, features, _) = System.Runtime.Intrinsics.X86.X86Base.CpuId(1, 0);
        var (_, extended, extendedEcx, extendedEdx) = System.Runtime.Intrinsics.X86.X86Base.CpuId(7, 0);
        return string.Create(CultureInfo.InvariantCulture, $"-{features:x8}{extended:x8}{extendedEcx:x8}{extendedEdx:x8}");
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next load to replace (a reader may still have it mapped).
        }
    }
}
