using System.Text;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Mining;

public sealed class HandlingPlausibilityTests
{
    [Fact]
    public void Mine_PersonLogging16TasksADay_CapacityIsHalfAnHourPerTask()
    {
        // Two people, 3 days each, 16 completions a day: 8 h / 16 = 30 minutes per execution at most on average.
        var lines = new List<string> { "case,activity,timestamp,resource" };
        var n = 0;
        foreach (var who in new[] { "ann", "bob" })
        {
            for (var day = 0; day < 3; day++)
            {
                for (var k = 0; k < 16; k++)
                {
                    var at = new DateTime(2024, 4, 1 + day, 8, 0, 0, DateTimeKind.Utc).AddMinutes(k * 30);
                    lines.Add(FormattableString.Invariant($"C{n++},Enter order,{at:yyyy-MM-ddTHH:mm:ssZ},{who}"));
                }
            }
        }

        var plausibility = TestFiles.MineText("orders.csv", string.Join('\n', lines)).Activity("Enter order").Plausibility;

        Assert.Equal(1800, plausibility.CapacitySecondsPerExecution!.Value, 6);
        Assert.True(plausibility.ExceedsCapacity(2 * 3600));
        Assert.False(plausibility.ExceedsCapacity(20 * 60));
    }

    [Fact]
    public void Mine_PairsLeftOpenOvernightByPeopleWithManyOpenCases_ElapsedNotEffort()
    {
        // Each reviewer opens 12 papers a day and closes each two days later: 24 open at once.
        var lines = new List<string> { "case,activity,timestamp,resource,lifecycle" };
        for (var i = 0; i < 120; i++)
        {
            var who = i % 2 == 0 ? "rev1" : "rev2";
            var start = new DateTime(2024, 5, 6, 9, 0, 0, DateTimeKind.Utc).AddDays(i / 24).AddMinutes(i % 24 * 15);
            lines.Add(FormattableString.Invariant($"P{i},review paper,{start:yyyy-MM-ddTHH:mm:ssZ},{who},start"));
            lines.Add(FormattableString.Invariant($"P{i},review paper,{start.AddDays(2):yyyy-MM-ddTHH:mm:ssZ},{who},complete"));
        }

        var plausibility = TestFiles.MineText("reviews.csv", string.Join('\n', lines)).Activity("review paper").Plausibility;

        Assert.Equal(1, plausibility.OvernightShare, 6);
        Assert.True(plausibility.Utilisation > HandlingPlausibility.MaxUtilisation, $"utilisation {plausibility.Utilisation}");
        Assert.Contains("many cases open at once", plausibility.ElapsedNotEffort(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewingLog_AcceptRejectInvite_StartCompleteIsElapsedTime()
    {
        var mined = TestFiles.MineFile(TestFiles.EventLog("04_reviewing.xes.gz"));

        foreach (var name in new[] { "accept", "reject", "invite additional reviewer" })
        {
            Assert.NotNull(mined.Activity(name).Plausibility.ElapsedNotEffort());
        }
    }

    [Fact]
    public void Bpic2012_WorkItems_StartCompleteIsEffortWithinThePeoplesThroughput()
    {
        var mined = TestFiles.MineFile(TestFiles.EventLog("bpic2012.xes.gz"));

        foreach (var activity in mined.Activities.Where(a => a.Activity.StartsWith("W_", StringComparison.Ordinal) && a.ServiceTime.Count >= 1000))
        {
            var plausibility = activity.Plausibility;
            Assert.Null(plausibility.ElapsedNotEffort());
            Assert.True(activity.ServiceTime.MedianSeconds < plausibility.CapacitySecondsPerExecution, activity.Activity);
            Assert.Equal(mined.Summary.StartEstimateMedianRelativeError, plausibility.LogEstimateMedianRelativeError);
        }
    }

    [Fact]
    public void DaySet_DaysInAnyOrder_CountedOnceAndListedAscending()
    {
        var sut = new DaySet();
        int[] days = [738_900, 738_886, 739_500, 738_886, 738_100, 738_900, 738_101];

        var added = days.Count(sut.Add);

        Assert.Equal(5, added);
        Assert.Equal(5, sut.Count);
        Assert.Equal([738_100, 738_101, 738_886, 738_900, 739_500], sut.Days());
    }

    [Fact]
    public void ResourceState_WrittenBeforeCapacityFields_StillRestores()
    {
        var log = new LogAggregate("p");
        var miner = new ProcessMiner(log);
        EventLogReader.Read("p.csv", new MemoryStream(Encoding.UTF8.GetBytes("case,activity,timestamp,resource\nA,Enter order,2024-01-02T09:00:00Z,ann\nA,Ship order,2024-01-03T09:00:00Z,ann\n")), miner, cancellationToken: TestContext.Current.CancellationToken);
        miner.Complete();
        var state = log.ToState();
        var old = state with
        {
            Resources = [.. state.Resources.Select(r => r[..30])],
            Activities = [.. state.Activities.Select(a => a with { Counts = [.. a.Counts.Take(15)] })],
        };

        var restored = LogAggregate.FromState(state);
        var fromOld = LogAggregate.FromState(old);

        Assert.Equal([738_886, 738_887], restored.Resources[0].ActiveDays.Days());
        Assert.Equal(2, restored.Resources[0].TaskExecutions);
        Assert.Equal(0, fromOld.Resources[0].ActiveDays.Count);
        Assert.Equal(log.Resources[0].Executions, fromOld.Resources[0].Executions);
    }
}
