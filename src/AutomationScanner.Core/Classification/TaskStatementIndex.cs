using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace AutomationScanner.Core.Classification;

/// <summary>An O*NET task statement near a query, with what the model and GPT-4 said about it.</summary>
public sealed record TaskNeighbour(string Text, float Similarity, double AutomationScore, double ExposedProbability, int? Automation);

/// <summary>
/// The O*NET task statements the model was trained on, by sentence embedding, so that a short activity name can be
/// read through the statements nearest to it. The statement vectors are computed at training time and shipped in the
/// model file (int8, one scale per vector), read in place: a scan never embeds a statement and loading builds nothing.
/// Search is two-stage and exact in its final order: every statement is scored in a <see cref="ProjectedDimensions"/>-
/// dimensional principal subspace of the statement vectors with 8-bit integer coordinates (one streaming pass of
/// integer dot products, <c>VPDPBUSD</c> where the processor has AVX-VNNI, AVX2 otherwise; the same integers either
/// way), and the <see cref="Candidates"/> best are re-scored with their full vectors (<see cref="NearestExact"/> compares
/// the full vectors of every statement; the recall of the two-stage search is measured by the bench,
/// <c>--only Suitability</c>). Each statement carries the model's own scores (computed when the index is built), so a
/// neighbour costs no extra prediction. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Layout in the model file (sections of <see cref="ModelFile"/>): a header of counts; the statements' UTF-8 texts and
/// their offsets; the model's automation score, P(E1) + P(E2) and GPT-4's rating per statement; the int8 vectors with
/// one inverse norm each (cosine = (query . vector) x inverse norm); the subspace basis, each row scaled by its
/// coordinate's quantisation step (so a query's projection is directly in code units); and the statements' codes
/// (code + 128, as unsigned bytes) in blocks of 8 statements, 4 coordinates of one statement per 32-bit lane, the layout
/// <c>VPDPBUSD</c> reads.
/// </remarks>
public sealed class TaskStatementIndex
{
    /// <summary>Dimensions of the principal subspace the first stage scores in (a multiple of 4).</summary>
    public const int ProjectedDimensions = 96;

    /// <summary>Statements re-scored with their full vectors per query.</summary>
    public const int Candidates = 64;

    private const int HeaderSection = 20;
    private const int OffsetSection = 21;
    private const int TextSection = 22;
    private const int AutomationSection = 23;
    private const int ExposedSection = 24;
    private const int RatingSection = 25;
    private const int VectorSection = 26;
    private const int InverseNormSection = 27;
    private const int BasisSection = 28;
    private const int CodeSection = 29;
    private const int HeaderInts = 8;

    /// <summary>Statements per block of the first stage (one <see cref="Vector256{T}"/> of 32-bit scores).</summary>
    private const int Lanes = 8;

    /// <summary>Largest magnitude of a query code: u8 x s8 pairs then stay within 16 bits on AVX2 (255 x 63 x 2 &lt; 32,768).</summary>
    private const int QueryCodeLimit = 63;

    /// <summary>The sample that sets each query's starting score to beat: every this-many-th group of four blocks.</summary>
    private const int SampleStride = 7;

    /// <summary>Fewest statements in the sample for it to be used (smaller indexes are scanned from nothing).</summary>
    private const int MinimumSampled = 512;

    /// <summary>Queries that share one pass over the first stage's codes: each block is read once per group.</summary>
    private const int GroupSize = 64;

    private readonly ModelFile file;
    private long rescans;
    private readonly string?[] texts;
    private readonly int projectedDimensions;
    private readonly long offsetsAt;
    private readonly long textAt;
    private readonly int textBytes;
    private readonly long automationAt;
    private readonly long exposedAt;
    private readonly long ratingsAt;
    private readonly long vectorsAt;
    private readonly long inverseNormsAt;
    private readonly long basisAt;
    private readonly long codesAt;
    private readonly int blocks;

    private TaskStatementIndex(ModelFile file)
    {
        this.file = file;
        var header = file.Get<int>(HeaderSection, HeaderInts);
        var count = header[0];
        Dimensions = header[1];
        projectedDimensions = header[2];
        textBytes = header[3];
        if (count < 0 || Dimensions is < 1 or > 4096 || projectedDimensions < 0 || projectedDimensions > Dimensions
            || projectedDimensions % 4 != 0 || textBytes < 0)
        {
            throw new FormatException("The task-statement index's header is out of range; retrain the model with `scanner train`.");
        }

        blocks = (count + Lanes - 1) / Lanes;
        offsetsAt = file.Locate<int>(OffsetSection, count + 1).Offset;
        textAt = file.Locate<byte>(TextSection, textBytes).Offset;
        automationAt = file.Locate<float>(AutomationSection, count).Offset;
        exposedAt = file.Locate<float>(ExposedSection, count).Offset;
        ratingsAt = file.Locate<sbyte>(RatingSection, count).Offset;
        vectorsAt = file.Locate<sbyte>(VectorSection, (long)count * Dimensions).Offset;
        inverseNormsAt = file.Locate<float>(InverseNormSection, count).Offset;
        basisAt = file.Locate<float>(BasisSection, (long)projectedDimensions * Dimensions).Offset;
        codesAt = file.Locate<byte>(CodeSection, (long)blocks * Lanes * projectedDimensions).Offset;
        var offsets = file.At<int>(offsetsAt, count + 1);
        for (var i = 0; i < count; i++)
        {
            if (offsets[i] < 0 || offsets[i] > offsets[i + 1] || offsets[i + 1] > textBytes)
            {
                throw new FormatException("The task-statement index's texts are damaged.");
            }
        }

        texts = new string?[count];
    }

    public int Count => texts.Length;

    /// <summary>Queries scanned a second time because too few statements reached the sample's score (see the first stage); for the bench.</summary>
    public long Rescans => Interlocked.Read(ref rescans);

    public int Dimensions { get; }

    /// <summary>Reads the index of a model file (in place).</summary>
    internal static TaskStatementIndex Read(ModelFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new TaskStatementIndex(file);
    }

    /// <summary>True when the model file carries a task-statement index.</summary>
    internal static bool IsIn(ModelFile file) => file.Has(HeaderSection);

    /// <summary>
    /// Builds the index over the distinct <paramref name="texts"/> (sorted, so the result depends on the data
    /// only), with their labelled automation ratings (0-4, null when unrated), the model's predictions for each and a
    /// principal subspace of <paramref name="subspace"/> dimensions (rounded up to a multiple of 4).
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
        var projected = Math.Min((Math.Max(0, subspace) + 3) / 4 * 4, dimensions / 4 * 4);

        // The vectors as the index holds them (int8 and one inverse norm each); the subspace is fitted to what search sees.
        var vectors = new sbyte[rows.Length * dimensions];
        var inverseNorms = new float[rows.Length];
        var matrix = new float[rows.Length * dimensions];
        for (var k = 0; k < rows.Length; k++)
        {
            var vector = vectors.AsSpan(k * dimensions, dimensions);
            Quantize(embeddings[rows[k]], vector);
            var sum = 0.0;
            foreach (var value in vector)
            {
                sum += value * value;
            }

            inverseNorms[k] = sum == 0 ? 0 : (float)(1 / Math.Sqrt(sum));
            for (var d = 0; d < dimensions; d++)
            {
                matrix[(k * dimensions) + d] = vector[d] * inverseNorms[k];
            }
        }

        var basis = PrincipalSubspace(matrix, rows.Length, dimensions, projected, seed);
        var (scaledBasis, codes) = Codes(matrix, rows.Length, dimensions, basis, projected);
        var textBytes = new List<byte>();
        var offsets = new int[rows.Length + 1];
        for (var k = 0; k < rows.Length; k++)
        {
            textBytes.AddRange(Encoding.UTF8.GetBytes(texts[rows[k]]));
            offsets[k + 1] = textBytes.Count;
        }

        var writer = new ModelFile.Writer()
            .Add<int>(HeaderSection, [rows.Length, dimensions, projected, textBytes.Count, 0, 0, 0, 0])
            .Add<int>(OffsetSection, offsets)
            .Add<byte>(TextSection, CollectionsMarshal.AsSpan(textBytes))
            .Add<float>(AutomationSection, rows.Select(r => (float)automationScores[r]).ToArray())
            .Add<float>(ExposedSection, rows.Select(r => (float)exposedProbabilities[r]).ToArray())
            .Add<sbyte>(RatingSection, rows.Select(r => (sbyte)(ratings[r] ?? -1)).ToArray())
            .Add<sbyte>(VectorSection, vectors)
            .Add<float>(InverseNormSection, inverseNorms)
            .Add<float>(BasisSection, scaledBasis)
            .Add<byte>(CodeSection, codes);
        return new TaskStatementIndex(ModelFile.FromBytes(writer.ToArray()));
    }

    /// <summary>Adds this index's sections to a model file being written.</summary>
    internal void WriteTo(ModelFile.Writer writer)
    {
        writer.Add(HeaderSection, file.Get<int>(HeaderSection, HeaderInts))
            .Add(OffsetSection, file.At<int>(offsetsAt, Count + 1))
            .Add(TextSection, file.At<byte>(textAt, textBytes))
            .Add(AutomationSection, file.At<float>(automationAt, Count))
            .Add(ExposedSection, file.At<float>(exposedAt, Count))
            .Add(RatingSection, file.At<sbyte>(ratingsAt, Count))
            .Add(VectorSection, file.At<sbyte>(vectorsAt, Count * Dimensions))
            .Add(InverseNormSection, file.At<float>(inverseNormsAt, Count))
            .Add(BasisSection, file.At<float>(basisAt, projectedDimensions * Dimensions))
            .Add(CodeSection, file.At<byte>(codesAt, blocks * Lanes * projectedDimensions));
        file.KeepAlive();
    }

    /// <summary>Statement <paramref name="row"/>'s text (decoded once, then kept).</summary>
    public string Text(int row)
    {
        var text = Volatile.Read(ref texts[row]);
        if (text is null)
        {
            var offsets = file.At<int>(offsetsAt, Count + 1);
            text = Encoding.UTF8.GetString(file.At<byte>(textAt + offsets[row], offsets[row + 1] - offsets[row]));
            text = Interlocked.CompareExchange(ref texts[row], text, null) ?? text;
            file.KeepAlive();
        }

        return text;
    }

    /// <summary>Statement <paramref name="row"/>'s vector as stored (int8; multiply by its inverse norm for unit length).</summary>
    internal float[] Vector(int row)
    {
        var vector = new float[Dimensions];
        var inverseNorm = file.At<float>(inverseNormsAt, Count)[row];
        var values = file.At<sbyte>(vectorsAt + ((long)row * Dimensions), Dimensions);
        for (var d = 0; d < Dimensions; d++)
        {
            vector[d] = values[d] * inverseNorm;
        }

        file.KeepAlive();
        return vector;
    }

    /// <summary>The <paramref name="count"/> statements most similar to a unit <paramref name="query"/>, best first (two-stage search).</summary>
    public IReadOnlyList<TaskNeighbour> Nearest(ReadOnlySpan<float> query, int count) => Nearest(query, count, Candidates);

    /// <summary>As <see cref="Nearest(ReadOnlySpan{float}, int)"/>, compared with every statement: the reference for the two-stage search's recall.</summary>
    public IReadOnlyList<TaskNeighbour> NearestExact(ReadOnlySpan<float> query, int count) => Nearest(query, count, int.MaxValue);

    /// <summary>As <see cref="Nearest(ReadOnlySpan{float}, int)"/> with <paramref name="candidates"/> statements re-scored (at least <paramref name="count"/>).</summary>
    public IReadOnlyList<TaskNeighbour> Nearest(ReadOnlySpan<float> query, int count, int candidates)
    {
        if (count <= 0 || Count == 0 || query.Length != Dimensions)
        {
            return [];
        }

        return Search([query.ToArray()], count, Math.Max(count, candidates))[0];
    }

    /// <summary>
    /// <see cref="Nearest(ReadOnlySpan{float}, int)"/> for many queries at once: the first stage reads each block of
    /// codes once for a group of queries, so memory traffic is shared. Row i of the result is query i.
    /// </summary>
    public IReadOnlyList<TaskNeighbour>[] Nearest(IReadOnlyList<float[]> queries, int count)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return Search(queries, count, Math.Max(count, Candidates));
    }

    /// <summary>As <see cref="Nearest(IReadOnlyList{float[]}, int)"/> with <paramref name="candidates"/> statements re-scored per query.</summary>
    public IReadOnlyList<TaskNeighbour>[] Nearest(IReadOnlyList<float[]> queries, int count, int candidates)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return Search(queries, count, Math.Max(count, candidates));
    }

    /// <summary>
    /// As <see cref="Nearest(IReadOnlyList{float[]}, int, int)"/>, with the first stage's sample switched off when
    /// <paramref name="sampled"/> is false (every query then starts from nothing): the reference the sampled first stage
    /// must equal, bit for bit (tests and bench).
    /// </summary>
    internal IReadOnlyList<TaskNeighbour>[] Nearest(IReadOnlyList<float[]> queries, int count, int candidates, bool sampled)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return Search(queries, count, Math.Max(count, candidates), sampled);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private IReadOnlyList<TaskNeighbour>[] Search(IReadOnlyList<float[]> queries, int count, int candidates, bool sampled = true)
    {
        var results = new IReadOnlyList<TaskNeighbour>[queries.Count];
        count = Math.Min(Math.Min(count, 64), Count);
        if (count <= 0)
        {
            Array.Fill(results, []);
            return results;
        }

        var exhaustive = candidates >= Count || projectedDimensions == 0;
        var shortlistLength = exhaustive ? count : Math.Min(candidates, 1_024);
        var groupSize = Math.Min(GroupSize, queries.Count);
        var groups = projectedDimensions / 4;
        var shortlistRows = new int[groupSize * shortlistLength];
        var packed = new int[groupSize * groups];
        var active = new bool[groupSize];
        var projection = new float[projectedDimensions];
        var best = new (int Index, float Similarity)[count];
        for (var start = 0; start < queries.Count; start += groupSize)
        {
            var group = Math.Min(groupSize, queries.Count - start);
            for (var q = 0; q < group; q++)
            {
                active[q] = queries[start + q] is { } query && query.Length == Dimensions;
                if (active[q] && !exhaustive)
                {
                    Encode(queries[start + q], projection, packed.AsSpan(q * groups, groups));
                }
            }

            if (!exhaustive)
            {
                shortlistRows.AsSpan().Fill(-1);
                FirstStage(group, active, packed, groups, shortlistRows, shortlistLength, sampled);
            }

            for (var q = 0; q < group; q++)
            {
                if (!active[q])
                {
                    results[start + q] = [];
                    continue;
                }

                var query = queries[start + q];
                var top = best.AsSpan();
                top.Fill((-1, float.NegativeInfinity));
                if (exhaustive)
                {
                    for (var r = 0; r < Count; r++)
                    {
                        Insert(top, (r, Similarity(query, r)));
                    }
                }
                else
                {
                    // Second stage: the candidates re-scored with their full vectors, fetched from memory all at once
                    // (they are scattered over the 5.5 MB of vectors: waiting for them one by one costs more than the arithmetic).
                    var candidateRows = shortlistRows.AsSpan(q * shortlistLength, shortlistLength);
                    Prefetch(candidateRows);
                    foreach (var r in candidateRows)
                    {
                        if (r >= 0)
                        {
                            Insert(top, (r, Similarity(query, r)));
                        }
                    }
                }

                var result = new TaskNeighbour[top.Length];
                var found = 0;
                var automation = file.At<float>(automationAt, Count);
                var exposed = file.At<float>(exposedAt, Count);
                var ratings = file.At<sbyte>(ratingsAt, Count);
                foreach (var (i, similarity) in top)
                {
                    if (i >= 0)
                    {
                        result[found++] = new TaskNeighbour(Text(i), similarity, automation[i], exposed[i], ratings[i] < 0 ? null : ratings[i]);
                    }
                }

                results[start + q] = found == result.Length ? result : result[..found];
            }
        }

        file.KeepAlive();
        return results;
    }

    /// <summary>Asks the processor to bring the vectors of <paramref name="rows"/> into its cache (a hint; no effect without SSE).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void Prefetch(ReadOnlySpan<int> rows)
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        var vectors = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(file.At<sbyte>(vectorsAt, Count * Dimensions)));
        foreach (var row in rows)
        {
            if (row < 0)
            {
                continue;
            }

            var start = vectors + ((long)row * Dimensions);
            for (var offset = 0; offset < Dimensions; offset += 64)
            {
                Sse.Prefetch0(start + offset);
            }
        }

        file.KeepAlive();
    }

    /// <summary>Cosine of a unit query and statement <paramref name="row"/>: the dot product with its int8 vector times its inverse norm.</summary>
    private float Similarity(float[] query, int row) =>
        DotInt8(query, file.At<sbyte>(vectorsAt + ((long)row * Dimensions), Dimensions)) * file.At<float>(inverseNormsAt + ((long)row * sizeof(float)), 1)[0];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe float DotInt8(ReadOnlySpan<float> query, ReadOnlySpan<sbyte> vector)
    {
        var d = 0;
        var sum = 0f;
        if (Avx2.IsSupported && query.Length >= 32)
        {
            // Sign-extend 8 bytes to 8 ints straight from memory (VPMOVSXBD), convert, multiply-add.
            var sum0 = Vector256<float>.Zero;
            var sum1 = Vector256<float>.Zero;
            var sum2 = Vector256<float>.Zero;
            var sum3 = Vector256<float>.Zero;
            fixed (float* q = query)
            fixed (sbyte* v = vector)
            {
                for (; d + 32 <= query.Length; d += 32)
                {
                    sum0 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(v + d)), Avx.LoadVector256(q + d), sum0);
                    sum1 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(v + d + 8)), Avx.LoadVector256(q + d + 8), sum1);
                    sum2 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(v + d + 16)), Avx.LoadVector256(q + d + 16), sum2);
                    sum3 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(v + d + 24)), Avx.LoadVector256(q + d + 24), sum3);
                }
            }

            sum = Vector256.Sum((sum0 + sum1) + (sum2 + sum3));
        }

        for (; d < query.Length; d++)
        {
            sum += query[d] * vector[d];
        }

        return sum;
    }

    /// <summary>The query's coordinates in the subspace, in code units, rounded to signed integers of at most <see cref="QueryCodeLimit"/> and packed 4 to an int.</summary>
    private void Encode(float[] query, float[] projection, Span<int> packed)
    {
        var basis = file.At<float>(basisAt, projectedDimensions * Dimensions);
        for (var j = 0; j < projectedDimensions; j++)
        {
            projection[j] = TensorPrimitives.Dot(basis.Slice(j * Dimensions, Dimensions), query);
        }

        var max = TensorPrimitives.MaxMagnitude(projection);
        var scale = max == 0 || !float.IsFinite(max) ? 0 : QueryCodeLimit / Math.Abs(max);
        Span<sbyte> codes = stackalloc sbyte[4];
        for (var g = 0; g < packed.Length; g++)
        {
            for (var i = 0; i < 4; i++)
            {
                codes[i] = (sbyte)Math.Clamp(MathF.Round(projection[(g * 4) + i] * scale), -QueryCodeLimit, QueryCodeLimit);
            }

            packed[g] = MemoryMarshal.Read<int>(MemoryMarshal.AsBytes(codes));
        }
    }

    /// <summary>
    /// Every statement scored in the subspace for a group of queries, a block of <see cref="Lanes"/> statements per
    /// vector of 32-bit integer scores; each query keeps its best <paramref name="length"/> statements (ties: lower row).
    /// Four blocks are scored together, each with two accumulators, so eight independent chains of multiply-adds hide
    /// the instruction's latency; a pass that beats no kept score is dismissed with one comparison.
    /// </summary>
    /// <remarks>
    /// The score to beat starts high: a sample of the statements (every <see cref="SampleStride"/>-th group of four
    /// blocks, about 2,000 of the 14,361 shipped) is scored first and each query starts from its r-th best sample
    /// score, r chosen so that about 2.6 times <paramref name="length"/> statements of the whole set reach it (r = 24
    /// for 64 kept: about 170). Far fewer statements then enter the candidate buffer than when the score to beat starts
    /// from nothing (580 a query and 8 quickselects of 128 with 64 kept), which cost about a third of the first stage.
    /// The result is the same, bit for bit: when at least <paramref name="length"/> statements reach the starting score,
    /// every statement below it would have lost to them anyway; when fewer do (0.3 % of name-like queries), that query
    /// is scanned again from nothing.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the hot loop: full optimisation from the first call, not tier 0
    private void FirstStage(int group, bool[] active, int[] packed, int groups, int[] rows, int length, bool sampled)
    {
        // The buffers come from the shared pools (each group of queries would otherwise allocate ~90 KB), filled or
        // cleared before use; an exception leaves them to the collector.
        var capacity = 2 * length;
        var thresholds = ArrayPool<int>.Shared.Rent(group);
        var keys = ArrayPool<long>.Shared.Rent(group * capacity);
        var sizes = ArrayPool<int>.Shared.Rent(group);
        Array.Fill(thresholds, int.MinValue);
        Array.Clear(sizes);
        // About SampleStride x sampleRank statements reach the sample's sampleRank-th best score: 2.6 times length.
        var sampleRank = Math.Max(4, ((length * 26) + (10 * SampleStride) - 1) / (10 * SampleStride));
        var sampleSize = (blocks + (4 * SampleStride) - 1) / (4 * SampleStride) * 4 * Lanes;
        var primed = sampled && Count >= MinimumSampled * SampleStride && sampleSize >= 8 * sampleRank;
        if (primed)
        {
            // The sample's sampleRank-th best score per query, from its own small buffer; the scan below then keeps
            // everything that reaches it.
            var sampleCapacity = 2 * sampleRank;
            var sampleThresholds = ArrayPool<int>.Shared.Rent(group);
            var sampleKeys = ArrayPool<long>.Shared.Rent(group * sampleCapacity);
            var sampleSizes = ArrayPool<int>.Shared.Rent(group);
            Array.Fill(sampleThresholds, int.MinValue);
            Array.Clear(sampleSizes);
            Scan(0, 4 * SampleStride, group, active, packed, groups, sampleThresholds, sampleKeys, sampleSizes, sampleRank);
            for (var q = 0; q < group; q++)
            {
                if (active[q] && sampleSizes[q] >= sampleRank)
                {
                    var sample = sampleKeys.AsSpan(q * sampleCapacity, sampleSizes[q]);
                    SelectLargest(sample, sampleRank);
                    thresholds[q] = (int)(sample[sampleRank - 1] >> 32) - 1;
                }
            }

            ArrayPool<int>.Shared.Return(sampleThresholds);
            ArrayPool<long>.Shared.Return(sampleKeys);
            ArrayPool<int>.Shared.Return(sampleSizes);
        }

        Scan(0, 4, group, active, packed, groups, thresholds, keys, sizes, length);
        if (primed)
        {
            // A query with fewer than `length` statements at or above its starting score: scanned again from nothing.
            var again = ArrayPool<bool>.Shared.Rent(group);
            Array.Clear(again);
            for (var q = 0; q < group; q++)
            {
                if (active[q] && sizes[q] < length && thresholds[q] != int.MinValue)
                {
                    again[q] = true;
                    thresholds[q] = int.MinValue;
                    sizes[q] = 0;
                    Interlocked.Increment(ref rescans);
                }
            }

            if (Array.IndexOf(again, true) >= 0)
            {
                Scan(0, 4, group, again, packed, groups, thresholds, keys, sizes, length);
            }

            ArrayPool<bool>.Shared.Return(again);
        }

        for (var q = 0; q < group; q++)
        {
            var buffer = keys.AsSpan(q * capacity, sizes[q]);
            if (buffer.Length > length)
            {
                SelectLargest(buffer, length);
                buffer = buffer[..length];
            }

            var shortlist = rows.AsSpan(q * length, length);
            for (var i = 0; i < buffer.Length; i++)
            {
                shortlist[i] = int.MaxValue - (int)(uint)buffer[i];
            }
        }

        ArrayPool<int>.Shared.Return(thresholds);
        ArrayPool<long>.Shared.Return(keys);
        ArrayPool<int>.Shared.Return(sizes);
        file.KeepAlive();
    }

    /// <summary>
    /// Scores the groups of four blocks from <paramref name="firstBlock"/> in steps of <paramref name="step"/> blocks for
    /// the active queries, and keeps in each query's buffer (twice <paramref name="length"/> long) the statements that
    /// beat its score to beat; when a buffer fills, its best <paramref name="length"/> are kept and the score to beat
    /// rises to the worst of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan(int firstBlock, int step, int group, bool[] active, int[] packed, int groups, int[] thresholds, long[] keys, int[] sizes, int length)
    {
        var codes = file.At<byte>(codesAt, blocks * Lanes * projectedDimensions);
        ref var block0 = ref MemoryMarshal.GetReference(codes);
        var blockBytes = groups * 32;
        var capacity = 2 * length;
        Span<int> lanes = stackalloc int[Lanes * 4];
        var vectorized = Avx2.IsSupported;
        for (var b = firstBlock; b < blocks; b += step)
        {
            var span = Math.Min(4, blocks - b);
            ref var first = ref Unsafe.Add(ref block0, b * blockBytes);
            for (var q = 0; q < group; q++)
            {
                if (!active[q])
                {
                    continue;
                }

                ref var query = ref packed[q * groups];
                uint mask;
                if (vectorized && span == 4)
                {
                    ref var second = ref Unsafe.Add(ref first, blockBytes);
                    ref var third = ref Unsafe.Add(ref first, 2 * blockBytes);
                    ref var fourth = ref Unsafe.Add(ref first, 3 * blockBytes);
                    Vector256<int> a0 = default, a1 = default, b0 = default, b1 = default, c0 = default, c1 = default, d0 = default, d1 = default;
                    var g = 0;
                    for (; g + 1 < groups; g += 2)
                    {
                        var even = Vector256.Create(Unsafe.Add(ref query, g)).AsSByte();
                        var odd = Vector256.Create(Unsafe.Add(ref query, g + 1)).AsSByte();
                        var at = (nuint)(g * 32);
                        a0 = Dot(a0, Vector256.LoadUnsafe(ref first, at), even);
                        b0 = Dot(b0, Vector256.LoadUnsafe(ref second, at), even);
                        c0 = Dot(c0, Vector256.LoadUnsafe(ref third, at), even);
                        d0 = Dot(d0, Vector256.LoadUnsafe(ref fourth, at), even);
                        a1 = Dot(a1, Vector256.LoadUnsafe(ref first, at + 32), odd);
                        b1 = Dot(b1, Vector256.LoadUnsafe(ref second, at + 32), odd);
                        c1 = Dot(c1, Vector256.LoadUnsafe(ref third, at + 32), odd);
                        d1 = Dot(d1, Vector256.LoadUnsafe(ref fourth, at + 32), odd);
                    }

                    if (g < groups)
                    {
                        var last = Vector256.Create(Unsafe.Add(ref query, g)).AsSByte();
                        var at = (nuint)(g * 32);
                        a0 = Dot(a0, Vector256.LoadUnsafe(ref first, at), last);
                        b0 = Dot(b0, Vector256.LoadUnsafe(ref second, at), last);
                        c0 = Dot(c0, Vector256.LoadUnsafe(ref third, at), last);
                        d0 = Dot(d0, Vector256.LoadUnsafe(ref fourth, at), last);
                    }

                    var sumA = a0 + a1;
                    var sumB = b0 + b1;
                    var sumC = c0 + c1;
                    var sumD = d0 + d1;
                    var threshold = Vector256.Create(thresholds[q]);

                    // One bit per statement that beats the score to beat: only those are looked at.
                    mask = Vector256.GreaterThan(sumA, threshold).ExtractMostSignificantBits()
                        | (Vector256.GreaterThan(sumB, threshold).ExtractMostSignificantBits() << Lanes)
                        | (Vector256.GreaterThan(sumC, threshold).ExtractMostSignificantBits() << (2 * Lanes))
                        | (Vector256.GreaterThan(sumD, threshold).ExtractMostSignificantBits() << (3 * Lanes));
                    if (mask == 0)
                    {
                        continue;
                    }

                    sumA.CopyTo(lanes);
                    sumB.CopyTo(lanes[Lanes..]);
                    sumC.CopyTo(lanes[(2 * Lanes)..]);
                    sumD.CopyTo(lanes[(3 * Lanes)..]);
                }
                else
                {
                    for (var k = 0; k < span; k++)
                    {
                        ScalarBlock(ref Unsafe.Add(ref first, k * blockBytes), packed.AsSpan(q * groups, groups), lanes.Slice(k * Lanes, Lanes));
                    }

                    mask = span == 4 ? uint.MaxValue : (1u << (span * Lanes)) - 1;
                }

                // Candidates go to a buffer of twice the shortlist; when it is full, the shortlist's worth of the best
                // is kept and the score to beat rises to the worst of them.
                var buffer = keys.AsSpan(q * capacity, capacity);
                while (mask != 0)
                {
                    var lane = BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    var row = (b * Lanes) + lane;
                    if (row < Count && lanes[lane] > thresholds[q])
                    {
                        buffer[sizes[q]++] = Key(lanes[lane], row);
                        if (sizes[q] == capacity)
                        {
                            SelectLargest(buffer, length);
                            sizes[q] = length;
                            thresholds[q] = (int)(buffer[length - 1] >> 32);
                        }
                    }
                }
            }
        }

        file.KeepAlive();
    }

    /// <summary>A statement's score and row as one number: larger is better, and of equal scores the lower row is better.</summary>
    private static long Key(int score, int row) => ((long)score << 32) | (uint)(int.MaxValue - row);

    /// <summary>Rearranges <paramref name="items"/> so that its first <paramref name="k"/> are its largest, the k-th largest last of them (quickselect).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SelectLargest(Span<long> items, int k)
    {
        int left = 0, right = items.Length - 1, target = k - 1;
        while (right > left)
        {
            var middle = left + ((right - left) / 2);
            if (items[middle] > items[left])
            {
                (items[middle], items[left]) = (items[left], items[middle]);
            }

            if (items[right] > items[left])
            {
                (items[right], items[left]) = (items[left], items[right]);
            }

            if (items[right] > items[middle])
            {
                (items[right], items[middle]) = (items[middle], items[right]);
            }

            var pivot = items[middle];
            int i = left, j = right;
            while (i <= j)
            {
                while (items[i] > pivot)
                {
                    i++;
                }

                while (items[j] < pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (items[i], items[j]) = (items[j], items[i]);
                    i++;
                    j--;
                }
            }

            if (target <= j)
            {
                right = j;
            }
            else if (target >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }
    }

    /// <summary>
    /// Adds to each 32-bit lane the dot product of its 4 unsigned codes with the query's 4 signed codes: one
    /// <c>VPDPBUSD</c> with AVX-VNNI; with AVX2, pairs to 16 bits (no saturation: |query code| &lt;= 63) then to 32 bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Dot(Vector256<int> sum, Vector256<byte> codes, Vector256<sbyte> query) =>
        AvxVnni.IsSupported
            ? AvxVnni.MultiplyWideningAndAdd(sum, codes, query)
            : Avx2.Add(sum, Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(codes, query), Vector256.Create((short)1)));

    /// <summary>The same integer scores as the vector paths, one lane at a time (processors without AVX2).</summary>
    private static void ScalarBlock(ref byte block, ReadOnlySpan<int> query, Span<int> lanes)
    {
        lanes.Clear();
        Span<sbyte> codes = stackalloc sbyte[4];
        for (var g = 0; g < query.Length; g++)
        {
            MemoryMarshal.Write(MemoryMarshal.AsBytes(codes), query[g]);
            for (var lane = 0; lane < Lanes; lane++)
            {
                for (var i = 0; i < 4; i++)
                {
                    lanes[lane] += Unsafe.Add(ref block, (g * 32) + (lane * 4) + i) * codes[i];
                }
            }
        }
    }

    /// <summary>Keeps <paramref name="top"/> sorted by similarity, descending, ties to the lower row (insertion into a short list).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>int8 with one scale (max |v| / 127) per vector; the scale itself is not kept (the inverse norm is).</summary>
    private static void Quantize(ReadOnlySpan<float> vector, Span<sbyte> quantized)
    {
        var max = vector.Length == 0 ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(vector));
        var scale = max == 0 || !float.IsFinite(max) ? 0 : max / 127f;
        for (var d = 0; d < vector.Length; d++)
        {
            quantized[d] = scale == 0 ? (sbyte)0 : (sbyte)Math.Clamp(MathF.Round(vector[d] / scale), -127, 127);
        }
    }

    /// <summary>
    /// The statements' coordinates in the basis as 8-bit codes, one quantisation step per coordinate (its largest
    /// magnitude / 127), stored as code + 128 in the blocked layout; and the basis rows scaled by their step, so that a
    /// query projected on them is in code units.
    /// </summary>
    private static (float[] ScaledBasis, byte[] Codes) Codes(float[] matrix, int rows, int dimensions, float[] basis, int projected)
    {
        var coordinates = new float[rows * projected];
        var steps = new float[projected];
        for (var r = 0; r < rows; r++)
        {
            var row = matrix.AsSpan(r * dimensions, dimensions);
            for (var j = 0; j < projected; j++)
            {
                var value = TensorPrimitives.Dot(basis.AsSpan(j * dimensions, dimensions), row);
                coordinates[(r * projected) + j] = value;
                steps[j] = Math.Max(steps[j], Math.Abs(value));
            }
        }

        for (var j = 0; j < projected; j++)
        {
            steps[j] /= 127f;
        }

        var blocks = (rows + Lanes - 1) / Lanes;
        var codes = new byte[blocks * Lanes * projected];
        codes.AsSpan().Fill(128);
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < projected; j++)
            {
                var code = steps[j] == 0 ? 0 : (int)Math.Clamp(MathF.Round(coordinates[(r * projected) + j] / steps[j]), -127, 127);
                codes[((r / Lanes) * Lanes * projected) + ((j / 4) * 32) + ((r % Lanes) * 4) + (j % 4)] = (byte)(code + 128);
            }
        }

        var scaled = new float[basis.Length];
        for (var j = 0; j < projected; j++)
        {
            TensorPrimitives.Multiply(basis.AsSpan(j * dimensions, dimensions), steps[j], scaled.AsSpan(j * dimensions, dimensions));
        }

        return (scaled, codes);
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
}
