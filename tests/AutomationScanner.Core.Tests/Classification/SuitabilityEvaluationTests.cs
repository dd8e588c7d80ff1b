using AutomationScanner.Core.Classification;
using AutomationScanner.Training;

namespace AutomationScanner.Core.Tests.Classification;

public sealed class SuitabilityEvaluationTests
{
    private static ScoredExample Example(ExposureClass actual, float e0, float e1, float e2) => new(actual, [e0, e1, e2]);

    [Fact]
    public void Compute_HandCountedExamples_MatchesHandComputedMetrics()
    {
        // Confusion matrix (rows true, columns predicted):
        //        E0 E1 E2
        //   E0 [  3, 0, 1 ]
        //   E1 [  1, 1, 0 ]
        //   E2 [  0, 1, 2 ]
        ScoredExample[] examples =
        [
            Example(ExposureClass.NoExposure, 0.9f, 0.05f, 0.05f),
            Example(ExposureClass.NoExposure, 0.8f, 0.1f, 0.1f),
            Example(ExposureClass.NoExposure, 0.7f, 0.2f, 0.1f),
            Example(ExposureClass.NoExposure, 0.3f, 0.2f, 0.5f),
            Example(ExposureClass.Direct, 0.6f, 0.3f, 0.1f),
            Example(ExposureClass.Direct, 0.1f, 0.8f, 0.1f),
            Example(ExposureClass.WithTools, 0.2f, 0.5f, 0.3f),
            Example(ExposureClass.WithTools, 0.1f, 0.2f, 0.7f),
            Example(ExposureClass.WithTools, 0.25f, 0.15f, 0.6f),
        ];

        var sut = SuitabilityEvaluation.Compute(examples);

        Assert.Equal([3, 0, 1], sut.ConfusionMatrix[0]);
        Assert.Equal([1, 1, 0], sut.ConfusionMatrix[1]);
        Assert.Equal([0, 1, 2], sut.ConfusionMatrix[2]);
        Assert.Equal(6.0 / 9, sut.Accuracy, 9);
        // Precision E0 3/4, E1 1/2, E2 2/3; recall E0 3/4, E1 1/2, E2 2/3; so F1 equals both per class.
        Assert.Equal(((3.0 / 4) + (1.0 / 2) + (2.0 / 3)) / 3, sut.MacroF1, 9);
        Assert.Equal(0.75, sut.Precision[0], 9);
        Assert.Equal(0.5, sut.Recall[1], 9);
        // Exposed scores (1 - P(E0)): negatives 0.1, 0.2, 0.3, 0.7; positives 0.4, 0.9, 0.8, 0.9, 0.75.
        // Pairs won: 0.4 beats 3 negatives, each of the other four positives beats all 4: (3 + 16) / 20.
        Assert.Equal(19.0 / 20, sut.BinaryAuc, 9);
    }

    [Fact]
    public void Compute_TiedScores_CountHalf()
    {
        ScoredExample[] examples =
        [
            Example(ExposureClass.NoExposure, 0.5f, 0.25f, 0.25f),
            Example(ExposureClass.WithTools, 0.5f, 0.25f, 0.25f),
        ];

        var sut = SuitabilityEvaluation.Compute(examples);

        Assert.Equal(0.5, sut.BinaryAuc, 9);
    }

    [Fact]
    public void Compute_OnlyOneBinaryClass_AucIsNaN()
    {
        var sut = SuitabilityEvaluation.Compute([Example(ExposureClass.Direct, 0.1f, 0.8f, 0.1f)]);

        Assert.True(double.IsNaN(sut.BinaryAuc));
        Assert.Equal(1.0, sut.Accuracy);
    }

    private static ScoredExample Rated(string occupation, int rating, double score) =>
        new(ExposureClass.NoExposure, [1f, 0f, 0f], occupation, rating, score);

    [Fact]
    public void Spearman_KnownOrders_PlusMinusOneAndTiesAveraged()
    {
        Assert.Equal(1.0, SuitabilityEvaluation.Spearman([1, 2, 3, 4], [10, 20, 30, 40]), 9);
        Assert.Equal(-1.0, SuitabilityEvaluation.Spearman([1, 2, 3, 4], [4, 3, 2, 1]), 9);
        // Ranks x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4 -> rho = 0.9486832981.
        Assert.Equal(0.9486832981, SuitabilityEvaluation.Spearman([1, 2, 2, 3], [1, 2, 3, 4]), 9);
        Assert.True(double.IsNaN(SuitabilityEvaluation.Spearman([1, 1, 1], [1, 2, 3])));
    }

    [Fact]
    public void Compute_RatedExamples_MeanWithinOccupationIsTheMeanOfEachOccupationsSpearman()
    {
        ScoredExample[] examples =
        [
            // A: perfectly ordered (rho 1).
            Rated("A", 0, 0.1), Rated("A", 1, 0.2), Rated("A", 3, 0.9),
            // B: reversed (rho -1).
            Rated("B", 0, 0.9), Rated("B", 2, 0.5), Rated("B", 4, 0.1),
            // C: the score does not vary: counts as 0.
            Rated("C", 0, 0.3), Rated("C", 1, 0.3), Rated("C", 2, 0.3),
            // D: one rating only, E: two tasks only: both left out.
            Rated("D", 1, 0.1), Rated("D", 1, 0.8), Rated("D", 1, 0.5),
            Rated("E", 0, 0.1), Rated("E", 4, 0.9),
        ];

        var sut = SuitabilityEvaluation.Compute(examples);

        Assert.Equal(3, sut.RankedOccupations);
        Assert.Equal((1.0 - 1.0 + 0.0) / 3, sut.MeanWithinOccupationSpearman, 9);
        Assert.Equal(14, sut.RatedCount);
        Assert.Equal(
            SuitabilityEvaluation.Spearman(examples.Select(e => e.AutomationScore).ToArray(), examples.Select(e => (double)e.AutomationRating!.Value).ToArray()),
            sut.AutomationSpearman, 9);
    }

    [Fact]
    public void Compute_NoRatings_RankingMetricsAreNaN()
    {
        var sut = SuitabilityEvaluation.Compute([Example(ExposureClass.Direct, 0.2f, 0.7f, 0.1f)]);

        Assert.Equal(0, sut.RatedCount);
        Assert.True(double.IsNaN(sut.MeanWithinOccupationSpearman));
        Assert.True(double.IsNaN(sut.AutomationSpearman));
    }
}
