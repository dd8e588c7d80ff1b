using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Testing;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(AutomationScanner.Functions.Tests.Infrastructure.ScannerEnvironment))]

// The tests share one Azurite and its queues; running them one at a time keeps each test's queue assertions its own.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace AutomationScanner.Functions.Tests.Infrastructure;

/// <summary>
/// Azurite plus the real handler, listening on a free loopback port exactly as the Functions host would start it
/// (FUNCTIONS_CUSTOMHANDLER_PORT). Tests talk to it over HTTP with the host's payloads and look at storage directly.
/// </summary>
public sealed class ScannerEnvironment : IAsyncLifetime
{
    private Azurite? azurite;
    private WebApplication? handler;

    public HttpClient Http { get; private set; } = null!;

    public ScannerStorageClients Storage { get; private set; } = null!;

    public IServiceProvider Services => handler!.Services;

    public string ConnectionString => azurite!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        (handler, Http) = await StartHandlerAsync(ConnectionString);
        Storage = handler.Services.GetRequiredService<ScannerStorageClients>();
        await Storage.EnsureCreatedAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (handler is not null)
        {
            await handler.StopAsync();
            await handler.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>Starts a handler; extra settings (e.g. EngagementAccess:RequirePrincipal=true) come as "key=value".</summary>
    public static async Task<(WebApplication App, HttpClient Client)> StartHandlerAsync(string connectionString, params string[] settings)
    {
        var port = Azurite.FreePorts(1)[0];
        string[] args =
        [
            $"--{ScannerHandler.PortVariable}={port.ToString(CultureInfo.InvariantCulture)}",
            $"--ScannerStorage={connectionString}",
            "--ScanScheduling:CoalesceDelay=00:00:00",

            // As App Service sets it when App Service Authentication is on; without it principal headers are ignored.
            "--WEBSITE_AUTH_ENABLED=true",
            .. settings.Select(s => "--" + s),
        ];
        var app = ScannerHandler.Build(args, b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") });
    }

    /// <summary>A fresh engagement name per test, so tests never see each other's blobs.</summary>
    public static string NewEngagement(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];

    public async Task ClearQueuesAsync()
    {
        await Storage.ScanRequests.ClearMessagesAsync();
        await Storage.ExportEvents.ClearMessagesAsync();
    }

    /// <summary>Uploads a shipped sample to <c>exports/{engagement}/{name}</c> and returns the blob name.</summary>
    public async Task<string> UploadSampleAsync(string engagement, string sample, string? name = null)
    {
        var blobName = $"{engagement}/{name ?? sample}";
        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "samples", sample));
        await Storage.Exports.GetBlobClient(blobName).UploadAsync(file, overwrite: true);
        return blobName;
    }

    public async Task UploadTextAsync(string engagement, string name, string content) =>
        await Storage.Exports.GetBlobClient($"{engagement}/{name}").UploadAsync(BinaryData.FromString(content), overwrite: true);

    /// <summary>Every blob name under <c>reports/{engagement}/</c>.</summary>
    public async Task<List<string>> ReportBlobsAsync(string engagement)
    {
        var names = new List<string>();
        await foreach (var blob in Storage.Reports.GetBlobsAsync(new GetBlobsOptions { Prefix = engagement + "/" }))
        {
            names.Add(blob.Name);
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>Receives (and deletes) every visible scan request; the decoded message texts.</summary>
    public async Task<List<string>> DrainScanRequestsAsync()
    {
        var texts = new List<string>();
        while (true)
        {
            var batch = (await Storage.ScanRequests.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                return texts;
            }

            foreach (var message in batch)
            {
                texts.Add(message.Body.ToString());
                await Storage.ScanRequests.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    public async Task<ScanManifest?> LatestAsync(string engagement)
    {
        var blob = Storage.Reports.GetBlobClient(StorageNames.LatestBlob(engagement));
        return await blob.ExistsAsync() ? (await blob.DownloadContentAsync()).Value.Content.ToObjectFromJson<ScanManifest>(ScanManifest.JsonOptions) : null;
    }

    public Task<HttpResponseMessage> InvokeAsync(string function, string body) =>
        Http.PostAsync(function, new StringContent(body, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
