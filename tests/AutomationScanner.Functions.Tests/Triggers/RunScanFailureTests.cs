using System.Net;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AutomationScanner.Functions.Tests.Triggers;

/// <summary>
/// The handler's side of retries and poisoning: a failed delivery answers non-2xx (the host retries, and after
/// maxDequeueCount = 5 moves the message to scan-requests-poison); bad input is not a failure: it is reported.
/// </summary>
public sealed class RunScanFailureTests(ScannerEnvironment env)
{
    [Fact]
    public async Task RunScan_EngagementWithOnlyCorruptExports_PublishesAReportThatNamesEveryBadFile()
    {
        // Retrying cannot repair a file: the delivery succeeds, and the report says what to fix (no poisoned message).
        var engagement = ScannerEnvironment.NewEngagement("corrupt");
        await env.UploadTextAsync(engagement, "broken.xes", "<log><trace><event><string key=\"concept:name\" value=\"A\"/>");
        await env.UploadTextAsync(engagement, "notes.csv", "just one column\nnothing else\n");
        var message = new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow).ToJson();

        var response = await env.InvokeAsync("RunScan", HostPayloads.Queue("request", message));
        var again = await env.InvokeAsync("RunScan", HostPayloads.Queue("request", message, 2));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var latest = await env.LatestAsync(engagement);
        Assert.NotNull(latest);
        Assert.All(latest.Inputs, i => Assert.False(i.Read));
        Assert.Contains(latest.Inputs, i => i.Name == "broken.xes" && i.Error!.StartsWith("broken.xes", StringComparison.Ordinal));
        Assert.Single(await env.Services.GetRequiredService<ReportStore>().ListScansAsync(engagement, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("""{"engagement":"../other"}""")]
    [InlineData("""{"reason":"upload"}""")]
    [InlineData("""[1,2]""")]
    public async Task RunScan_InvalidRequest_Answers400AndWritesNothing(string message)
    {
        var before = await env.ReportBlobsAsync("other");

        var response = await env.InvokeAsync("RunScan", HostPayloads.Queue("request", message));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await env.ReportBlobsAsync("other"));
    }

    [Fact]
    public async Task RunScan_BodyWithoutData_Answers400()
    {
        var response = await env.InvokeAsync("RunScan", """{"Metadata":{}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RunScan_EngagementWithoutExports_SucceedsWithoutReport()
    {
        var engagement = ScannerEnvironment.NewEngagement("empty");

        var response = await env.InvokeAsync("RunScan", HostPayloads.Queue("request", new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow).ToJson()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await env.ReportBlobsAsync(engagement));
    }
}
