using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Tracking;
using AutomationScanner.Functions.Tests.Infrastructure;

namespace AutomationScanner.Functions.Tests.Api;

/// <summary>
/// POST /api/engagements/{e}/opportunities/{id}/status end to end on Azurite: mark from the latest scan, replace the
/// export (same name) with one where a bot does half of the task, rescan, and read the realised benefit.
/// </summary>
public sealed class OpportunityStatusApiTests(ScannerEnvironment env)
{
    private const string Task = "T05 Print and send confirmation of receipt";

    private async Task<ScanManifest> ScanAsync(string engagement)
    {
        var run = await env.RunScanAsync(ScannerEnvironment.Request(engagement, key: Guid.NewGuid().ToString("N")));
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        return (await env.LatestAsync(engagement))!;
    }

    private async Task<JsonElement> ReportAsync(string engagement, string scanId)
    {
        var content = await env.Storage.Reports.GetBlobClient($"{engagement}/{scanId}/report.json").DownloadContentAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(content.Value.Content.ToString()).RootElement;
    }

    private Task<HttpResponseMessage> PostAsync(string engagement, string id, object body, string? principal = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/engagements/{engagement}/opportunities/{id}/status")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        if (principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        }

        return env.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Mark_ThenRescanWithBot_ReportsRealisedBenefitAgainstTheBaseline()
    {
        var ct = TestContext.Current.CancellationToken;
        var engagement = ScannerEnvironment.NewEngagement("realise");
        await env.UploadSampleAsync(engagement, "receipt.csv.gz");
        var first = await ScanAsync(engagement);
        var report = await ReportAsync(engagement, first.ScanId);
        var id = report.GetProperty("opportunities").EnumerateArray().Single(o => o.GetProperty("task").GetString() == Task).GetProperty("id").GetString()!;

        using var marked = await PostAsync(engagement, id, new { status = "automated" });

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var mark = await marked.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("automated", mark.GetProperty("status").GetString());
        Assert.Equal(first.ScanId, mark.GetProperty("baseline").GetProperty("scanId").GetString());
        Assert.True(await env.Storage.Reports.GetBlobClient(BlobOpportunityStatusStore.BlobName(engagement)).ExistsAsync(ct));

        await UploadWithBotAsync(engagement);
        var second = await ScanAsync(engagement);
        var realisation = (await ReportAsync(engagement, second.ScanId)).GetProperty("realisation");

        var track = Assert.Single(realisation.GetProperty("tracks").EnumerateArray());
        Assert.Equal(id, track.GetProperty("opportunityId").GetString());
        var points = track.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([first.ScanId, second.ScanId], points.Select(p => p.GetProperty("scanId").GetString()));
        Assert.Equal(0, points[0].GetProperty("automationRate").GetDouble());
        Assert.InRange(points[1].GetProperty("automationRate").GetDouble(), 0.4, 0.6);
        Assert.True(track.GetProperty("realisedHoursPerYear").GetDouble() > 0);
        Assert.Equal("automated", Assert.Single(realisation.GetProperty("statuses").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Mark_InvalidRequests_AreRefusedAndStoreNothing()
    {
        var engagement = ScannerEnvironment.NewEngagement("refuse");
        await env.UploadSampleAsync(engagement, "running-example.xes");
        var scan = await ScanAsync(engagement);
        var id = (await ReportAsync(engagement, scan.ScanId)).GetProperty("opportunities")[0].GetProperty("id").GetString()!;

        using var noReason = await PostAsync(engagement, id, new { status = "rejected" });
        using var badStatus = await PostAsync(engagement, id, new { status = "done" });
        using var unknownId = await PostAsync(engagement, "0000000000000000", new { status = "piloting" });
        using var otherEngagement = await PostAsync(engagement, id, new { status = "piloting" }, HostPayloads.Principal(("roles", "Engagement.someone-else")));
        using var badName = await PostAsync("ACME", id, new { status = "piloting" });
        using var noScan = await PostAsync(ScannerEnvironment.NewEngagement("empty"), id, new { status = "piloting" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownId.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherEngagement.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noScan.StatusCode);
        Assert.False(await env.Storage.Reports.GetBlobClient(BlobOpportunityStatusStore.BlobName(engagement)).ExistsAsync(TestContext.Current.CancellationToken));

        using var rejected = await PostAsync(engagement, id, new { status = "rejected", reason = "the ERP upgrade removes the step" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var marks = await new BlobOpportunityStatusStore(env.Storage).ReadAsync(engagement, TestContext.Current.CancellationToken);
        Assert.Equal((OpportunityStatus.Rejected, "the ERP upgrade removes the step"), (marks.Marks[0].Status, marks.Marks[0].Reason));
    }

    /// <summary>The same export name with half of T05's cases (even case numbers) done by a bot.</summary>
    private async Task UploadWithBotAsync(string engagement)
    {
        using var source = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "samples", "receipt.csv.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(source);
        var lines = (await reader.ReadToEndAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimEnd('\r').Split(',');
        var (caseColumn, activity, resource) = (Array.IndexOf(header, "case:concept:name"), Array.IndexOf(header, "concept:name"), Array.IndexOf(header, "org:resource"));
        var output = new StringBuilder().Append(lines[0].TrimEnd('\r')).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            var fields = line.TrimEnd('\r').Split(',');
            if (fields[activity] == Task && int.Parse(fields[caseColumn].AsSpan("case-".Length), System.Globalization.CultureInfo.InvariantCulture) % 2 == 0)
            {
                fields[resource] = "RPA-Bot-01";
            }

            output.AppendJoin(',', fields).Append('\n');
        }

        using var gz = new MemoryStream();
        await using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            await zip.WriteAsync(Encoding.UTF8.GetBytes(output.ToString()), TestContext.Current.CancellationToken);
        }

        await env.Storage.Exports.GetBlobClient($"{engagement}/receipt.csv.gz").UploadAsync(new BinaryData(gz.ToArray()), overwrite: true, TestContext.Current.CancellationToken);
    }
}
