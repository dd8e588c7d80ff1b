using System.Net;
using Azure;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Functions.Tests.Storage;

/// <summary>The storage adapters (AutomationScanner.Azure/Storage) against Azurite, below the handler.</summary>
public sealed class StorageAdapterTests(ScannerEnvironment env)
{
    private sealed class ShiftedTime(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
    }

    private ScanScheduler Scheduler(TimeSpan delay, TimeProvider? time = null) =>
        new(env.Storage, Options.Create(new ScanSchedulingOptions { CoalesceDelay = delay }),
            time ?? TimeProvider.System, NullLogger<ScanScheduler>.Instance);

    private ReportStore Reports() => new(env.Storage, NullLogger<ReportStore>.Instance);

    [Fact]
    public async Task ScheduleAfterUploadAsync_CoalesceDelay_KeepsTheRequestInvisibleUntilTheBurstIsOver()
    {
        await env.ClearQueuesAsync();
        var sut = Scheduler(TimeSpan.FromHours(1));

        var scheduled = await sut.ScheduleAfterUploadAsync(ScannerEnvironment.NewEngagement("delay"), TestContext.Current.CancellationToken);

        Assert.True(scheduled);
        Assert.Empty((await env.Storage.ScanRequests.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value);
        Assert.Equal(1, (await env.Storage.ScanRequests.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task ScheduleAfterUploadAsync_MarkerOlderThanPendingTimeout_SchedulesAgain()
    {
        await env.ClearQueuesAsync();
        var engagement = ScannerEnvironment.NewEngagement("stale");
        Assert.True(await Scheduler(TimeSpan.Zero).ScheduleAfterUploadAsync(engagement, TestContext.Current.CancellationToken));
        Assert.False(await Scheduler(TimeSpan.Zero).ScheduleAfterUploadAsync(engagement, TestContext.Current.CancellationToken));
        var sut = Scheduler(TimeSpan.Zero, new ShiftedTime(TimeSpan.FromHours(2)));

        var scheduled = await sut.ScheduleAfterUploadAsync(engagement, TestContext.Current.CancellationToken);

        Assert.True(scheduled);
        Assert.Equal(2, (await env.DrainScanRequestsAsync()).Count);
    }

    [Fact]
    public async Task PointLatestAsync_OlderScanFinishingLast_LeavesTheNewerOne()
    {
        var engagement = ScannerEnvironment.NewEngagement("race");
        var sut = Reports();
        var newer = Manifest(engagement, new DateTimeOffset(2026, 11, 23, 6, 0, 10, TimeSpan.Zero));
        var older = Manifest(engagement, new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));

        Assert.True(await sut.PointLatestAsync(newer, TestContext.Current.CancellationToken));
        var moved = await sut.PointLatestAsync(older, TestContext.Current.CancellationToken);

        Assert.False(moved);
        Assert.Equal(newer.ScanId, (await sut.ReadLatestAsync(engagement, TestContext.Current.CancellationToken))!.ScanId);
    }

    [Fact]
    public async Task SnapshotAsync_BlobReplacedAfterListing_ReadFailsInsteadOfMixingVersions()
    {
        var engagement = ScannerEnvironment.NewEngagement("swap");
        await env.UploadSampleAsync(engagement, "running-example.xes");
        var snapshot = await new ExportCatalog(env.Storage).SnapshotAsync(engagement, TestContext.Current.CancellationToken);
        await env.UploadTextAsync(engagement, "running-example.xes", "<log/>");

        var failure = await Assert.ThrowsAsync<RequestFailedException>(async () =>
        {
            await using var stream = await snapshot.Inputs[0].OpenAsync(TestContext.Current.CancellationToken);
            await stream.ReadExactlyAsync(new byte[16], TestContext.Current.CancellationToken);
        });
        Assert.Equal((int)HttpStatusCode.PreconditionFailed, failure.Status);
    }

    [Fact]
    public async Task SnapshotAsync_OnlyThisEngagement_SkipsOtherPrefixesAndHiddenFiles()
    {
        var engagement = ScannerEnvironment.NewEngagement("scope");
        await env.UploadSampleAsync(engagement, "running-example.xes", "a/log.xes");
        await env.UploadTextAsync(engagement, ".hidden/x.csv", "a,b");
        await env.UploadSampleAsync(engagement + "x", "running-example.xes");

        var snapshot = await new ExportCatalog(env.Storage).SnapshotAsync(engagement, TestContext.Current.CancellationToken);

        Assert.Equal(["a/log.xes"], snapshot.Blobs.Select(b => b.Name));
    }

    [Fact]
    public void Fingerprint_RequestKey_ChangesItButOrderDoesNot()
    {
        ExportBlob a = new("a.csv", "e/a.csv", 10, "\"0x1\"", null);
        ExportBlob b = new("b.xes", "e/b.xes", 20, "\"0x2\"", "q1w2e3==");
        var sut = new ExportSnapshot("e", [a, b], []);

        Assert.Equal(sut.Fingerprint(null), new ExportSnapshot("e", [b, a], []).Fingerprint(null));
        Assert.NotEqual(sut.Fingerprint(null), sut.Fingerprint("weekly-2026-11-23"));
        Assert.NotEqual(sut.Fingerprint(null), new ExportSnapshot("e", [a, b with { Size = 21 }], []).Fingerprint(null));
        Assert.Equal(sut.Fingerprint(null), new ExportSnapshot("e", [a, b with { ETag = "\"0x9\"" }], []).Fingerprint(null));
        Assert.Matches("^[0-9a-f]{64}$", sut.Fingerprint(null));
    }

    [Theory]
    [InlineData("acme", true)]
    [InlineData("a1-b2", true)]
    [InlineData("a", false)]
    [InlineData("Acme", false)]
    [InlineData("-acme", false)]
    [InlineData("..", false)]
    [InlineData("acme/..", false)]
    [InlineData("acme.prod", false)]
    [InlineData("acme%2F", false)]
    public void IsValid_Name_FollowsTheRule(string name, bool expected) => Assert.Equal(expected, EngagementName.IsValid(name));

    private static ScanManifest Manifest(string engagement, DateTimeOffset at) => new()
    {
        Engagement = engagement,
        ScanId = ScanId.Create(at, new string('a', 64)),
        GeneratedAt = at,
        Fingerprint = new string('a', 64),
        Reason = ScanRequest.Upload,
        Inputs = [],
        Formats = new Dictionary<string, string> { ["json"] = "report.json" },
        Opportunities = 0,
    };

    [Fact]
    public void ReportFormat_Names_AreTheOnesTheApiAndCliAccept()
    {
        Assert.All(ReportFormat.All, f => Assert.Contains(f.Name, ReportFormat.KnownNames));
        Assert.Equal(ReportFormat.Json, ReportFormat.Find("JSON"));
        Assert.Null(ReportFormat.Find("exe"));
    }
}
