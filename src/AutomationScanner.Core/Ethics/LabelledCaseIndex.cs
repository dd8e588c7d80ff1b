using System.Text;
using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// The written, labelled task descriptions of the risk evaluation set (data/risk-evaluation: tier and legal reference
/// set by hand from the AI Act and the GDPR, Minimal near-misses and business-to-business look-alikes included), as
/// MiniLM vectors with their tier and the catalogue rule of their reference, shipped in this assembly
/// (<see cref="ResourceName"/>). For a task, the <see cref="Neighbours"/> nearest cases vote, each with its similarity to
/// the power <see cref="WeightPower"/>; a vote whose tier holds at least <see cref="MinShare"/> of the weight is a
/// learned signal that may raise the tier (never lower it). A test rebuilds the file from the cases and fails when it
/// is stale (regenerate with <c>UPDATE_LABELLED_CASES=1</c>, see LabelledCaseIndexTests). Parameters were chosen by
/// leave-one-batch-out on the batches up to round 8 only (docs/ranking.md, Round 11).
/// </summary>
public sealed class LabelledCaseIndex
{
    public const string ResourceName = "AutomationScanner.Core.Ethics.labelled-cases.bin";

    /// <summary>How many nearest cases vote.</summary>
    public const int Neighbours = 10;

    /// <summary>Each vote weighs its similarity to this power, so the nearest cases count most.</summary>
    public const double WeightPower = 4;

    /// <summary>The share of the vote's weight the winning tier must hold.</summary>
    public const double MinShare = 0.8;

    private const string Magic = "LCI1";

    private static readonly Lazy<LabelledCaseIndex?> ShippedIndex = new(ReadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly float[] _vectors;

    public LabelledCaseIndex(string modelId, IReadOnlyList<LabelledCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ModelId = modelId;
        Cases = cases;
        Dimensions = cases.Count == 0 ? 0 : cases[0].Vector.Length;
        _vectors = new float[cases.Count * Dimensions];
        for (var i = 0; i < cases.Count; i++)
        {
            cases[i].Vector.CopyTo(_vectors.AsSpan(i * Dimensions, Dimensions));
        }
    }

    /// <summary>The index shipped in this assembly; null when the file is missing.</summary>
    public static LabelledCaseIndex? Shipped => ShippedIndex.Value;

    /// <summary>The embedding model the vectors come from; the index is only used with the same model.</summary>
    public string ModelId { get; }

    public int Dimensions { get; }

    public IReadOnlyList<LabelledCase> Cases { get; }

    /// <summary>
    /// The <paramref name="count"/> cases of <paramref name="tier"/> and <paramref name="ruleId"/> nearest to
    /// <paramref name="query"/>, with their similarity: the evidence of a linear prediction.
    /// </summary>
    public IReadOnlyList<(LabelledCase Case, double Similarity)> NearestOf(ReadOnlySpan<float> query, RiskTier tier, string ruleId, int count)
    {
        if (query.Length != Dimensions)
        {
            return [];
        }

        var found = new List<(LabelledCase Case, double Similarity)>();
        for (var i = 0; i < Cases.Count; i++)
        {
            if (Cases[i].Tier == tier && string.Equals(Cases[i].RuleId, ruleId, StringComparison.Ordinal))
            {
                found.Add((Cases[i], VectorMath.Cosine(query, _vectors.AsSpan(i * Dimensions, Dimensions))));
            }
        }

        return [.. found.OrderByDescending(f => f.Similarity).ThenBy(f => f.Case.Id, StringComparer.Ordinal).Take(count)];
    }

    /// <summary>The index without the cases of <paramref name="batch"/>: what a batch is measured against.</summary>
    public LabelledCaseIndex Without(string batch) =>
        new(ModelId, [.. Cases.Where(c => !string.Equals(c.Batch, batch, StringComparison.Ordinal))]);

    /// <summary>The confident vote of the nearest cases for <paramref name="query"/> (a unit vector), or null.</summary>
    public LabelledVote? Vote(ReadOnlySpan<float> query)
    {
        if (query.Length != Dimensions || Cases.Count == 0)
        {
            return null;
        }

        // The k best by similarity, kept sorted (k is small).
        var best = new (float Similarity, int Index)[Math.Min(Neighbours, Cases.Count)];
        var count = 0;
        for (var i = 0; i < Cases.Count; i++)
        {
            var s = VectorMath.Cosine(query, _vectors.AsSpan(i * Dimensions, Dimensions));
            if (count == best.Length && s <= best[count - 1].Similarity)
            {
                continue;
            }

            var at = count == best.Length ? count - 1 : count++;
            while (at > 0 && best[at - 1].Similarity < s)
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = (s, i);
        }

        var weights = new double[Enum.GetValues<RiskTier>().Length];
        foreach (var (s, i) in best.AsSpan(0, count))
        {
            weights[(int)Cases[i].Tier] += Math.Pow(Math.Max(s, 0), WeightPower);
        }

        var total = weights.Sum();
        var tier = (RiskTier)Array.IndexOf(weights, weights.Max());
        var share = total > 0 ? weights[(int)tier] / total : 0;
        if (share < MinShare)
        {
            return null;
        }

        var nearest = best.Take(count).Where(b => Cases[b.Index].Tier == tier).Select(b => (Cases[b.Index], (double)b.Similarity)).ToList();
        var rule = nearest.GroupBy(n => n.Item1.RuleId, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(n => Math.Pow(Math.Max(n.Item2, 0), WeightPower))).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        return new LabelledVote(tier, rule, share, count, nearest);
    }

    public byte[] Write()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(ModelId);
            writer.Write(Cases.Count);
            writer.Write(Dimensions);
            foreach (var c in Cases)
            {
                writer.Write(c.Id);
                writer.Write(c.Batch);
                writer.Write((byte)c.Tier);
                writer.Write(c.RuleId);
                writer.Write(c.Text);
                foreach (var f in c.Vector)
                {
                    writer.Write((Half)f);
                }
            }
        }

        return stream.ToArray();
    }

    public static LabelledCaseIndex Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("not a labelled-case index");
        }

        var model = reader.ReadString();
        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var cases = new List<LabelledCase>(count);
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            var batch = reader.ReadString();
            var tier = (RiskTier)reader.ReadByte();
            var rule = reader.ReadString();
            var text = reader.ReadString();
            var vector = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] = (float)reader.ReadHalf();
            }

            VectorMath.Normalize(vector);
            cases.Add(new LabelledCase(id, batch, tier, rule, text, vector));
        }

        return new LabelledCaseIndex(model, cases);
    }

    private static LabelledCaseIndex? ReadShipped()
    {
        using var resource = typeof(LabelledCaseIndex).Assembly.GetManifestResourceStream(ResourceName);
        if (resource is not { Length: > 0 })
        {
            return null;
        }

        var bytes = new byte[resource.Length];
        resource.ReadExactly(bytes);
        return Read(bytes);
    }
}

/// <summary>One labelled case of the index: its id and batch (file), hand-set tier, catalogue rule, text and vector.</summary>
public sealed record LabelledCase(string Id, string Batch, RiskTier Tier, string RuleId, string Text, float[] Vector);

/// <summary>A confident vote of the nearest labelled cases: the tier, its rule, the share of the weight, and the cases that voted for it with their similarity.</summary>
public sealed record LabelledVote(RiskTier Tier, string RuleId, double Share, int Voters, IReadOnlyList<(LabelledCase Case, double Similarity)> Nearest)
{
    /// <summary>Round 24: the vote is the learned linear signal's prediction (<see cref="Share"/> is its probability; <see cref="Nearest"/> the nearest cases of its rule, as evidence).</summary>
    public bool Linear { get; init; }
}
