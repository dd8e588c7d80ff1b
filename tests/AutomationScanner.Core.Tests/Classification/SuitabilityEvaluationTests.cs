using AutomationScanner.Core.Classification;

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
}
