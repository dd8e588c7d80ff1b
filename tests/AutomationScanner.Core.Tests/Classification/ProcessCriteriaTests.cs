using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Classification;

public sealed class ProcessCriteriaTests
{
    [Fact]
    public void Evaluate_FrequentStandardisedManualTask_ScoresFull()
    {
        var sut = ActivityStatisticsBuilder.Standardised();

        var actual = ProcessCriteria.Evaluate(sut);

        Assert.Equal(1.0, actual.Score, 6);
        Assert.All(actual.Factors, f => Assert.Equal(1.0, f.Value, 6));
    }

    [Fact]
    public void Evaluate_AnyTask_ScoreIsSumOfContributionsAndWeightsSumToOne()
    {
        var sut = ActivityStatisticsBuilder.Standardised() with
        {
            ExecutionsPerMonth = 30,
            ReworkRate = 0.2,
            FailureRate = 0.1,
            PredecessorEntropy = 1.5,
            SuccessorEntropy = 2.5,
            VariantShare = 0.4,
            DistinctResources = 3,
            Handovers = 6_000,
            AutomationRate = 0.25,
        };

        var actual = ProcessCriteria.Evaluate(sut);

        Assert.Equal(actual.Factors.Sum(f => f.Contribution), actual.Score, 9);
        Assert.Equal(1.0, actual.Factors.Sum(f => f.Weight), 9);
        Assert.InRange(actual.Score, 0.3, 0.8);
        Assert.Equal(0.7, Factor(actual, "Rework and failure").Value, 9);
        Assert.Equal(0.75, Factor(actual, "Automation potential left").Value, 9);
        Assert.Equal(0.5, Factor(actual, "Handovers").Value, 9);
        // Entropy 2 bits of a 3-bit maximum (1/3 left) and 40 % distinct variants (0.6 left), averaged.
        Assert.Equal(((1 - (2.0 / 3)) + 0.6) / 2, Factor(actual, "Standardization").Value, 9);
    }

    [Fact]
    public void Evaluate_AlreadyFullyAutomated_LowerThanManualTwin()
    {
        var manual = ActivityStatisticsBuilder.Standardised();
        var automated = manual with { AutomationRate = 1 };

        var manualScore = ProcessCriteria.Evaluate(manual).Score;
        var automatedScore = ProcessCriteria.Evaluate(automated).Score;

        Assert.Equal(0, Factor(ProcessCriteria.Evaluate(automated), "Automation potential left").Value);
        Assert.Equal(manualScore - 0.15, automatedScore, 9);
    }

    [Fact]
    public void Evaluate_RareChaoticTask_ScoresBelowFrequentStandardisedTask()
    {
        var standardised = ActivityStatisticsBuilder.Standardised();
        var chaotic = standardised with
        {
            ExecutionsPerMonth = 2,
            PredecessorEntropy = 3.5,
            SuccessorEntropy = 3.2,
            VariantShare = 0.95,
            ReworkRate = 0.6,
            FailureRate = 0.5,
        };

        Assert.True(ProcessCriteria.Evaluate(chaotic).Score < ProcessCriteria.Evaluate(standardised).Score - 0.4);
    }

    [Fact]
    public void Evaluate_NoServiceTime_LeavesDurationOutAndRenormalises()
    {
        var sut = ActivityStatisticsBuilder.Standardised() with { ServiceTime = DurationSummary.Empty };

        var actual = ProcessCriteria.Evaluate(sut);

        var duration = Factor(actual, "Duration");
        Assert.True(double.IsNaN(duration.Value));
        Assert.Equal(0, duration.Weight);
        Assert.Equal(0, duration.Contribution);
        Assert.Equal(1.0, actual.Factors.Sum(f => f.Weight), 9);
        Assert.Equal(1.0, actual.Score, 9);
    }

    [Theory]
    [InlineData(0, 1000, 0)]
    [InlineData(1000, 1000, 1)]
    [InlineData(5000, 1000, 1)]
    [InlineData(-3, 1000, 0)]
    public void LogScale_Bounds_ClampedToUnitInterval(double value, double full, double expected)
    {
        Assert.Equal(expected, ProcessCriteria.LogScale(value, full), 9);
    }

    [Fact]
    public void LogScale_Midway_IsLogarithmic()
    {
        // log(1 + 31) / log(1 + 1023) = 5 / 10.
        Assert.Equal(0.5, ProcessCriteria.LogScale(31, 1023), 9);
    }

    private static ScoreFactor Factor(ProcessCriteriaAssessment assessment, string name) =>
        Assert.Single(assessment.Factors, f => f.Name == name);
}
