using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Classification;

/// <summary>An O*NET task statement near a query, with what the model and GPT-4 said about it.</summary>
public sealed record TaskNeighbour(string Text, float Similarity, double AutomationScore, double ExposedProbability, int? Automation);

/// <summary>
/// The O*NET task statements the model was trained on, by sentence embedding, so that a short activity name can be
/// read through the statements nearest to it. The statement vectors are computed at training time and shipped in the
/// model file (int8, row-normalised on load into one contiguous float matrix), so a scan never embeds a statement.
/// Search is two-stage and exact in its final order: every statement is scored in a <see cref="ProjectedDimensions"/>-
/// dimensional principal subspace of the statement vectors (one streaming SIMD pass over a blocked matrix), and the
/// <see cref="Candidates"/> best are re-scored with the full vectors (<see cref="NearestExact"/> compares the full vectors
/// of every statement; the recall of the two-stage search is measured by <c>--only Suitability</c>).
/// Each statement carries the model's own scores (computed when the index is built), so a neighbour costs no extra
/// prediction. Immutable and thread-safe.
/// </summary>
public sealed class TaskStatementIndex
{
    private const uint Magic = 0x58444954; // "TIDX"
    private const int FormatVersion = 3;

    /// <summary>Dimensions of the principal subspace the first stage scores in.</summary>
    public const int ProjectedDimensions = 96;

    /// <summary>Statements re-scored with their full vectors per query.</summary>
    public const int Candidates = 64;

    /// <summary>Statements per block of the first stage's matrix (one <see cref="Vector256{T}"/> of scores).</summary>
    private const int Lanes = 8;

    /// <summary>
    /// Queries that share one pass over the first stage's matrix (5.5 MB for the shipped index): each block of it is
    /// read from memory once per group and then scored against every query of the group from the L1 cache.
    /// </summary>
    private const int GroupSize = 64;

    private readonly string[] texts;
    private readonly float[] matrix;
    private readonly float[] automationScores;
    private readonly float[] exposedProbabilities;
    private readonly sbyte[] ratings;
    private readonly float[] basis;
    private readonly float[] projected;
    private readonly int dimensions;
    private readonly int projectedDimensions;

    // basis: projectedDimensions rows of `dimensions` (an orthonormal basis of the subspace); projected: blocks of Lanes
    // statements, each block coordinate-major (statement r's coordinate j at (r / Lanes) * projectedDimensions * Lanes
    // + j * Lanes + r % Lanes; the last block padded with zeros), so the first stage reads one contiguous stream.
    private TaskStatementIndex(
        string[] texts, float[] matrix, float[] automationScores, float[] exposedProbabilities, sbyte[] ratings, float[] basis, float[] projected, int dimensions)
    {
        this.texts = texts;
        this.matrix = matrix;
        this.automationScores = automationScores;
        this.exposedProbabilities = exposedProbabilities;
        this.ratings = ratings;
        this.basis = basis;
        this.projected = projected;
        this.dimensions = dimensions;
        projectedDimensions = dimensions == 0 ? 0 : basis.Length / dimensions;
    }

    public int Count => texts.Length;

    public int Dimensions => dimensions;

    /// <summary>
    /// Builds the index over the distinct <paramref name="texts"/> (sorted, so the result depends on the data
    /// only), with their labelled automation ratings (0-4, null when unrated), the model's predictions for each and a
    /// principal subspace of <paramref name="subspace"/> dimensions.
    /// </summary>
    public static TaskStatementIndex Build(
        IReadOnlyList<string> texts, IReadOnlyList<int?> ratings, IReadOnlyList<float[]> embeddings, IReadOnlyList<double> automationScores,
        IReadOnlyList<double> exposedProbabilities, int subspace = ProjectedDimensions, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(automationScores);
        ArgumentNullException.ThrowIfNull(exposedProbabilities);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            first.TryAdd(texts[i], i);
        }

        var rows = first.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Value).ToArray();
        var dimensions = rows.Length == 0 ? SuitabilityModelFormat.EmbeddingDimensions : embeddings[rows[0]].Length;

        // The vectors as the index will hold them (quantised and back), so the subspace is fitted to what search sees.
        var matrix = new float[rows.Length * dimensions];
        var quantized = new sbyte[dimensions];
        for (var k = 0; k < rows.Length; k++)
        {
            Quantize(embeddings[rows[k]], quantized);
            Dequantize(quantized, matrix.AsSpan(k * dimensions, dimensions));
        }

        var basis = PrincipalSubspace(matrix, rows.Length, dimensions, Math.Min(subspace, dimensions), seed);
        return new TaskStatementIndex(
            rows.Select(r => texts[r]).ToArray(),
            matrix,
            rows.Select(r => (float)automationScores[r]).ToArray(),
            rows.Select(r => (float)exposedProbabilities[r]).ToArray(),
            rows.Select(r => (sbyte)(ratings[r] ?? -1)).ToArray(),
            basis,
            Project(matrix, rows.Length, dimensions, basis),
            dimensions);
    }

    /// <summary>The <paramref name="count"/> statements most similar to a unit <paramref name="query"/>, best first (two-stage search).</summary>
    public IReadOnlyList<TaskNeighbour> Nearest(ReadOnlySpan<float> query, int count) => Nearest(query, count, Candidates);

    /// <summary>As <see cref="Nearest(ReadOnlySpan{float}, int)"/>, compared with every statement: the reference for the two-stage search's recall.</summary>
    public IReadOnlyList<TaskNeighbour> NearestExact(ReadOnlySpan<float> query, int count) => Nearest(query, count, int.MaxValue);

    /// <summary>As <see cref="Nearest(ReadOnlySpan{float}, int)"/> with <paramref name="candidates"/> statements re-scored (at least <paramref name="count"/>).</summary>
    public IReadOnlyList<TaskNeighbour> Nearest(ReadOnlySpan<float> query, int count, int candidates)
    {
        if (count <= 0 || texts.Length == 0 || query.Length != dimensions)
        {
            return [];
        }

        return Search([query.ToArray()], count, Math.Max(count, candidates))[0];
    }

    /// <summary>
    /// <see cref="Nearest(ReadOnlySpan{float}, int)"/> for many queries at once: the first stage reads each block of the
    /// subspace matrix once for a group of queries, so memory traffic is shared. Row i of the result is query i.
    /// </summary>
    public IReadOnlyList<TaskNeighbour>[] Nearest(IReadOnlyList<float[]> queries, int count)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return Search(queries, count, Math.Max(count, Candidates));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private IReadOnlyList<TaskNeighbour>[] Search(IReadOnlyList<float[]> queries, int count, int candidates)
    {
        var results = new IReadOnlyList<TaskNeighbour>[queries.Count];
        count = Math.Min(Math.Min(count, 64), texts.Length);
        if (count <= 0)
        {
            Array.Fill(results, []);
            return results;
        }

        var exhaustive = candidates >= texts.Length || projectedDimensions == 0;
        var shortlistLength = exhaustive ? count : Math.Min(candidates, 256);
        var groupSize = Math.Min(GroupSize, queries.Count);
        var shortlist = new (int Index, float Similarity)[groupSize * shortlistLength];
        var coordinates = new float[groupSize * projectedDimensions];
        var thresholds = new float[groupSize];
        var bestBuffer = new (int Index, float Similarity)[count];
        for (var start = 0; start < queries.Count; start += groupSize)
        {
            var group = Math.Min(groupSize, queries.Count - start);
            Array.Fill(shortlist, (-1, float.NegativeInfinity));
            Array.Fill(thresholds, float.NegativeInfinity);
            for (var q = 0; q < group; q++)
            {
                var query = queries[start + q];
                if (query is null || query.Length != dimensions)
                {
                    continue;
                }

                if (exhaustive)
                {
                    var top = shortlist.AsSpan(q * shortlistLength, shortlistLength);
                    for (var r = 0; r < texts.Length; r++)
                    {
                        Insert(top, (r, TensorPrimitives.Dot(query, matrix.AsSpan(r * dimensions, dimensions))));
                    }
                }
                else
                {
                    for (var j = 0; j < projectedDimensions; j++)
                    {
                        coordinates[(q * projectedDimensions) + j] = TensorPrimitives.Dot(query, basis.AsSpan(j * dimensions, dimensions));
                    }
                }
            }

            if (!exhaustive)
            {
                FirstStage(queries, start, group, coordinates, shortlist, shortlistLength, thresholds);
            }

            for (var q = 0; q < group; q++)
            {
                var query = queries[start + q];
                if (query is null || query.Length != dimensions)
                {
                    results[start + q] = [];
                    continue;
                }

                var list = shortlist.AsSpan(q * shortlistLength, shortlistLength);
                var best = bestBuffer.AsSpan();
                best.Fill((-1, float.NegativeInfinity));
                foreach (var (r, similarity) in list)
                {
                    if (r >= 0)
                    {
                        // Second stage: the candidates re-scored with their full vectors (the exhaustive list already is).
                        Insert(best, (r, exhaustive ? similarity : TensorPrimitives.Dot(query, matrix.AsSpan(r * dimensions, dimensions))));
                    }
                }

                var result = new List<TaskNeighbour>(count);
                foreach (var (i, similarity) in best)
                {
                    if (i >= 0)
                    {
                        result.Add(new TaskNeighbour(texts[i], similarity, automationScores[i], exposedProbabilities[i], ratings[i] < 0 ? null : ratings[i]));
                    }
                }

                results[start + q] = result;
            }
        }

        return results;
    }

    /// <summary>
    /// Every statement scored in the subspace for a group of queries, a block of <see cref="Lanes"/> statements per
    /// vector of scores; each query keeps its best <paramref name="length"/> statements.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the hot loop: full optimisation from the first call, not tier 0
    private void FirstStage(
        IReadOnlyList<float[]> queries, int start, int group, float[] coordinates, (int Index, float Similarity)[] shortlist, int length, float[] thresholds)
    {
        var blockSize = projectedDimensions * Lanes;
        ref var blocks = ref MemoryMarshal.GetArrayDataReference(projected);
        Span<float> scores = stackalloc float[Lanes];
        var blockCount = projected.Length / blockSize;
        for (var b = 0; b < blockCount; b++)
        {
            ref var block = ref Unsafe.Add(ref blocks, b * blockSize);
            for (var q = 0; q < group; q++)
            {
                if (queries[start + q] is not { } query || query.Length != dimensions)
                {
                    continue;
                }

                var coordinate = coordinates.AsSpan(q * projectedDimensions, projectedDimensions);
                var sum0 = Vector256<float>.Zero;
                var sum1 = Vector256<float>.Zero;
                var sum2 = Vector256<float>.Zero;
                var sum3 = Vector256<float>.Zero;
                var j = 0;
                for (; j + 3 < projectedDimensions; j += 4)
                {
                    sum0 = Vector256.FusedMultiplyAdd(Vector256.Create(coordinate[j]), Vector256.LoadUnsafe(ref block, (nuint)(j * Lanes)), sum0);
                    sum1 = Vector256.FusedMultiplyAdd(Vector256.Create(coordinate[j + 1]), Vector256.LoadUnsafe(ref block, (nuint)((j + 1) * Lanes)), sum1);
                    sum2 = Vector256.FusedMultiplyAdd(Vector256.Create(coordinate[j + 2]), Vector256.LoadUnsafe(ref block, (nuint)((j + 2) * Lanes)), sum2);
                    sum3 = Vector256.FusedMultiplyAdd(Vector256.Create(coordinate[j + 3]), Vector256.LoadUnsafe(ref block, (nuint)((j + 3) * Lanes)), sum3);
                }

                for (; j < projectedDimensions; j++)
                {
                    sum0 = Vector256.FusedMultiplyAdd(Vector256.Create(coordinate[j]), Vector256.LoadUnsafe(ref block, (nuint)(j * Lanes)), sum0);
                }

                var sum = sum0 + sum1 + (sum2 + sum3);
                if (!Vector256.GreaterThanAny(sum, Vector256.Create(thresholds[q])))
                {
                    continue;
                }

                sum.CopyTo(scores);
                var top = shortlist.AsSpan(q * length, length);
                for (var lane = 0; lane < Lanes; lane++)
                {
                    var row = (b * Lanes) + lane;
                    if (row < texts.Length && scores[lane] > thresholds[q])
                    {
                        Insert(top, (row, scores[lane]));
                        thresholds[q] = top[^1].Similarity;
                    }
                }
            }
        }
    }

    /// <summary>Keeps <paramref name="top"/> sorted by similarity, descending, ties to the lower row (insertion into a short list).</summary>
    private static void Insert(Span<(int Index, float Similarity)> top, (int Index, float Similarity) candidate)
    {
        static bool Before((int Index, float Similarity) a, (int Index, float Similarity) b) =>
            a.Similarity > b.Similarity || (a.Similarity == b.Similarity && (b.Index < 0 || a.Index < b.Index));

        if (!Before(candidate, top[^1]))
        {
            return;
        }

        var position = top.Length - 1;
        while (position > 0 && Before(candidate, top[position - 1]))
        {
            top[position] = top[position - 1];
            position--;
        }

        top[position] = candidate;
    }

    /// <summary>
    /// The index as bytes: header, the subspace basis (float32) and the statements' coordinates in it (float16), per statement its
    /// text, the model's two scores and GPT-4's rating, then all vectors as one int8 block (one scale per vector: each
    /// is normalised again on load).
    /// </summary>
    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(texts.Length);
            writer.Write(dimensions);
            writer.Write(projectedDimensions);
            writer.Write(MemoryMarshal.AsBytes(basis.AsSpan()));
            var half = new Half[projected.Length];
            TensorPrimitives.ConvertToHalf(projected, half);
            writer.Write(MemoryMarshal.AsBytes(half.AsSpan()));
            foreach (var text in texts)
            {
                writer.Write(text);
            }

            writer.Write(MemoryMarshal.AsBytes(automationScores.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(exposedProbabilities.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(ratings.AsSpan()));
            var quantized = new sbyte[texts.Length * dimensions];
            for (var i = 0; i < texts.Length; i++)
            {
                Quantize(matrix.AsSpan(i * dimensions, dimensions), quantized.AsSpan(i * dimensions, dimensions));
            }

            writer.Write(MemoryMarshal.AsBytes(quantized.AsSpan()));
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
                throw new FormatException("Not a task-statement index of this version; retrain the model with `scanner train`.");
            }

            var count = reader.ReadInt32();
            var dimensions = reader.ReadInt32();
            var subspace = reader.ReadInt32();
            if (count < 0 || dimensions is < 1 or > 4096 || subspace < 0 || subspace > dimensions
                || (long)count * dimensions > bytes.Length || (long)(count + Lanes) * subspace * 2 > bytes.Length)
            {
                throw new FormatException("Task-statement index header is out of range.");
            }

            var basis = ReadArray<float>(reader, subspace * dimensions);
            var projected = new float[subspace * ((count + Lanes - 1) / Lanes * Lanes)];
            TensorPrimitives.ConvertToSingle(ReadArray<Half>(reader, projected.Length), projected);
            var texts = new string[count];
            for (var i = 0; i < count; i++)
            {
                texts[i] = reader.ReadString();
            }

            var automation = ReadArray<float>(reader, count);
            var exposed = ReadArray<float>(reader, count);
            var ratings = ReadArray<sbyte>(reader, count);
            var quantized = ReadArray<sbyte>(reader, count * dimensions);
            var matrix = new float[count * dimensions];
            for (var i = 0; i < count; i++)
            {
                Dequantize(quantized.AsSpan(i * dimensions, dimensions), matrix.AsSpan(i * dimensions, dimensions));
            }

            return new TaskStatementIndex(texts, matrix, automation, exposed, ratings, basis, projected, dimensions);
        }
        catch (EndOfStreamException e)
        {
            throw new FormatException("Task-statement index is truncated.", e);
        }
    }

    private static T[] ReadArray<T>(BinaryReader reader, int count)
        where T : unmanaged
    {
        var result = new T[count];
        var target = MemoryMarshal.AsBytes(result.AsSpan());
        if (reader.Read(target) != target.Length)
        {
            throw new EndOfStreamException();
        }

        return result;
    }

    /// <summary>int8 with one scale (max |v| / 127) per vector; the scale itself is not kept (rows are normalised on load).</summary>
    private static void Quantize(ReadOnlySpan<float> vector, Span<sbyte> quantized)
    {
        var max = vector.Length == 0 ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(vector));
        var scale = max == 0 || !float.IsFinite(max) ? 0 : max / 127f;
        for (var d = 0; d < vector.Length; d++)
        {
            quantized[d] = scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(vector[d] / scale), -127, 127);
        }
    }

    /// <summary>Back to float and to unit length (the dot product is then the cosine).</summary>
    private static void Dequantize(ReadOnlySpan<sbyte> quantized, Span<float> vector)
    {
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = quantized[d];
        }

        VectorMath.Normalize(vector);
    }

    /// <summary>
    /// An orthonormal basis (rows) of the top-<paramref name="k"/> principal subspace of the rows' second-moment matrix
    /// (uncentred, as the dot products are what is approximated): seeded subspace iteration with a fixed number of
    /// rounds, in double precision and a fixed order, so the same data gives the same basis.
    /// </summary>
    private static float[] PrincipalSubspace(float[] matrix, int rows, int dimensions, int k, int seed)
    {
        if (rows == 0 || k == 0)
        {
            return [];
        }

        var moment = new double[dimensions * dimensions];
        for (var r = 0; r < rows; r++)
        {
            var row = matrix.AsSpan(r * dimensions, dimensions);
            for (var a = 0; a < dimensions; a++)
            {
                var x = (double)row[a];
                if (x == 0)
                {
                    continue;
                }

                var target = moment.AsSpan(a * dimensions, dimensions);
                for (var b = a; b < dimensions; b++)
                {
                    target[b] += x * row[b];
                }
            }
        }

        for (var a = 0; a < dimensions; a++)
        {
            for (var b = 0; b < a; b++)
            {
                moment[(a * dimensions) + b] = moment[(b * dimensions) + a];
            }
        }

        var random = new Random(seed);
        var basis = new double[k * dimensions];
        for (var i = 0; i < basis.Length; i++)
        {
            basis[i] = random.NextDouble() - 0.5;
        }

        Orthonormalize(basis, k, dimensions);
        var next = new double[k * dimensions];
        for (var round = 0; round < 60; round++)
        {
            for (var j = 0; j < k; j++)
            {
                var v = basis.AsSpan(j * dimensions, dimensions);
                for (var a = 0; a < dimensions; a++)
                {
                    var m = moment.AsSpan(a * dimensions, dimensions);
                    var sum = 0.0;
                    for (var b = 0; b < dimensions; b++)
                    {
                        sum += m[b] * v[b];
                    }

                    next[(j * dimensions) + a] = sum;
                }
            }

            (basis, next) = (next, basis);
            Orthonormalize(basis, k, dimensions);
        }

        return basis.Select(v => (float)v).ToArray();
    }

    /// <summary>Modified Gram-Schmidt on the rows of <paramref name="vectors"/>, in order.</summary>
    private static void Orthonormalize(double[] vectors, int k, int dimensions)
    {
        for (var j = 0; j < k; j++)
        {
            var v = vectors.AsSpan(j * dimensions, dimensions);
            for (var i = 0; i < j; i++)
            {
                var u = vectors.AsSpan(i * dimensions, dimensions);
                var dot = 0.0;
                for (var d = 0; d < dimensions; d++)
                {
                    dot += u[d] * v[d];
                }

                for (var d = 0; d < dimensions; d++)
                {
                    v[d] -= dot * u[d];
                }
            }

            var norm = 0.0;
            for (var d = 0; d < dimensions; d++)
            {
                norm += v[d] * v[d];
            }

            norm = Math.Sqrt(norm);
            for (var d = 0; d < dimensions; d++)
            {
                v[d] = norm == 0 ? 0 : v[d] / norm;
            }
        }
    }

    /// <summary>Each row's coordinates in the basis, in blocks of <see cref="Lanes"/> rows (see the field comment).</summary>
    private static float[] Project(float[] matrix, int rows, int dimensions, float[] basis)
    {
        var k = dimensions == 0 ? 0 : basis.Length / dimensions;
        var padded = (rows + Lanes - 1) / Lanes * Lanes;
        var result = new float[k * padded];
        for (var r = 0; r < rows; r++)
        {
            var row = matrix.AsSpan(r * dimensions, dimensions);
            for (var j = 0; j < k; j++)
            {
                // Rounded to half precision as the file keeps them, so a built and a loaded index search alike.
                result[((r / Lanes) * k * Lanes) + (j * Lanes) + (r % Lanes)] = (float)(Half)TensorPrimitives.Dot(basis.AsSpan(j * dimensions, dimensions), row);
            }
        }

        return result;
    }
}
