using AutomationScanner.Core.Model;
using AutomationScanner.Core.Ranking;

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

    // Estimates of 5 h median where the people log 16 executions a day (capacity 30 min each): idle time, not effort.
    private static readonly DurationSummary IdleEstimate = new(900, 60, 18_000, 90_000, 40_000);

    private static TaskCandidate Estimated(DurationSummary estimate, HandlingPlausibility plausibility, DurationSummary? measured = null)
    {
        var task = Builders.Task("Take in charge ticket");
        task.Statistics = Builders.Stats("Take in charge ticket", executions: 1000, serviceTime: measured) with
        {
            EstimatedServiceTime = measured is null ? estimate : DurationSummary.Empty,
            Plausibility = plausibility,
        };
        return task;
    }

    [Fact]
    public void Handling_EstimateAboveThroughputNotValidatedHere_CappedAssumedNeedsData()
    {
        var sut = new ValueEstimator(new ValueOptions());

        var (seconds, source) = sut.Handling(Estimated(IdleEstimate, new HandlingPlausibility(1800, 3, 0, null, 0)));

        Assert.Equal(HandlingTimeBasis.Assumed, source.Basis);
        Assert.Equal(HandlingTimeMethod.ResourceCapacity, source.Method);
        Assert.Equal(new ValueRange(60, 1800, 1800), seconds);
        Assert.Contains("idle time", source.Note, StringComparison.Ordinal);
        Assert.Contains("needs data", source.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Handling_EstimateAboveThroughputValidatedOnThisLog_CappedEstimateWithTheLogsBand()
    {
        var sut = new ValueEstimator(new ValueOptions());

        var (seconds, source) = sut.Handling(Estimated(IdleEstimate, new HandlingPlausibility(1800, 3, 0, 0.21, 5000)));

        Assert.Equal(HandlingTimeBasis.Estimated, source.Basis);
        Assert.Equal(0.21, source.MedianRelativeError);
        Assert.Equal(new ValueRange(60, 1800, 1800), seconds);
    }

    [Fact]
    public void Handling_EstimateWithinThroughput_EstimatedTailTrimmedBandNamesItsSource()
    {
        var sut = new ValueEstimator(new ValueOptions());
        var estimate = new DurationSummary(900, 20, 40, 90_000, 5_000);

        var (seconds, unvalidated) = sut.Handling(Estimated(estimate, new HandlingPlausibility(1800, 0.8, 0, null, 0)));
        var (_, poorlyValidated) = sut.Handling(Estimated(estimate, new HandlingPlausibility(1800, 0.8, 0, 0.93, 5000)));

        Assert.Equal(HandlingTimeBasis.Estimated, unvalidated.Basis);
        Assert.Equal(new ValueRange(20, 40, 1800), seconds);
        Assert.Equal(ValueEstimator.ResourceAvailabilityMedianRelativeError, unvalidated.MedianRelativeError);
        Assert.Contains("BPIC 2012", unvalidated.Note, StringComparison.Ordinal);
        Assert.Contains("too poor to rely on", poorlyValidated.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Handling_EstimateNeitherValidatedNorCheckable_AssumedNeedsData()
    {
        var sut = new ValueEstimator(new ValueOptions());

        var (_, source) = sut.Handling(Estimated(new DurationSummary(900, 20, 40, 90, 50), new HandlingPlausibility(null, null, 0, null, 0)));

        Assert.Equal(HandlingTimeBasis.Assumed, source.Basis);
        Assert.Equal(HandlingTimeMethod.ResourceAvailability, source.Method);
    }

    [Theory]
    [InlineData(2.4, 0.1)]   // the people would need 2.4 working days a day: parallel open cases
    [InlineData(0.5, 0.8)]   // 80 % of the pairs span more than one day
    public void Handling_MeasuredPairsThatAreElapsedTime_NotMeasuredButCappedAndAssumed(double utilisation, double overnight)
    {
        var sut = new ValueEstimator(new ValueOptions());
        var elapsed = new DurationSummary(900, 3_600, 260_000, 600_000, 280_000);

        var (seconds, source) = sut.Handling(Estimated(DurationSummary.Empty, new HandlingPlausibility(26_000, utilisation, overnight, null, 0), elapsed));

        Assert.Equal(HandlingTimeBasis.Assumed, source.Basis);
        Assert.Equal(HandlingTimeMethod.ResourceCapacity, source.Method);
        Assert.Equal(new ValueRange(3_600, 26_000, 26_000), seconds);
        Assert.Contains("elapsed time, not effort", source.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Handling_MeasuredPairsWithinOnePersonsDay_Measured()
    {
        var sut = new ValueEstimator(new ValueOptions());
        var measured = new DurationSummary(900, 60, 700, 2_000, 900);

        var (seconds, source) = sut.Handling(Estimated(DurationSummary.Empty, new HandlingPlausibility(1_700, 0.6, 0.01, 0.34, 80_000), measured));

        Assert.Equal(HandlingTimeBasis.Measured, source.Basis);
        Assert.Equal(new ValueRange(60, 700, 2_000), seconds);
    }

    [Fact]
    public void Handling_TimeInStatus_ItsBandIsAnAssumptionSoNeedsData()
    {
        var sut = new ValueEstimator(new ValueOptions());
        var task = Builders.Task("Accepted (In Progress)");
        task.Statistics = Builders.Stats("Accepted (In Progress)") with { TimeInStatus = new DurationSummary(500, 30, 100, 900, 300) };

        var (_, source) = sut.Handling(task);

        Assert.Equal(HandlingTimeBasis.Assumed, source.Basis);
        Assert.Equal(HandlingTimeMethod.TimeInStatus, source.Method);
        Assert.Null(source.MedianRelativeError);
    }
}
