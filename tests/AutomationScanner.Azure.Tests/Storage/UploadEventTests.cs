using System.Text;
using AutomationScanner.Azure.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Azure.Tests.Storage;

/// <summary>A forged upload message naming thousands of engagements schedules nothing for engagements without exports.</summary>
public sealed class UploadEventTests(StorageFixture env) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task ScheduleUploads_FakeEngagements_DroppedAndRealOneScheduled()
    {
        var ct = TestContext.Current.CancellationToken;
        var real = StorageFixture.NewEngagement("real");
        await env.UploadAsync(real, "p2p.csv", Encoding.UTF8.GetBytes("case,activity,timestamp\nc1,A,2024-01-01T00:00:00Z\n"));
        await env.Storage.ScanRequests.ClearMessagesAsync(ct);
        var scheduler = new ScanScheduler(env.Storage, Options.Create(new ScanSchedulingOptions { CoalesceDelay = TimeSpan.Zero }), TimeProvider.System, NullLogger<ScanScheduler>.Instance);
        var names = Enumerable.Range(0, 2000).Select(i => $"ghost-{i:0000}").Append(real).Append("Not Valid!");

        var lines = await scheduler.ScheduleUploadsAsync(names, new ExportCatalog(env.Storage), maxEngagements: 2500, ct);

        var messages = (await env.Storage.ScanRequests.ReceiveMessagesAsync(32, cancellationToken: ct)).Value;
        var request = Assert.Single(messages);
        Assert.Contains(real, request.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal(2000, lines.Count(l => l.Contains("no exports in storage; upload event dropped", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l == $"Engagement {real}: scan scheduled.");
    }

    [Fact]
    public async Task ScheduleUploads_MoreEngagementsThanTheCap_LooksAtTheCapOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var scheduler = new ScanScheduler(env.Storage, Options.Create(new ScanSchedulingOptions()), TimeProvider.System, NullLogger<ScanScheduler>.Instance);

        var lines = await scheduler.ScheduleUploadsAsync(Enumerable.Range(0, 500).Select(i => $"many-{i:000}"), new ExportCatalog(env.Storage), maxEngagements: 50, ct);

        Assert.Contains("only the first 50", lines[0], StringComparison.Ordinal);
        Assert.Equal(51, lines.Count);
    }
}
