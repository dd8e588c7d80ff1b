namespace AutomationScanner.Core.Classification;

/// <summary>One scored example: the true class and the model's class probabilities (in <see cref="ExposureClass"/> order).</summary>
public readonly record struct ScoredExample(ExposureClass Actual, IReadOnlyList<float> Probabilities)
{
    public ExposureClass Predicted
    {
        get
        {
            var best = 0;
            for (var i = 1; i < Probabilities.Count; i++)
            {
                if (Probabilities[i] > Probabilities[best])
                {
                    best = i;
                }
            }

            return (ExposureClass)best;
        }
    }

    /// <summary>Probability of any exposure (E1 + E2): the score ranked for the binary AUC.</summary>
    public double ExposedProbability => 1.0 - Probabilities[(int)ExposureClass.NoExposure];
}

/// <summary>
/// Agreement of a model with human labels: accuracy, macro-F1, the E0/E1/E2 confusion matrix, and ROC AUC for
/// E0 against E1+E2 ranked by P(E1) + P(E2).
/// </summary>
public sealed record SuitabilityEvaluation
{
    public required int Count { get; init; }

    public required double Accuracy { get; init; }

    public required double MacroF1 { get; init; }

    /// <summary>Rows are the true class, columns the predicted class, both in <see cref="ExposureClass"/> order.</summary>
    public required int[][] ConfusionMatrix { get; init; }

    public required IReadOnlyList<double> Precision { get; init; }

    public required IReadOnlyList<double> Recall { get; init; }

    public required IReadOnlyList<double> F1 { get; init; }

    /// <summary>ROC AUC of exposed (E1 or E2) against E0; NaN when one side has no example.</summary>
    public required double BinaryAuc { get; init; }

    public static SuitabilityEvaluation Compute(IReadOnlyCollection<ScoredExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var classes = ExposureClassLabels.Count;
        var matrix = new int[classes][];
        for (var i = 0; i < classes; i++)
        {
            matrix[i] = new int[classes];
        }

        foreach (var example in examples)
        {
            matrix[(int)example.Actual][(int)example.Predicted]++;
        }

        var correct = 0;
        var precision = new double[classes];
        var recall = new double[classes];
        var f1 = new double[classes];
        for (var c = 0; c < classes; c++)
        {
            correct += matrix[c][c];
            var predicted = 0;
            var actual = 0;
            for (var o = 0; o < classes; o++)
            {
                predicted += matrix[o][c];
                actual += matrix[c][o];
            }

            precision[c] = predicted == 0 ? 0 : (double)matrix[c][c] / predicted;
            recall[c] = actual == 0 ? 0 : (double)matrix[c][c] / actual;
            f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
        }

        return new SuitabilityEvaluation
        {
            Count = examples.Count,
            Accuracy = examples.Count == 0 ? 0 : (double)correct / examples.Count,
            MacroF1 = f1.Average(),
            ConfusionMatrix = matrix,
            Precision = precision,
            Recall = recall,
            F1 = f1,
            BinaryAuc = Auc(examples),
        };
    }

    /// <summary>Mann-Whitney form of the ROC AUC; tied scores count one half.</summary>
    internal static double Auc(IEnumerable<ScoredExample> examples)
    {
        var ranked = examples
            .Select(e => (Score: e.ExposedProbability, Positive: e.Actual != ExposureClass.NoExposure))
            .OrderBy(e => e.Score)
            .ToArray();
        long positives = ranked.Count(e => e.Positive);
        long negatives = ranked.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        // Sum of the (average, 1-based) ranks of the positives.
        double positiveRankSum = 0;
        var i = 0;
        while (i < ranked.Length)
        {
            var j = i;
            while (j + 1 < ranked.Length && ranked[j + 1].Score == ranked[i].Score)
            {
                j++;
            }

            var averageRank = (i + j + 2) / 2.0;
            for (var k = i; k <= j; k++)
            {
                if (ranked[k].Positive)
                {
                    positiveRankSum += averageRank;
                }
            }

            i = j + 1;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }
}
