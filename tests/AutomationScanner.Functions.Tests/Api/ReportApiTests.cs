using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Tests.Infrastructure;

namespace AutomationScanner.Functions.Tests.Api;

/// <summary>The HTTP functions through ASP.NET Core: real requests to /api/{route} with the query string and headers the host passes on.</summary>
public sealed class ReportApiTests(ScannerEnvironment env)
{
    private async Task<ScanManifest> PublishAsync(string engagement)
    {
        await env.UploadSampleAsync(engagement, "running-example.xes");
        var run = await env.RunScanAsync(ScannerEnvironment.Request(engagement));
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        return (await env.LatestAsync(engagement))!;
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? principal = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-functions-key", "forwarded-by-the-host");
        if (principal is not null)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
        }

        return env.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("json", "application/json; charset=utf-8", "report.json")]
    [InlineData("csv", "text/csv; charset=utf-8", "report.csv")]
    [InlineData("html", "text/html; charset=utf-8", "report.html")]
    [InlineData("md", "text/markdown; charset=utf-8", "report.md")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "report.xlsx")]
    public async Task Download_LatestInFormat_StreamsThePublishedBlob(string format, string contentType, string blobFile)
    {
        var engagement = ScannerEnvironment.NewEngagement("dl");
        var scan = await PublishAsync(engagement);

        using var response = await GetAsync($"api/engagements/{engagement}/reports/latest?format={format}&code=abc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal(scan.ScanId, response.Headers.GetValues("X-Scan-Id").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"{engagement}-{scan.ScanId}-{blobFile}", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var expected = (await env.Storage.Reports.GetBlobClient($"{engagement}/{scan.ScanId}/{blobFile}").DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray();
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Download_GivenScanIdWithoutFormat_ServesJson()
    {
        var engagement = ScannerEnvironment.NewEngagement("byid");
        var scan = await PublishAsync(engagement);

        using var response = await GetAsync($"api/engagements/{engagement}/reports/{scan.ScanId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(scan.ScanId, report.GetProperty("scanId").GetString());
    }

    [Theory]
    [InlineData("api/engagements/acme/reports/latest?format=exe", HttpStatusCode.BadRequest)]
    [InlineData("api/engagements/acme/reports/..%2F..%2Flatest", HttpStatusCode.BadRequest)]
    [InlineData("api/engagements/acme/reports/20261123T060000Z-0123456789ab", HttpStatusCode.NotFound)]
    [InlineData("api/engagements/never-scanned-engagement/reports/latest", HttpStatusCode.NotFound)]
    [InlineData("api/engagements/..%2Fexports/scans", HttpStatusCode.BadRequest)]
    [InlineData("api/engagements/ACME/scans", HttpStatusCode.BadRequest)]
    [InlineData("api/engagements/a/scans", HttpStatusCode.BadRequest)]
    [InlineData("api/engagements/acme.prod/reports/latest", HttpStatusCode.BadRequest)]
    public async Task Request_BadNameOrMissingScan_IsRefusedWithoutCrossingEngagements(string path, HttpStatusCode expected)
    {
        using var response = await GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Scans_WithPrincipalForOtherEngagement_Answers403()
    {
        var mine = ScannerEnvironment.NewEngagement("mine");
        var theirs = ScannerEnvironment.NewEngagement("theirs");
        await PublishAsync(theirs);
        var principal = HostPayloads.Principal(("roles", "Engagement." + mine));

        using var scans = await GetAsync($"api/engagements/{theirs}/scans", principal);
        using var download = await GetAsync($"api/engagements/{theirs}/reports/latest?format=csv", principal);

        Assert.Equal(HttpStatusCode.Forbidden, scans.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
    }

    [Fact]
    public async Task Engagements_WithPrincipal_ListsOnlyGrantedEngagements()
    {
        var granted = ScannerEnvironment.NewEngagement("granted");
        var hidden = ScannerEnvironment.NewEngagement("hidden");
        await env.UploadSampleAsync(granted, "running-example.xes");
        await env.UploadSampleAsync(hidden, "running-example.xes");

        using var withRole = await GetAsync("api/engagements", HostPayloads.Principal(("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "Engagement." + granted)));
        using var withoutPrincipal = await GetAsync("api/engagements");

        var listed = (await withRole.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("engagements").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal([granted], listed);
        var all = (await withoutPrincipal.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("engagements").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(granted, all);
        Assert.Contains(hidden, all);
    }

    [Fact]
    public async Task Scans_WithAdminRole_ListsScansAndMarksLatest()
    {
        var engagement = ScannerEnvironment.NewEngagement("admin");
        var scan = await PublishAsync(engagement);

        using var response = await GetAsync($"api/engagements/{engagement}/scans", HostPayloads.Principal(("roles", "Scanner.Admin")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scans = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("scans");
        var only = Assert.Single(scans.EnumerateArray());
        Assert.Equal(scan.ScanId, only.GetProperty("scanId").GetString());
        Assert.True(only.GetProperty("latest").GetBoolean());
    }

    [Fact]
    public async Task Request_UnreadablePrincipal_Answers401()
    {
        using var response = await GetAsync("api/engagements/acme/scans", Convert.ToBase64String(Encoding.UTF8.GetBytes("{not json")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Rescan_ExistingEngagement_Answers202AndQueuesManualRescan()
    {
        var engagement = ScannerEnvironment.NewEngagement("manual");
        await env.UploadSampleAsync(engagement, "running-example.xes");
        await env.ClearQueuesAsync();

        using var response = await env.Http.PostAsync($"api/engagements/{engagement}/rescan", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var request = ScanRequest.Parse(JsonDocument.Parse(Assert.Single(await env.DrainScanRequestsAsync())).RootElement);
        Assert.Equal(engagement, request.Engagement);
        Assert.Equal(ScanRequest.Manual, request.Reason);
        Assert.StartsWith("manual-", request.RequestKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescan_EngagementWithoutExports_Answers404AndQueuesNothing()
    {
        await env.ClearQueuesAsync();

        using var response = await env.Http.PostAsync("api/engagements/no-such-engagement/rescan", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await env.DrainScanRequestsAsync());
    }

    [Fact]
    public async Task Health_StorageReachable_AnswersHealthy()
    {
        using var response = await GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Scans_RequirePrincipalAndNoneSent_Answers401()
    {
        var (app, client) = await ScannerEnvironment.StartAppAsync(env.ConnectionString, "EngagementAccess:RequirePrincipal=true");
        await using (app)
        using (client)
        {
            using var anonymous = await client.GetAsync("api/engagements/acme/scans", TestContext.Current.CancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/engagements/acme/scans");
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", HostPayloads.Principal(("roles", "Engagement.acme")));
            using var signedIn = await client.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            await app.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Scans_GroupMappedInSettings_GrantsItsEngagements()
    {
        var (app, client) = await ScannerEnvironment.StartAppAsync(env.ConnectionString, "EngagementAccess:Groups:8f3c1c9e-0000-4000-8000-000000000001=acme, beta");
        await using (app)
        using (client)
        {
            using var beta = new HttpRequestMessage(HttpMethod.Get, "api/engagements/beta/scans");
            beta.Headers.Add("X-MS-CLIENT-PRINCIPAL", HostPayloads.Principal(("groups", "8f3c1c9e-0000-4000-8000-000000000001")));
            using var gamma = new HttpRequestMessage(HttpMethod.Get, "api/engagements/gamma/scans");
            gamma.Headers.Add("X-MS-CLIENT-PRINCIPAL", HostPayloads.Principal(("groups", "8f3c1c9e-0000-4000-8000-000000000001")));

            using var allowed = await client.SendAsync(beta, TestContext.Current.CancellationToken);
            using var refused = await client.SendAsync(gamma, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            await app.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Scans_PrincipalHeaderWithoutPlatformAuthentication_ProvesNothing()
    {
        var theirs = ScannerEnvironment.NewEngagement("forged");
        await PublishAsync(theirs);
        var (app, client) = await ScannerEnvironment.StartAppAsync(env.ConnectionString, "WEBSITE_AUTH_ENABLED=false");
        await using (app)
        using (client)
        {
            // Without App Service Authentication nothing strips the header, so a caller could write any principal:
            // it neither grants nor narrows access; the function key is the gate.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/engagements/{theirs}/scans");
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", HostPayloads.Principal(("roles", "Engagement.someone-else")));
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await app.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task StartAsync_RequirePrincipalWithoutPlatformAuthentication_Fails()
    {
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            ScannerEnvironment.StartAppAsync(env.ConnectionString, "WEBSITE_AUTH_ENABLED=false", "EngagementAccess:RequirePrincipal=true"));

        Assert.Contains("WEBSITE_AUTH_ENABLED", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scans_EngagementEndingInEncodedNewline_Answers400()
    {
        using var response = await GetAsync("api/engagements/acme%0A/scans");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
