using AutomationScanner.Core.Classification;

namespace AutomationScanner.Training;

/// <summary>
/// One scored example: the true exposure class and the model's class probabilities (in <see cref="ExposureClass"/>
/// order); for the automation ranking, the occupation, GPT-4's automation rating (0-4, null when unrated) and the model's
/// automation score (any scale; only its order counts).
/// </summary>
public readonly record struct ScoredExample(
    ExposureClass Actual, IReadOnlyList<float> Probabilities, string Occupation = "", int? AutomationRating = null, double AutomationScore = double.NaN)
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
/// E0 against E1+E2 ranked by P(E1) + P(E2); and how the automation score ranks GPT-4's automation ratings (T0-T4):
/// Spearman over all rated tasks and the mean Spearman within occupations (the headline: a consultant ranks the tasks
/// of one process, not tasks across the economy).
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

    /// <summary>Tasks with an automation rating and a score.</summary>
    public int RatedCount { get; init; }

    /// <summary>Spearman rank correlation of the automation score with T over all rated tasks; NaN when there are none.</summary>
    public double AutomationSpearman { get; init; } = double.NaN;

    /// <summary>
    /// Mean over occupations of the Spearman correlation of the automation score with T among that occupation's tasks;
    /// occupations with fewer than <see cref="MinimumTasksPerOccupation"/> rated tasks or one rating only are left out;
    /// a score that does not vary within an occupation counts as 0 there. NaN when no occupation qualifies.
    /// </summary>
    public double MeanWithinOccupationSpearman { get; init; } = double.NaN;

    /// <summary>Occupations that entered <see cref="MeanWithinOccupationSpearman"/>.</summary>
    public int RankedOccupations { get; init; }

    public const int MinimumTasksPerOccupation = 3;

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

        return WithRanking(new SuitabilityEvaluation
        {
            Count = examples.Count,
            Accuracy = examples.Count == 0 ? 0 : (double)correct / examples.Count,
            MacroF1 = f1.Average(),
            ConfusionMatrix = matrix,
            Precision = precision,
            Recall = recall,
            F1 = f1,
            BinaryAuc = Auc(examples),
        }, examples);
    }

    private static SuitabilityEvaluation WithRanking(SuitabilityEvaluation evaluation, IReadOnlyCollection<ScoredExample> examples)
    {
        var rated = examples.Where(e => e.AutomationRating is not null && double.IsFinite(e.AutomationScore)).ToArray();
        if (rated.Length == 0)
        {
            return evaluation;
        }

        var within = new List<double>();
        foreach (var group in rated.GroupBy(e => e.Occupation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var items = group.ToArray();
            if (items.Length < MinimumTasksPerOccupation || items.All(e => e.AutomationRating == items[0].AutomationRating))
            {
                continue;
            }

            var rho = Spearman(items.Select(e => e.AutomationScore).ToArray(), items.Select(e => (double)e.AutomationRating!.Value).ToArray());
            within.Add(double.IsNaN(rho) ? 0 : rho);
        }

        return evaluation with
        {
            RatedCount = rated.Length,
            AutomationSpearman = Spearman(rated.Select(e => e.AutomationScore).ToArray(), rated.Select(e => (double)e.AutomationRating!.Value).ToArray()),
            MeanWithinOccupationSpearman = within.Count == 0 ? double.NaN : within.Average(),
            RankedOccupations = within.Count,
        };
    }

    /// <summary>Spearman's rho: Pearson correlation of the (tie-averaged) ranks; NaN when either side is constant.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("Both sides need the same number of values.", nameof(y));
        }

        return Pearson(Ranks(x), Ranks(y));
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = (i + j + 2) / 2.0;
            }

            i = j + 1;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        if (x.Length < 2)
        {
            return double.NaN;
        }

        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
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
