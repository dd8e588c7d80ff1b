using System.Numerics.Tensors;

namespace AutomationScanner.Core.Embeddings;

/// <summary>Similarity of the unit vectors an <see cref="ITextEmbedder"/> returns.</summary>
public static class VectorMath
{
    /// <summary>Cosine similarity of two unit vectors (their dot product), in [-1, 1].</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Vectors of different dimensions cannot be compared.", nameof(b));
        }

        return TensorPrimitives.Dot(a, b);
    }

    /// <summary>The index and similarity of the candidate nearest to <paramref name="query"/>; (-1, -1) when there is none.</summary>
    public static (int Index, float Similarity) Nearest(ReadOnlySpan<float> query, IReadOnlyList<float[]> candidates)
    {
        var best = (Index: -1, Similarity: -1f);
        for (var i = 0; i < candidates.Count; i++)
        {
            var similarity = Cosine(query, candidates[i]);
            if (similarity > best.Similarity)
            {
                best = (i, similarity);
            }
        }

        return best;
    }

    /// <summary>Scales <paramref name="vector"/> to unit length in place (a zero vector stays zero).</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
