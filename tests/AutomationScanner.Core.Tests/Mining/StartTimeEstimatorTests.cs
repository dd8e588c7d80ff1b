using System.Globalization;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Tests.Mining;

public sealed class StartTimeEstimatorTests
{
    /// <summary>
    /// The start-time estimator against true service times: BPIC 2012's W_ work items have real start and complete
    /// events; the miner estimates each start as if the log had none and records the error. The bound is the issue's
    /// aim (35 %); measured 33.6 % pooled (docs/handling-time.md). The sketch is within 1 % and the result deterministic,
    /// so the bound fails only when the method gets worse.
    /// </summary>
    [Fact]
    public void Bpic2012_WorkItemsWithStartsDropped_MedianRelativeErrorWithin35Percent()
    {
        var mined = TestFiles.MineFile(TestFiles.EventLog("bpic2012.xes.gz"));

        var pooled = mined.Summary.StartEstimateMedianRelativeError;
        Assert.NotNull(pooled);
        Assert.True(pooled <= 0.35, string.Create(CultureInfo.InvariantCulture, $"pooled median relative error {pooled:P1}"));
        var validated = mined.Summary.StartEstimateValidation.Where(v => v.Instances >= 1000).ToList();
        Assert.Equal(5, validated.Count);
        Assert.All(validated, v => Assert.True(v.MedianRelativeError <= 0.5, $"{v.Activity}: {v.MedianRelativeError:P1}"));
    }

    [Fact]
    public void Mine_CompleteOnlyLog_EstimatesStartFromEnablementAndResourceAvailability()
    {
        // One clerk works cases back to back: each "Check" is enabled at 09:00 but the clerk is busy until the
        // previous check completes, so the start is the later of the two and every check takes 10 minutes.
        var rows = new List<string> { "case,activity,timestamp,resource" };
        for (var c = 0; c < 6; c++)
        {
            rows.Add(Invariant($"c{c},Receive,2024-03-04T09:00:00,desk"));
            rows.Add(Invariant($"c{c},Check,{new DateTime(2024, 3, 4, 9, 10, 0).AddMinutes(10 * c):yyyy-MM-ddTHH:mm:ss},clerk"));
        }

        var mined = TestFiles.MineText("checks.csv", string.Join('\n', rows));

        var check = mined.Activity("Check");
        Assert.Equal(6, check.EstimatedServiceTime.Count);
        Assert.Equal(600, check.EstimatedServiceTime.MedianSeconds, 600 * 0.02);
        Assert.Equal(600, check.EstimatedServiceTime.P90Seconds, 600 * 0.02);
        Assert.False(check.ServiceTime.HasData);
    }

    [Fact]
    public void WorkingSeconds_AcrossANight_ExcludesOffDutyHours()
    {
        var log = new LogAggregate("p");
        var sut = new StartTimeEstimator(log);
        var monday = new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);
        for (var week = 0; week < 10; week++)
        {
            for (var day = 0; day < 5; day++)
            {
                for (var hour = 9; hour < 17; hour++)
                {
                    for (var n = 0; n < 10; n++)
                    {
                        sut.Observe(StartTimeEstimator.HourOfWeek(monday.AddDays(day).AddHours(hour).Ticks));
                    }
                }
            }
        }

        // Monday 16:00 to Tuesday 10:00: one hour on Monday, one on Tuesday.
        var seconds = sut.WorkingSeconds(monday.AddHours(16).Ticks, monday.AddDays(1).AddHours(10).Ticks, 0);

        Assert.Equal(7200, seconds, 1);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
