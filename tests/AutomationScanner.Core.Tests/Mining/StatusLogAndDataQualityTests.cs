using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Mining;

public sealed class StatusLogAndDataQualityTests
{
    [Fact]
    public void Bpic2013Incidents_StatusLifecycle_GivesVolumesTransitionsAndTimeInStatus()
    {
        var mined = TestFiles.MineFile(TestFiles.EventLog("07_bpic2013_incidents.xes.gz"));

        Assert.True(mined.Summary.StatusLog);
        var inProgress = mined.Activity("Accepted (In Progress)");
        Assert.Equal(30239, inProgress.Executions);
        // The case is in state "Accepted" while someone works on it: time in it is worked time, but the name says no task.
        Assert.Equal(ActivityKind.State, inProgress.Kind);
        Assert.Contains(inProgress.KindEvidence, e => e.Source == KindSignalSources.Lifecycle && e.Description.Contains("says no task", StringComparison.Ordinal));
        Assert.True(inProgress.TimeInStatus.Count > 10_000);
        Assert.True(inProgress.TimeInStatus.MedianSeconds > 0);
        Assert.Equal(ActivityKind.Wait, mined.Activity("Queued (Awaiting Assignment)").Kind);
        Assert.Equal(ActivityKind.State, mined.Activity("Completed (Closed)").Kind);
        Assert.Equal(65533, mined.Activities.Sum(a => a.Executions));
        Assert.DoesNotContain(mined.Activities, a => a.Activity == "Accepted");
    }

    [Fact]
    public void Xes_UnreadableAndImplausibleTimestamps_CountedAndCreateNoActivity()
    {
        const string Xes = """
            <log xes.version="1.0">
              <trace><string key="concept:name" value="1"/>
                <event><string key="concept:name" value="Register"/><date key="time:timestamp" value="2024-03-04T09:00:00+00:00"/></event>
                <event><string key="concept:name" value="Ghost"/><date key="time:timestamp" value="not a date"/></event>
                <event><string key="concept:name" value="Ancient"/><date key="time:timestamp" value="0001-01-01T00:00:00+00:00"/></event>
                <event><string key="concept:name" value="Future"/><date key="time:timestamp" value="9999-12-31T00:00:00+00:00"/></event>
              </trace>
              <trace><string key="concept:name" value="1"/>
                <event><string key="concept:name" value="Register"/><date key="time:timestamp" value="2024-03-05T09:00:00+00:00"/></event>
              </trace>
            </log>
            """;

        var mined = TestFiles.MineText("log.xes", Xes);

        Assert.Equal(["Register"], mined.Activities.Select(a => a.Activity));
        Assert.Equal(2, mined.Summary.DataQuality.Single(i => i.Kind == DataQualityKinds.ImplausibleTimestamp).Count);
        Assert.Equal(1, mined.Summary.DataQuality.Single(i => i.Kind == DataQualityKinds.BadTimestamp).Count);
        Assert.Equal(1, mined.Summary.DataQuality.Single(i => i.Kind == DataQualityKinds.DuplicateCaseId).Count);
        Assert.True(mined.Summary.SpanDays < 2);
    }

    [Fact]
    public void Mine_PlausibleWindowConfigured_UsesIt()
    {
        var options = new IngestionOptions { Mining = new MiningOptions { EarliestPlausibleTimestamp = new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero) } };

        var mined = TestFiles.MineText("log.csv", "case,activity,timestamp\n1,A,2024-03-04T09:00:00Z\n1,B,2024-03-06T09:00:00Z\n", options);

        Assert.Equal(["B"], mined.Activities.Select(a => a.Activity));
        Assert.Equal(1, mined.Summary.DataQuality.Single(i => i.Kind == DataQualityKinds.ImplausibleTimestamp).Count);
    }
}
