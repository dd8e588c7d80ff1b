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

    /// <summary>
    /// Waiting queries are kept in minute buckets, not one heap: a query must still be resolved exactly when the
    /// low-water mark passes its completion (strictly), wherever it falls against a bucket edge. A completion of its
    /// resource recorded while it waits moves its start; one recorded after it is resolved does not.
    /// </summary>
    [Theory]
    [InlineData(-1L)]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(TimeSpan.TicksPerSecond * 59)]
    public void Advance_QueryNearAMinuteEdge_ResolvedExactlyWhenTheMarkPassesItsCompletion(long fromEdge)
    {
        var edge = new DateTime(2024, 3, 4, 10, 0, 0, DateTimeKind.Utc).Ticks;
        var complete = edge + fromEdge;
        var log = new LogAggregate("p");
        var waiting = log.InternActivity("Waiting");
        var resolved = log.InternActivity("Resolved");
        var sut = new StartTimeEstimator(log);
        sut.Advance(complete - TimeSpan.TicksPerDay);

        // Both enabled an hour before they complete; the clerk's only completion so far is two hours before.
        sut.RecordCompletion(0, complete - (2 * TimeSpan.TicksPerHour));
        sut.Enqueue(waiting, 0, complete - TimeSpan.TicksPerHour, complete, 0, MinedEvent.NoStart);
        sut.Enqueue(resolved, 1, complete - TimeSpan.TicksPerHour, complete, 0, MinedEvent.NoStart);

        // The mark reaches the completion but does not pass it: both still wait; the clerk completes something ten minutes before.
        sut.Advance(complete + TimeSpan.TicksPerDay);
        Assert.Equal(0, sut.Estimated);
        sut.RecordCompletion(0, complete - (10 * TimeSpan.TicksPerMinute));

        // One tick later both are resolved; a completion of the second resource recorded afterwards changes nothing.
        sut.Advance(complete + TimeSpan.TicksPerDay + 1);
        Assert.Equal(2, sut.Estimated);
        sut.RecordCompletion(1, complete - (5 * TimeSpan.TicksPerMinute));
        sut.Flush();

        Assert.Equal(600, log.Activities[waiting].EstimatedServiceTime.Sum, 3);
        Assert.Equal(3600, log.Activities[resolved].EstimatedServiceTime.Sum, 3);
    }

    /// <summary>Queries completed far apart (weeks) and out of order are resolved as the mark passes each, and the rest at the end.</summary>
    [Fact]
    public void Advance_QueriesInManyBuckets_ResolvedInStepWithTheMark()
    {
        var log = new LogAggregate("p");
        var activity = log.InternActivity("Check");
        var sut = new StartTimeEstimator(log);
        var start = new DateTime(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc).Ticks;
        long[] offsets = [TimeSpan.TicksPerDay * 20, TimeSpan.TicksPerMinute * 3, TimeSpan.TicksPerDay * 2, TimeSpan.TicksPerMinute * 3 + 1, TimeSpan.TicksPerHour];
        foreach (var offset in offsets)
        {
            sut.Enqueue(activity, 0, start + offset - TimeSpan.TicksPerMinute, start + offset, 0, MinedEvent.NoStart);
        }

        var sorted = offsets.Order().ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            // Mark = the query's completion + 1 tick: it and every earlier one are resolved, no later one.
            sut.Advance(start + sorted[i] + 1 + StartTimeEstimator.SlackTicks);
            Assert.Equal(i + 1, sut.Estimated);
        }

        sut.Flush();
        Assert.Equal(offsets.Length, log.Activities[activity].EstimatedServiceTime.Count);
        Assert.Equal(0, sut.LateEvents);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
