using System.Text;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Mining;

public sealed class ProcessMinerTests
{
    [Fact]
    public void CaseState_HoldsNoReference_SoTheCollectorDoesNotWalkAnArrayOfThem()
    {
        // An object-centric log keeps one case state per object in an array (115 MB for a million events): with a
        // reference in the state, every full collection walked all of it (a 0.2 s pause at the start of the events).
        var caseCore = typeof(ProcessMiner).GetNestedType("CaseCore", System.Reflection.BindingFlags.NonPublic);
        Assert.NotNull(caseCore);
        var containsReferences = typeof(System.Runtime.CompilerServices.RuntimeHelpers)
            .GetMethod(nameof(System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences))!
            .MakeGenericMethod(caseCore);
        Assert.False((bool)containsReferences.Invoke(null, null)!);
    }

    [Fact]
    public void CaseState_Is128Bytes()
    {
        // An object-centric log keeps one state per object until the end (101 MB for the million-event bench log at 128 bytes).
        var caseCore = typeof(ProcessMiner).GetNestedType("CaseCore", System.Reflection.BindingFlags.NonPublic);
        Assert.NotNull(caseCore);
        var sizeOf = typeof(System.Runtime.CompilerServices.Unsafe).GetMethod(nameof(System.Runtime.CompilerServices.Unsafe.SizeOf))!.MakeGenericMethod(caseCore);
        Assert.Equal(128, (int)sizeOf.Invoke(null, null)!);
    }

    [Fact]
    public void Merge_LogSplitByCases_EqualsWholeLog()
    {
        var lines = Encoding.UTF8.GetString(TestFiles.ReadAll(TestFiles.Sample("receipt.csv.gz"))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];
        var caseColumn = header.Split(',').ToList().IndexOf("case:concept:name");
        var byCase = lines.Skip(1).GroupBy(l => l.Split(',')[caseColumn].GetHashCode(StringComparison.Ordinal) % 2 == 0).ToList();
        var whole = Mine("whole", string.Join('\n', lines));

        var merged = new LogAggregate("receipt");
        foreach (var part in byCase)
        {
            merged.Merge(MineAggregate(string.Join('\n', part.Prepend(header))));
        }

        var sut = MinedProcess.From(merged, TimeZoneInfo.Utc);

        Assert.Equal(whole.Summary.Events, sut.Summary.Events);
        Assert.Equal(whole.Summary.Cases, sut.Summary.Cases);
        Assert.Equal(whole.Summary.Variants, sut.Summary.Variants);
        foreach (var expected in whole.Activities)
        {
            var actual = sut.Activity(expected.Activity);
            Assert.Equal(expected.Executions, actual.Executions);
            Assert.Equal(expected.Cases, actual.Cases);
            Assert.Equal(expected.RepeatExecutions, actual.RepeatExecutions);
            AssertSameDistribution(expected.WaitingTime, actual.WaitingTime);
            Assert.Equal(expected.PredecessorEntropy, actual.PredecessorEntropy, 9);
            Assert.Equal(expected.SuccessorEntropy, actual.SuccessorEntropy, 9);
            Assert.Equal(expected.VariantShare, actual.VariantShare, 9);
            Assert.Equal(expected.DistinctResources, actual.DistinctResources);
            Assert.Equal(expected.Handovers, actual.Handovers);
        }
    }

    [Fact]
    public void Mine_TimeSortedInterleavedLog_SameAsCaseSorted()
    {
        var lines = Encoding.UTF8.GetString(TestFiles.ReadAll(TestFiles.Sample("receipt.csv.gz"))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0];
        var timeColumn = header.Split(',').ToList().IndexOf("time:timestamp");
        var byTime = lines.Skip(1).Select((line, index) => (line, index))
            .OrderBy(l => DateTimeOffset.Parse(l.line.Split(',')[timeColumn], System.Globalization.CultureInfo.InvariantCulture)).ThenBy(l => l.index)
            .Select(l => l.line);

        var grouped = Mine("grouped", string.Join('\n', lines));
        var interleaved = Mine("interleaved", string.Join('\n', byTime.Prepend(header)));

        Assert.Equal(grouped.Summary.Cases, interleaved.Summary.Cases);
        Assert.Equal(grouped.Summary.Variants, interleaved.Summary.Variants);
        Assert.DoesNotContain(interleaved.Summary.DataQuality, i => i.Kind == DataQualityKinds.FragmentedCase);
        foreach (var expected in grouped.Activities)
        {
            Assert.Equal(expected.RepeatExecutions, interleaved.Activity(expected.Activity).RepeatExecutions);
            AssertSameDistribution(expected.WaitingTime, interleaved.Activity(expected.Activity).WaitingTime);
        }
    }

    [Fact]
    public void Mine_CaseReturningAfterWindow_ReportedAsFragmented()
    {
        var csv = new StringBuilder("case,activity,timestamp\nfirst,A,2024-01-01T00:00:00Z\n");
        for (var i = 0; i < 300; i++)
        {
            csv.Append("c").Append(i).Append(",A,2024-01-02T00:00:00Z\n");
        }

        csv.Append("first,B,2024-01-03T00:00:00Z\n");

        var sut = TestFiles.MineText("late.csv", csv.ToString());

        var issue = Assert.Single(sut.Summary.DataQuality);
        Assert.Equal(DataQualityKinds.FragmentedCase, issue.Kind);
        Assert.Contains("'first'", issue.Examples[0], StringComparison.Ordinal);
        Assert.Equal(302, sut.Summary.Cases);
    }

    [Fact]
    public void Mine_ReworkFailuresAutomationOffHours_Counted()
    {
        const string csv = """
            case,activity,timestamp,resource
            1,Enter order,2024-01-01T09:00:00Z,ann
            1,Enter order,2024-01-01T09:05:00Z,ann
            1,Check order,2024-01-01T09:10:00Z,bob
            1,Enter order,2024-01-01T09:20:00Z,ann
            1,Cancel order,2024-01-06T20:00:00Z,System
            2,Enter order,2024-01-02T09:00:00Z,ann
            2,Check order,2024-01-02T10:00:00Z,BatchBot
            """;

        var sut = TestFiles.MineText("orders.csv", csv);

        var enter = sut.Activity("Enter order");
        Assert.Equal(4, enter.Executions);
        Assert.Equal(2, enter.Cases);
        Assert.Equal(1, enter.SelfLoops);
        Assert.Equal(2, enter.RepeatExecutions);
        Assert.Equal(1, enter.CasesWithRepeat);
        Assert.Equal(0.5, enter.FailureRate);
        Assert.Equal(1, enter.Handovers);
        var check = sut.Activity("Check order");
        Assert.Equal(0.5, check.AutomationRate);
        var cancel = sut.Activity("Cancel order");
        Assert.Equal(1, cancel.FailureEvents);
        Assert.Equal(1.0, cancel.AutomationRate);
        Assert.Equal(1.0, cancel.OffHoursShare);
        Assert.Equal(0, enter.OffHoursShare);
        // Predecessors: case start twice, Enter order once, Check order once: -(.5 log .5 + 2 x .25 log .25) = 1.5 bits.
        Assert.Equal(1.5, sut.Activity("Enter order").PredecessorEntropy, 6);
    }

    /// <summary>Quantiles come from the same buckets; the mean may differ in the last bits with the order of addition.</summary>
    private static void AssertSameDistribution(DurationSummary expected, DurationSummary actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.P10Seconds, actual.P10Seconds);
        Assert.Equal(expected.MedianSeconds, actual.MedianSeconds);
        Assert.Equal(expected.P90Seconds, actual.P90Seconds);
        Assert.Equal(expected.MeanSeconds, actual.MeanSeconds, tolerance: Math.Abs(expected.MeanSeconds) * 1e-12);
    }

    private static MinedProcess Mine(string name, string csv) => TestFiles.MineText(name + ".csv", csv);

    private static LogAggregate MineAggregate(string csv)
    {
        var log = new LogAggregate("receipt");
        var miner = new ProcessMiner(log);
        EventLogReader.Read("part.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv)), miner, cancellationToken: TestContext.Current.CancellationToken);
        miner.Complete();
        return log;
    }
}
