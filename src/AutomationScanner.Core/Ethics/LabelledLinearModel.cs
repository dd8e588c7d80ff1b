using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Round 24: a learned linear signal over meaning. A multinomial logistic regression (L2-regularised, one class per
/// tier and catalogue rule of the labelled cases, "Minimal" with no rule included) trained on the labelled cases of
/// data/risk-evaluation, each read as <see cref="RiskScreen.LinearQuery"/> reads a task: the MiniLM vector of its name in the vote's spelling (<see cref="LabelledSpelling"/>; round 25),
/// averaged with that of its process's description where it has one. Where the nearest-neighbour vote reads the cases whose words are nearest, this reads the
/// directions in the vectors that separate the rules over all cases, so a practice described in a setting no case
/// shares can still be recognised. Its prediction counts only with a probability of at least <see cref="MinProbability"/>
/// and is read like the vote: through the rules' checks, raise only, never above its own tier. The weights of the
/// shipped index ship in this assembly (<see cref="ResourceName"/>), rebuilt by a test that fails when they are stale
/// (regenerate with <c>UPDATE_LABELLED_LINEAR=1</c>, see LabelledLinearModelTests); the evaluation trains one without
/// each batch it measures, so a measured batch never trains the signal that rates it.
/// Parameters chosen leave-one-batch-out over fresh-r14..fresh-r23 (docs/ranking.md, Round 24).
/// </summary>
public sealed class LabelledLinearModel
{
    public const string ResourceName = "AutomationScanner.Core.Ethics.labelled-linear.bin";

    /// <summary>The probability (of the predicted tier, summed over its rules) a prediction needs to count.</summary>
    public const double MinProbability = 0.97;

    /// <summary>The L2 penalty on the (standardised) weights.</summary>
    public const double L2 = 1e-3;

    /// <summary>Full-batch Adam steps and step size.</summary>
    public const int Steps = 400;

    public const double StepSize = 0.05;

    private const string Magic = "LLM1";

    private readonly float[] _mean;
    private readonly float[] _scale;
    private readonly float[] _weights; // Labels.Count rows of Dimensions + 1 (bias last)

    private LabelledLinearModel(string fingerprint, IReadOnlyList<(RiskTier Tier, string RuleId)> labels, float[] mean, float[] scale, float[] weights)
    {
        Fingerprint = fingerprint;
        Labels = labels;
        _mean = mean;
        _scale = scale;
        _weights = weights;
    }

    /// <summary>Identifies the cases the model was trained on (ids, tiers, rules; see <see cref="FingerprintOf"/>).</summary>
    public string Fingerprint { get; }

    public IReadOnlyList<(RiskTier Tier, string RuleId)> Labels { get; }

    public int Dimensions => _mean.Length;

    internal ReadOnlySpan<float> Weights => _weights;

    /// <summary>The cases' identity: a model trained on other cases is not used with an index.</summary>
    public static string FingerprintOf(IReadOnlyList<LabelledCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var text = new StringBuilder();
        foreach (var c in cases)
        {
            text.Append(c.Id).Append('\t').Append((int)c.Tier).Append('\t').Append(c.RuleId).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Trains the model on <paramref name="cases"/> (deterministic: fixed order, full batch, no randomness).</summary>
    public static LabelledLinearModel Train(IReadOnlyList<LabelledCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var labels = cases.Select(c => (c.Tier, c.RuleId)).Distinct().OrderBy(l => (int)l.Tier).ThenBy(l => l.RuleId, StringComparer.Ordinal).ToList();
        var d = cases.Count == 0 ? 0 : cases[0].Vector.Length;
        var n = cases.Count;
        var mean = new float[d];
        var scale = new float[d];
        foreach (var c in cases)
        {
            TensorPrimitives.Add(mean, c.Vector, mean);
        }

        TensorPrimitives.Divide(mean, Math.Max(n, 1), mean);
        var z = new float[n][];
        var sq = new double[d];
        for (var i = 0; i < n; i++)
        {
            z[i] = new float[d];
            TensorPrimitives.Subtract(cases[i].Vector, mean, z[i]);
            for (var k = 0; k < d; k++)
            {
                sq[k] += (double)z[i][k] * z[i][k];
            }
        }

        for (var k = 0; k < d; k++)
        {
            scale[k] = (float)(1 / (Math.Sqrt(sq[k] / Math.Max(n, 1)) + 1e-8));
        }

        foreach (var row in z)
        {
            TensorPrimitives.Multiply(row, scale, row);
        }

        var index = labels.Select((l, j) => (l, j)).ToDictionary(p => p.l, p => p.j);
        var y = cases.Select(c => index[(c.Tier, c.RuleId)]).ToArray();
        var classes = labels.Count;
        var width = d + 1;
        var w = new double[classes * width];
        var m = new double[w.Length];
        var v = new double[w.Length];
        var g = new float[classes * width];
        var wf = new float[w.Length];
        var p = new double[classes];
        const double beta1 = 0.9, beta2 = 0.999;
        for (var step = 1; step <= Steps; step++)
        {
            Array.Clear(g);
            for (var c = 0; c < w.Length; c++)
            {
                wf[c] = (float)w[c];
            }

            for (var i = 0; i < n; i++)
            {
                Probabilities(wf, z[i], p, classes, d);
                for (var c = 0; c < classes; c++)
                {
                    var e = (float)(p[c] - (c == y[i] ? 1 : 0));
                    var row = g.AsSpan(c * width, d);
                    TensorPrimitives.MultiplyAdd(z[i], e, row, row);
                    g[(c * width) + d] += e;
                }
            }

            var b1 = 1 - Math.Pow(beta1, step);
            var b2 = 1 - Math.Pow(beta2, step);
            for (var c = 0; c < w.Length; c++)
            {
                var gradient = (g[c] / (double)n) + ((c % width) < d ? L2 * w[c] : 0);
                m[c] = (beta1 * m[c]) + ((1 - beta1) * gradient);
                v[c] = (beta2 * v[c]) + ((1 - beta2) * gradient * gradient);
                w[c] -= StepSize * (m[c] / b1) / (Math.Sqrt(v[c] / b2) + 1e-8);
            }
        }

        return new LabelledLinearModel(FingerprintOf(cases), labels, mean, scale, [.. w.Select(x => (float)x)]);
    }

    /// <summary>The predicted tier (its probability summed over its rules) and its most probable rule, or null below <paramref name="minProbability"/>.</summary>
    public LinearPrediction? Predict(ReadOnlySpan<float> query, double minProbability = MinProbability)
    {
        if (query.Length != Dimensions || Labels.Count == 0)
        {
            return null;
        }

        var z = new float[Dimensions];
        TensorPrimitives.Subtract(query, _mean, z);
        TensorPrimitives.Multiply(z, _scale, z);
        var p = new double[Labels.Count];
        Probabilities(_weights, z, p, Labels.Count, Dimensions);
        var tiers = new double[Enum.GetValues<RiskTier>().Length];
        for (var c = 0; c < p.Length; c++)
        {
            tiers[(int)Labels[c].Tier] += p[c];
        }

        var tier = (RiskTier)Array.IndexOf(tiers, tiers.Max());
        if (tiers[(int)tier] < minProbability)
        {
            return null;
        }

        var best = Enumerable.Range(0, p.Length).Where(c => Labels[c].Tier == tier).MaxBy(c => p[c]);
        return new LinearPrediction(tier, Labels[best].RuleId, tiers[(int)tier]);
    }

    private static void Probabilities(ReadOnlySpan<float> weights, ReadOnlySpan<float> z, double[] p, int classes, int d)
    {
        var width = d + 1;
        var max = double.MinValue;
        for (var c = 0; c < classes; c++)
        {
            var a = (double)TensorPrimitives.Dot(weights.Slice(c * width, d), z) + weights[(c * width) + d];
            p[c] = a;
            max = Math.Max(max, a);
        }

        var sum = 0.0;
        for (var c = 0; c < classes; c++)
        {
            p[c] = Math.Exp(p[c] - max);
            sum += p[c];
        }

        for (var c = 0; c < classes; c++)
        {
            p[c] /= sum;
        }
    }

    public byte[] Write()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Fingerprint);
            writer.Write(Labels.Count);
            writer.Write(Dimensions);
            foreach (var (tier, rule) in Labels)
            {
                writer.Write((byte)tier);
                writer.Write(rule);
            }

            foreach (var f in _mean.Concat(_scale).Concat(_weights))
            {
                writer.Write(f);
            }
        }

        return stream.ToArray();
    }

    public static LabelledLinearModel Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("not a labelled linear model");
        }

        var fingerprint = reader.ReadString();
        var classes = reader.ReadInt32();
        var d = reader.ReadInt32();
        var labels = new List<(RiskTier, string)>(classes);
        for (var c = 0; c < classes; c++)
        {
            labels.Add(((RiskTier)reader.ReadByte(), reader.ReadString()));
        }

        float[] ReadFloats(int count)
        {
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = reader.ReadSingle();
            }

            return values;
        }

        var mean = ReadFloats(d);
        var scale = ReadFloats(d);
        return new LabelledLinearModel(fingerprint, labels, mean, scale, ReadFloats(classes * (d + 1)));
    }

    private static readonly Lazy<LabelledLinearModel?> ShippedModel = new(ReadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The model shipped in this assembly (trained on all labelled cases); null when the file is missing.</summary>
    public static LabelledLinearModel? Shipped => ShippedModel.Value;

    private static LabelledLinearModel? ReadShipped()
    {
        using var resource = typeof(LabelledLinearModel).Assembly.GetManifestResourceStream(ResourceName);
        if (resource is not { Length: > 0 })
        {
            return null;
        }

        var bytes = new byte[resource.Length];
        resource.ReadExactly(bytes);
        return Read(bytes);
    }
}

/// <summary>A prediction of the learned linear signal: the tier, its most probable rule, and the tier's probability.</summary>
public sealed record LinearPrediction(RiskTier Tier, string RuleId, double Probability);
