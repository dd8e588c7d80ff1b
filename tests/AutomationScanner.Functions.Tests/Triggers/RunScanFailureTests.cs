using System.Net;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Tests.Infrastructure;

namespace AutomationScanner.Functions.Tests.Triggers;

/// <summary>
/// The handler's side of retries and poisoning: every failed delivery answers non-2xx (the host retries, and after
/// maxDequeueCount = 5 moves the message to scan-requests-poison) and publishes nothing, not even part of a scan.
/// </summary>
public sealed class RunScanFailureTests(ScannerEnvironment env)
{
    [Fact]
    public async Task RunScan_EngagementWithOnlyCorruptExports_Fails5TimesAndPublishesNothing()
    {
        var engagement = ScannerEnvironment.NewEngagement("corrupt");
        await env.UploadTextAsync(engagement, "broken.xes", "<log><trace><event><string key=\"concept:name\" value=\"A\"/>");
        await env.UploadTextAsync(engagement, "notes.csv", "just one column\nnothing else\n");
        var message = new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow).ToJson();

        for (var delivery = 1; delivery <= 5; delivery++)
        {
            var response = await env.InvokeAsync("RunScan", HostPayloads.Queue("request", message, delivery));

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var logs = (await ScannerEnvironment.JsonAsync(response)).GetProperty("Logs").EnumerateArray().Select(l => l.GetString()!).ToList();
            Assert.Contains(logs, l => l.Contains("no export could be read", StringComparison.Ordinal) && l.Contains("broken.xes", StringComparison.Ordinal));
        }

        Assert.Empty(await env.ReportBlobsAsync(engagement));
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
