using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Scanning;

namespace AutomationScanner.Core.Tests.Ranking;

public sealed class ValueEstimatorTests
{
    [Fact]
    public void Estimate_LoggedTask_HandComputedRanges()
    {
        var sut = new ValueEstimator(new ValueOptions { HourlyCost = 40, Currency = "CHF" });
        var task = Builders.Task("Check invoice");
        task.Statistics = Builders.Stats("Check invoice", executions: 7000, executionsPerWeek: 70,
            serviceTime: new DurationSummary(7000, 180, 360, 720, 400), automationRate: 0.2);

        var result = sut.Estimate(task, suitability: 0.5);

        // 70/week x 365.2425/7 = 3652.425 executions/year; 80 % manual; 0.05 / 0.1 / 0.2 h each.
        Assert.Equal(3652.425, result.ExecutionsPerYear, 6);
        Assert.Equal(700, result.LogSpanDays!.Value, 6);
        Assert.Equal(VolumeSource.EventLog, result.VolumeSource);
        Assert.Equal(146.097, result.Hours.P10, 6);
        Assert.Equal(292.194, result.Hours.P50, 6);
        Assert.Equal(584.388, result.Hours.P90, 6);
        Assert.Equal(146.097, result.BenefitHours.P50, 6);
        Assert.Equal(146.097 / 1760, result.Fte.P50, 9);
        Assert.Equal(5843.88, result.Money.P50, 6);
        Assert.Equal(11687.76, result.Money.P90, 6);
        Assert.Equal("CHF", result.Currency);
        Assert.Equal(1.0, result.Confidence, 9);
        Assert.Empty(result.ConfidenceReasons);
    }

    [Fact]
    public void Estimate_NoServiceTimeShortLogFewExecutionsFaultyRows_ConfidenceMultipliesDown()
    {
        var sut = new ValueEstimator(new ValueOptions { DefaultHandlingMinutes = 6 });
        var task = Builders.Task("Check invoice");
        task.Statistics = Builders.Stats("Check invoice", executions: 20, executionsPerWeek: 10);

        var result = sut.Estimate(task, 1, new DataQualitySignals(0.05, ["timestamps without zone"]));

        // 0.7 (20 executions) x 0.8 (14-day log) x 0.5 (assumed time) x 0.9 (5 % faulty rows) x 0.9 (issue).
        Assert.Equal(0.7 * 0.8 * 0.5 * 0.9 * 0.9, result.Confidence, 9);
        Assert.Equal(5, result.ConfidenceReasons.Count);
        Assert.Equal(HandlingTimeBasis.Assumed, result.HandlingBasis);
        Assert.Equal(new ValueRange(180, 360, 720), result.HandlingSeconds);
    }

    [Fact]
    public void Estimate_DocumentHintOnly_VolumeFromHintWithLowerConfidence()
    {
        var sut = new ValueEstimator(new ValueOptions { DefaultHandlingMinutes = 10, WorkingDaysPerYear = 200, HoursPerDay = 7.5 });
        var task = new TaskCandidate("Reconcile accounts", "fin").WithStatement(new TaskStatement
        {
            Text = "Reconcile the bank accounts daily",
            SourceFile = "sop.md",
            Line = 3,
            ExecutionsPerYearHint = 250,
        });

        var result = sut.Estimate(task, 0.8);

        Assert.Equal(VolumeSource.DocumentHint, result.VolumeSource);
        Assert.Equal(250 * 10 / 60.0, result.Hours.P50, 9);
        Assert.Equal(250 * 10 / 60.0 * 0.8 / 1500, result.Fte.P50, 9);
        Assert.Equal(0.7 * 0.5, result.Confidence, 9);
    }

    [Fact]
    public void Estimate_OnlyCompleteEventsNoEstimate_CappedGapIsTheAssumedLastResort()
    {
        var sut = new ValueEstimator(new ValueOptions());
        var task = Builders.Task("Check invoice");
        task.Statistics = Builders.Stats("Check invoice", executions: 5200, executionsPerWeek: 100) with
        {
            WaitingTime = new DurationSummary(5200, 60, 600, 7200, 1500),
        };

        var result = sut.Estimate(task, 1);

        Assert.Equal(HandlingTimeBasis.Assumed, result.HandlingBasis);
        Assert.Equal(HandlingTimeMethod.CappedCaseGap, result.HandlingSource.Method);
        Assert.Contains("last resort", result.HandlingSource.Note, StringComparison.Ordinal);
        Assert.Equal(new ValueRange(60, 600, 1800), result.HandlingSeconds);
        Assert.Equal(0.5, result.Confidence, 9);
    }

    [Fact]
    public void Estimate_NoVolumeAnywhere_ZeroValueAndVeryLowConfidence()
    {
        var sut = new ValueEstimator(new ValueOptions());

        var result = sut.Estimate(Builders.Task("Mystery task"), 0.9);

        Assert.Equal(VolumeSource.None, result.VolumeSource);
        Assert.Equal(ValueRange.Zero, result.BenefitHours);
        Assert.True(result.Confidence < 0.2);
    }
}
