using System.Runtime.CompilerServices;

namespace AutomationScanner.Core.Classification;

/// <summary>
/// What a suitability model file holds: the contract between the training project (AutomationScanner.Training, which
/// writes model files) and <see cref="SuitabilityModel"/> (which reads them at scan time). A model file is one flat
/// little-endian <see cref="ModelFile"/> with the compiled text model's sections (<see cref="LinearTextModel"/>) and the
/// task-statement index's (<see cref="TaskStatementIndex"/>), read in place; the ML.NET pipeline it was compiled from is
/// written next to it by <c>scanner train</c> and read by training and evaluation only.
/// </summary>
public static class SuitabilityModelFormat
{
    /// <summary>Dimensions of the embedding the model reads (all-MiniLM-L6-v2).</summary>
    public const int EmbeddingDimensions = 384;

    /// <summary>Automation ratings T0..T4.</summary>
    public const int AutomationLevels = 5;

    /// <summary>Expected rating sum_k k p_k / 4 in 0..1 from the probabilities of T0..T4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ExpectedRating(IReadOnlyList<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        double expected = 0, total = 0;
        for (var k = 0; k < probabilities.Count; k++)
        {
            expected += k * probabilities[k];
            total += probabilities[k];
        }

        return total <= 0 ? 0 : expected / total / (AutomationLevels - 1);
    }

    /// <summary>The model file of a compiled text model and, when given, its task-statement index. Same parts, same bytes.</summary>
    public static byte[] Write(LinearTextModel textModel, TaskStatementIndex? index)
    {
        ArgumentNullException.ThrowIfNull(textModel);
        var writer = new ModelFile.Writer();
        textModel.WriteTo(writer);
        index?.WriteTo(writer);
        return writer.ToArray();
    }

    /// <summary>True when <paramref name="prefix"/> (the first bytes of a file) looks like a model file of this format.</summary>
    public static bool IsModelFile(ReadOnlySpan<byte> prefix) => ModelFile.LooksLikeModelFile(prefix);

    /// <summary>True when <paramref name="prefix"/> is the start of a zip: a model file older than this format, or an ML.NET pipeline.</summary>
    public static bool IsZip(ReadOnlySpan<byte> prefix) => prefix.Length >= 4 && prefix[0] == (byte)'P' && prefix[1] == (byte)'K' && prefix[2] == 3 && prefix[3] == 4;

    /// <summary>The text model and index of a model file (in place; nothing is parsed beyond the section table).</summary>
    internal static (LinearTextModel TextModel, TaskStatementIndex? Index) Read(Stream stream)
    {
        var file = ModelFile.Open(stream);
        if (!LinearTextModel.IsIn(file))
        {
            throw new FormatException("The model file has no compiled text model; retrain it with `scanner train`.");
        }

        return (LinearTextModel.Read(file), TaskStatementIndex.IsIn(file) ? TaskStatementIndex.Read(file) : null);
    }
}
