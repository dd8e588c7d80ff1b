using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Core.Tests.Mining;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Tests.Scanning;

public sealed class ScanPipelineKindTests
{
    private static ScanPipeline Pipeline(ScoringOptions? scoring = null) =>
        new(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance, scoring, suitability: new SuitabilityScorer(SuitabilityModel.LoadShipped(Classification.SharedEmbedder.Instance)));

    [Fact]
    public async Task RunAsync_EveryShippedRealLog_RecommendsOnlyWorkAndNothingOnAnAssumedBasis()
    {
        var files = ActivityKindFixture.Files.SelectMany(f => f.Value.Select(path => (Family: f.Key, Path: path))).ToList();
        // A process is named after its file, or after the whole file name when two files share a name.
        var family = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path) in files)
        {
            family.TryAdd(EventLogReader.ProcessName(Path.GetFileName(path)), name);
            family.TryAdd(Path.GetFileName(path), name);
        }

        var report = await Pipeline().RunAsync([.. files.Select(f => ScanInput.FromFile(f.Path))], "all", TestContext.Current.CancellationToken);

        Assert.All(report.Inputs, i => Assert.True(i.Read, i.Name));
        Assert.All(report.Opportunities, o => Assert.True(o.Kind.IsTask(), $"{o.Process}/{o.Task} is {o.Kind}"));
        var recommended = report.Opportunities.Where(o => o.Recommendation is Recommendation.Recommended or Recommendation.RecommendedWithSafeguards).ToList();
        Assert.NotEmpty(recommended);
        foreach (var o in recommended)
        {
            Assert.NotEqual(HandlingTimeBasis.Assumed, o.HandlingBasis);
            var key = (family.GetValueOrDefault(o.Process, o.Process), o.Task);
            if (ActivityKindFixture.Labels.TryGetValue(key, out var label))
            {
                Assert.True(label.IsTask(), $"{o.Process}/{o.Task} is recommended but labelled {label}");
            }
        }

        Assert.All(report.Opportunities.Where(o => o.HandlingBasis == HandlingTimeBasis.Assumed), o => Assert.Equal(Recommendation.NeedsData, o.Recommendation));
        var assumed = Assert.Single(report.BenefitByBasis, b => b.Basis == HandlingTimeBasis.Assumed);
        Assert.True(assumed.ShareOfRecommendedBenefit <= 0.2);
        Assert.Equal(1, report.BenefitByBasis.Sum(b => b.ShareOfRecommendedBenefit), 6);
        var submitted = Assert.Single(report.Context, c => c.Task == "A_SUBMITTED");
        Assert.False(submitted.Kind.IsTask());
        Assert.Contains(report.Context, c => c.Task == "A_DECLINED" && c.DecidedBy.Contains("W_Afhandelen leads"));
        Assert.Contains(report.Context, c => c.Task == "Leucocytes" && c.Kind == ActivityKind.Measurement);
    }

    /// <summary>
    /// BPIC 2013 records only the statuses an incident passes through ("Accepted (In Progress)", "Queued (Awaiting
    /// Assignment)", "Completed (Closed)"): no status names a task a consultant could propose to automate, so nothing of
    /// the log is ranked; the active status is context with its volume and time in status.
    /// </summary>
    [Fact]
    public async Task RunAsync_Bpic2013Incidents_StatusesAreContextNotOpportunities()
    {
        var report = await Pipeline().RunAsync([ScanInput.FromFile(TestFiles.EventLog("07_bpic2013_incidents.xes.gz"))], "i", TestContext.Current.CancellationToken);

        Assert.DoesNotContain(report.Opportunities, o => o.Task == "Accepted (In Progress)");
        var inProgress = Assert.Single(report.Context, c => c.Task == "Accepted (In Progress)");
        Assert.Equal(ActivityKind.State, inProgress.Kind);
        Assert.Contains(report.Context, c => c.Task == "Queued (Awaiting Assignment)" && c.Kind == ActivityKind.Wait);
    }

    [Fact]
    public async Task RunAsync_HelpdeskSample_IdleTimeIsNotHandlingAndWaitIsNotWork()
    {
        var report = await Pipeline().RunAsync(
            [ScanInput.FromFile(TestFiles.Sample("helpdesk.xes.gz")), ScanInput.FromFile(TestFiles.Sample("helpdesk-ticket-handling-sop.md"))], "h",
            TestContext.Current.CancellationToken);

        var wait = Assert.Single(report.Context, c => c.Task == "Wait");
        Assert.Equal(ActivityKind.Wait, wait.Kind);
        Assert.Contains(wait.KindEvidence, e => e.Source == KindSignalSources.Document && e.Kind == ActivityKind.Wait);

        // Hours between a person's logged events are not hours of work on the ticket.
        foreach (var name in new[] { "Take in charge ticket", "Resolve ticket" })
        {
            var o = Assert.Single(report.Opportunities, o => o.Task == name);
            Assert.Equal(Recommendation.NeedsData, o.Recommendation);
            Assert.Equal(HandlingTimeBasis.Assumed, o.HandlingBasis);
            Assert.True(o.HandlingSeconds <= o.Statistics!.Plausibility.CapacitySecondsPerExecution, $"{name}: {o.HandlingSeconds} s");
        }

        // Nothing sized only on an assumption ranks above what the data sizes.
        var firstNeedsData = report.Opportunities.FirstOrDefault(o => o.Recommendation == Recommendation.NeedsData)?.Rank ?? int.MaxValue;
        Assert.All(report.Opportunities.Where(o => o.Recommendation != Recommendation.NeedsData && !o.Risk.IsProhibited), o => Assert.True(o.Rank < firstNeedsData));
    }

    [Fact]
    public async Task RunAsync_ReviewingLog_DaysOfElapsedTimeAreNotMeasuredHandling()
    {
        var report = await Pipeline().RunAsync([ScanInput.FromFile(TestFiles.EventLog("04_reviewing.xes.gz"))], "r", TestContext.Current.CancellationToken);

        foreach (var name in new[] { "accept", "reject", "invite additional reviewer" })
        {
            var o = Assert.Single(report.Opportunities, o => o.Task == name);
            Assert.Equal(HandlingTimeMethod.ResourceCapacity, o.HandlingTime.Method);
            Assert.Equal(Recommendation.NeedsData, o.Recommendation);
            Assert.True(o.HandlingSeconds <= 8 * 3600, $"{name}: {o.HandlingSeconds} s");
        }
    }

    [Fact]
    public async Task RunAsync_KindOverride_WinsAndIsStatedAsEvidence()
    {
        var scoring = new ScoringOptions { KindOverrides = ["decide=system", "running-example::pay compensation=requester"] };

        var report = await Pipeline(scoring).RunAsync([ScanInput.FromFile(TestFiles.Sample("running-example.xes"))], "o", TestContext.Current.CancellationToken);

        var decide = Assert.Single(report.Context, c => c.Task == "decide");
        Assert.Equal(ActivityKind.System, decide.Kind);
        Assert.Equal(KindSignalSources.Override, decide.KindEvidence[0].Source);
        Assert.Equal(ActivityKind.Requester, Assert.Single(report.Context, c => c.Task == "pay compensation").Kind);
        Assert.DoesNotContain(report.Opportunities, o => o.Task is "decide" or "pay compensation");
    }

    [Theory]
    [InlineData("A_SUBMITTED")]
    [InlineData("A_SUBMITTED=robot")]
    [InlineData("=system")]
    [InlineData("A_SUBMITTED=7")]
    public void ParseOverride_Malformed_NamesTheText(string text)
    {
        var error = Assert.Throws<FormatException>(() => ActivityKindResolver.ParseOverride(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }
}
