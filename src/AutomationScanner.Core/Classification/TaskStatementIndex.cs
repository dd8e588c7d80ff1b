using System.Text;
using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Classification;

/// <summary>An O*NET task statement near a query, with what the model and GPT-4 said about it.</summary>
public sealed record TaskNeighbour(string Text, float Similarity, double AutomationScore, double ExposedProbability, int? Automation);

/// <summary>
/// The O*NET task statements the model was trained on, by sentence embedding, so that a short activity name can be
/// read through the statements nearest to it. Vectors are stored as int8 with one scale per vector; search is an
/// inverted file: the query is compared with the cluster centroids (spherical k-means, seeded) and then with the
/// members of the nearest <see cref="Probes"/> clusters. Each statement carries the model's own scores (computed when
/// the index is built), so a neighbour costs no extra prediction. Immutable and thread-safe.
/// </summary>
public sealed class TaskStatementIndex
{
    private const uint Magic = 0x58444954; // "TIDX"
    private const int FormatVersion = 1;

    /// <summary>Clusters probed per query.</summary>
    public const int Probes = 4;

    private readonly string[] texts;
    private readonly float[][] vectors;
    private readonly float[] automationScores;
    private readonly float[] exposedProbabilities;
    private readonly int[] ratings;
    private readonly float[][] centroids;
    private readonly int[][] members;

    private TaskStatementIndex(string[] texts, float[][] vectors, float[] automationScores, float[] exposedProbabilities, int[] ratings, float[][] centroids, int[] cluster)
    {
        this.texts = texts;
        this.vectors = vectors;
        this.automationScores = automationScores;
        this.exposedProbabilities = exposedProbabilities;
        this.ratings = ratings;
        this.centroids = centroids;
        members = Enumerable.Range(0, centroids.Length).Select(c => Enumerable.Range(0, cluster.Length).Where(i => cluster[i] == c).ToArray()).ToArray();
    }

    public int Count => texts.Length;

    public int Dimensions => centroids.Length == 0 ? 0 : centroids[0].Length;

    /// <summary>
    /// Builds the index over the distinct texts of <paramref name="tasks"/> (sorted, so the result depends on the data
    /// only), with the model's predictions for each and <paramref name="clusters"/> k-means clusters.
    /// </summary>
    public static TaskStatementIndex Build(
        IReadOnlyList<LabelledTask> tasks, IReadOnlyList<float[]> embeddings, IReadOnlyList<double> automationScores,
        IReadOnlyList<double> exposedProbabilities, int clusters = 128, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(automationScores);
        ArgumentNullException.ThrowIfNull(exposedProbabilities);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tasks.Count; i++)
        {
            first.TryAdd(tasks[i].Text, i);
        }

        var rows = first.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value).ToArray();
        var vectors = rows.Select(i => Dequantize(Quantize(embeddings[i], out var scale), scale)).ToArray();
        var centroids = KMeans(vectors, Math.Min(clusters, vectors.Length), seed, out var cluster);
        return new TaskStatementIndex(
            rows.Select(i => tasks[i].Text).ToArray(),
            vectors,
            rows.Select(i => (float)automationScores[i]).ToArray(),
            rows.Select(i => (float)exposedProbabilities[i]).ToArray(),
            rows.Select(i => tasks[i].Automation ?? -1).ToArray(),
            centroids,
            cluster);
    }

    /// <summary>The <paramref name="count"/> statements most similar to a unit <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<TaskNeighbour> Nearest(ReadOnlySpan<float> query, int count)
    {
        if (count <= 0 || texts.Length == 0 || query.Length != Dimensions)
        {
            return [];
        }

        Span<(int Cluster, float Similarity)> probes = stackalloc (int, float)[Math.Min(Probes, centroids.Length)];
        probes.Fill((-1, float.NegativeInfinity));
        for (var c = 0; c < centroids.Length; c++)
        {
            Insert(probes, (c, VectorMath.Cosine(query, centroids[c])));
        }

        Span<(int Index, float Similarity)> best = stackalloc (int, float)[Math.Min(count, 16)];
        best.Fill((-1, float.NegativeInfinity));
        foreach (var (clusterIndex, _) in probes)
        {
            if (clusterIndex < 0)
            {
                continue;
            }

            foreach (var i in members[clusterIndex])
            {
                Insert(best, (i, VectorMath.Cosine(query, vectors[i])));
            }
        }

        var result = new List<TaskNeighbour>(best.Length);
        foreach (var (i, similarity) in best)
        {
            if (i >= 0)
            {
                result.Add(new TaskNeighbour(texts[i], similarity, automationScores[i], exposedProbabilities[i], ratings[i] < 0 ? null : ratings[i]));
            }
        }

        return result;
    }

    /// <summary>Keeps <paramref name="top"/> sorted by similarity, descending (insertion into a short list).</summary>
    private static void Insert(Span<(int Index, float Similarity)> top, (int Index, float Similarity) candidate)
    {
        if (candidate.Similarity <= top[^1].Similarity)
        {
            return;
        }

        var position = top.Length - 1;
        while (position > 0 && top[position - 1].Similarity < candidate.Similarity)
        {
            top[position] = top[position - 1];
            position--;
        }

        top[position] = candidate;
    }

    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(texts.Length);
            writer.Write(Dimensions);
            writer.Write(centroids.Length);
            foreach (var centroid in centroids)
            {
                foreach (var v in centroid)
                {
                    writer.Write(v);
                }
            }

            var cluster = new int[texts.Length];
            for (var c = 0; c < members.Length; c++)
            {
                foreach (var i in members[c])
                {
                    cluster[i] = c;
                }
            }

            for (var i = 0; i < texts.Length; i++)
            {
                writer.Write(texts[i]);
                writer.Write(automationScores[i]);
                writer.Write(exposedProbabilities[i]);
                writer.Write((sbyte)ratings[i]);
                writer.Write((ushort)cluster[i]);
                var quantized = Quantize(vectors[i], out var scale);
                writer.Write(scale);
                foreach (var value in quantized)
                {
                    writer.Write(value);
                }
            }
        }

        return stream.ToArray();
    }

    public static TaskStatementIndex Deserialize(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new FormatException("Not a task-statement index of this version.");
            }

            var count = reader.ReadInt32();
            var dimensions = reader.ReadInt32();
            var clusterCount = reader.ReadInt32();
            if (count < 0 || dimensions is < 1 or > 4096 || clusterCount < 0 || clusterCount > count)
            {
                throw new FormatException("Task-statement index header is out of range.");
            }

            var centroids = new float[clusterCount][];
            for (var c = 0; c < clusterCount; c++)
            {
                centroids[c] = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    centroids[c][d] = reader.ReadSingle();
                }
            }

            var texts = new string[count];
            var vectors = new float[count][];
            var automation = new float[count];
            var exposed = new float[count];
            var ratings = new int[count];
            var cluster = new int[count];
            var q = new sbyte[dimensions];
            for (var i = 0; i < count; i++)
            {
                texts[i] = reader.ReadString();
                automation[i] = reader.ReadSingle();
                exposed[i] = reader.ReadSingle();
                ratings[i] = reader.ReadSByte();
                cluster[i] = reader.ReadUInt16();
                if (cluster[i] >= clusterCount)
                {
                    throw new FormatException("Task-statement index names a cluster it does not have.");
                }

                var scale = reader.ReadSingle();
                for (var d = 0; d < dimensions; d++)
                {
                    q[d] = reader.ReadSByte();
                }

                vectors[i] = Dequantize(q, scale);
            }

            return new TaskStatementIndex(texts, vectors, automation, exposed, ratings, centroids, cluster);
        }
        catch (EndOfStreamException e)
        {
            throw new FormatException("Task-statement index is truncated.", e);
        }
    }

    private static sbyte[] Quantize(float[] vector, out float scale)
    {
        var max = 0f;
        foreach (var v in vector)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        scale = max == 0 ? 0 : max / 127f;
        var quantized = new sbyte[vector.Length];
        for (var d = 0; d < vector.Length; d++)
        {
            quantized[d] = scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(vector[d] / scale), -127, 127);
        }

        return quantized;
    }

    private static float[] Dequantize(sbyte[] quantized, float scale)
    {
        var vector = new float[quantized.Length];
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = quantized[d] * scale;
        }

        VectorMath.Normalize(vector);
        return vector;
    }

    /// <summary>Spherical k-means: seeded initial centroids, a fixed number of rounds, ties to the lower cluster.</summary>
    private static float[][] KMeans(float[][] vectors, int k, int seed, out int[] cluster)
    {
        cluster = new int[vectors.Length];
        if (k == 0)
        {
            return [];
        }

        var dimensions = vectors[0].Length;
        var order = Enumerable.Range(0, vectors.Length).ToArray();
        new Random(seed).Shuffle(order);
        var centroids = order.Take(k).Select(i => (float[])vectors[i].Clone()).ToArray();
        for (var round = 0; round < 8; round++)
        {
            for (var i = 0; i < vectors.Length; i++)
            {
                var (bestCluster, bestSimilarity) = (0, float.NegativeInfinity);
                for (var c = 0; c < k; c++)
                {
                    var similarity = VectorMath.Cosine(vectors[i], centroids[c]);
                    if (similarity > bestSimilarity)
                    {
                        (bestCluster, bestSimilarity) = (c, similarity);
                    }
                }

                cluster[i] = bestCluster;
            }

            var sums = new float[k][];
            for (var c = 0; c < k; c++)
            {
                sums[c] = new float[dimensions];
            }

            for (var i = 0; i < vectors.Length; i++)
            {
                var sum = sums[cluster[i]];
                for (var d = 0; d < dimensions; d++)
                {
                    sum[d] += vectors[i][d];
                }
            }

            for (var c = 0; c < k; c++)
            {
                if (sums[c].Any(v => v != 0))
                {
                    VectorMath.Normalize(sums[c]);
                    centroids[c] = sums[c];
                }
            }
        }

        return centroids;
    }
}
