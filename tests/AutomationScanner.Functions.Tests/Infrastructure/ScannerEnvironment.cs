using System.Globalization;
using System.Reflection;
using System.Text.Json;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Api;
using AutomationScanner.Functions.Scanning;
using AutomationScanner.Functions.Triggers;
using AutomationScanner.Testing;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(AutomationScanner.Functions.Tests.Infrastructure.ScannerEnvironment))]

// The tests share one Azurite and its queues; running them one at a time keeps each test's queue assertions its own.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace AutomationScanner.Functions.Tests.Infrastructure;

/// <summary>
/// Everything the functions run on, without the Functions host: Azurite, the worker's own composition
/// (<see cref="FunctionsComposition.AddScannerFunctions"/>) in an ASP.NET Core app on a loopback port whose routes are
/// the HTTP functions' [HttpTrigger] routes, and the scan orchestration with its activities in DurableTaskTestHost.
/// Queue and timer functions are called directly with the values their triggers would bind.
/// </summary>
public sealed class ScannerEnvironment : IAsyncLifetime
{
    /// <summary>The test host's sidecar logs every gRPC call at Information; warnings are enough.</summary>
    private static readonly ILoggerFactory QuietLogs = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));

    private Azurite? azurite;
    private WebApplication? app;

    public HttpClient Http { get; private set; } = null!;

    public ScannerStorageClients Storage { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    public DurableTaskTestHost Durable { get; private set; } = null!;

    public string ConnectionString => azurite!.ConnectionString;

    public TriggerFunctions Triggers => ActivatorUtilities.CreateInstance<TriggerFunctions>(Services);

    public async ValueTask InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        (app, Http) = await StartAppAsync(ConnectionString);
        Storage = app.Services.GetRequiredService<ScannerStorageClients>();
        await Storage.EnsureCreatedAsync(CancellationToken.None);
        Durable = await StartDurableAsync(app.Services);
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Durable is not null)
        {
            await Durable.DisposeAsync();
        }

        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>The orchestration and its activities, as the worker registers them, on services of <paramref name="services"/>.</summary>
    /// <param name="services">The worker's services.</param>
    /// <param name="activities">The activities to run; null takes the registered ones.</param>
    /// <param name="finish">Stands in for the last step (a test makes it fail); null runs the real one.</param>
    public static Task<DurableTaskTestHost> StartDurableAsync(IServiceProvider services, ScanActivities? activities = null, Func<FinishWork, Task<ScanResult>>? finish = null)
    {
        activities ??= services.GetRequiredService<ScanActivities>();
        finish ??= work => activities.FinishAsync(work, CancellationToken.None);
        return StartOnAFreePortAsync(port => DurableTaskTestHost.StartAsync(tasks =>
        {
            tasks.AddOrchestratorFunc<ScanRequest, ScanResult>(ScanOrchestration.Orchestrator, (context, request) => ScanOrchestration.RunAsync(context, request));
            tasks.AddActivityFunc<ScanRequest, ScanPlan>(ScanOrchestration.BeginScan, (_, request) => activities.BeginAsync(request, CancellationToken.None));
            tasks.AddActivityFunc<PlanExportWork, List<Core.Ingestion.ExportChunk>>(ScanOrchestration.PlanExport, (_, work) => activities.PlanAsync(work, CancellationToken.None));
            tasks.AddActivityFunc<MineChunkWork, ChunkOutcome>(ScanOrchestration.MineChunk, (_, work) => activities.MineAsync(work, CancellationToken.None));
            tasks.AddActivityFunc<FinishWork, ScanResult>(ScanOrchestration.FinishScan, (_, work) => finish(work));
            tasks.AddActivityFunc<DiscardWork>(ScanOrchestration.DiscardScanWork, (_, work) => activities.DiscardAsync(work, CancellationToken.None));
        }, new DurableTaskTestHostOptions { LoggerFactory = QuietLogs, Port = port }));
    }

    /// <summary>
    /// Starts a server on a free loopback port, and again on another one when the port was taken between being found free
    /// and being bound (the other test projects' Azurite and loopback servers run in processes of their own at the same time).
    /// </summary>
    /// <param name="start">Starts the server on the port it is given.</param>
    /// <param name="nextPort">The port of each try; null takes a free one each time.</param>
    public static async Task<T> StartOnAFreePortAsync<T>(Func<int, Task<T>> start, Func<int>? nextPort = null)
    {
        nextPort ??= () => Azurite.FreePorts(1)[0];
        const int Tries = 8;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(nextPort());
            }
            catch (Exception e) when (attempt < Tries && IsAddressInUse(e))
            {
            }
        }
    }

    private static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.AspNetCore.Connections.AddressInUseException
                || e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The worker's services in an ASP.NET Core app that serves every [HttpTrigger] of <see cref="ReportApi"/> at
    /// <c>/api/{Route}</c> and runs the function's IActionResult as the worker's ASP.NET Core integration does.
    /// Extra settings come as "key=value".
    /// </summary>
    public static Task<(WebApplication App, HttpClient Client)> StartAppAsync(string connectionString, params string[] settings) =>
        StartOnAFreePortAsync(port => StartAppOnAsync(port, connectionString, settings));

    private static async Task<(WebApplication App, HttpClient Client)> StartAppOnAsync(int port, string connectionString, string[] settings)
    {
        string[] args =
        [
            $"--urls=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            $"--ScannerStorage={connectionString}",
            "--ScanScheduling:CoalesceDelay=00:00:00",
            "--ScanFanOut:PartBytes=1048576",
            // App Service Authentication on, as in a deployment with sign-in: only then is X-MS-CLIENT-PRINCIPAL trusted.
            "--WEBSITE_AUTH_ENABLED=true",
            .. settings.Select(s => "--" + s),
        ];
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddScannerFunctions();
        var web = builder.Build();
        foreach (var (method, trigger) in HttpFunctions())
        {
            web.MapMethods("/api/" + trigger.Route, trigger.Methods!.Select(m => m.ToUpperInvariant()), (HttpContext http) => InvokeAsync(method, http));
        }

        try
        {
            await web.StartAsync();
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }

        return (web, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") });
    }

    /// <summary>Every HTTP-triggered [Function] method of the app with its [HttpTrigger] attribute.</summary>
    public static IEnumerable<(MethodInfo Method, HttpTriggerAttribute Trigger)> HttpFunctions() =>
        typeof(ReportApi).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => (Method: m, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(a => a is not null)))
            .Where(f => f.Trigger is not null)
            .Select(f => (f.Method, f.Trigger!));

    private static async Task InvokeAsync(MethodInfo method, HttpContext http)
    {
        var api = ActivatorUtilities.CreateInstance(http.RequestServices, method.DeclaringType!);
        var args = method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => http.Request,
            var t when t == typeof(CancellationToken) => http.RequestAborted,
            var t when t == typeof(string) => (object?)http.GetRouteValue(p.Name!)?.ToString(),
            _ => throw new InvalidOperationException($"{method.Name}: no binding for parameter {p.Name}"),
        }).ToArray();
        var result = await (Task<IActionResult>)method.Invoke(api, args)!;
        await result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
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
        var blobName = $"{engagement}/{name ?? Path.GetFileName(sample)}";
        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", sample.Contains('/', StringComparison.Ordinal) ? sample : Path.Combine("samples", sample)));
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

    /// <summary>RunScan with a queue message's text, then the orchestration it started, to its end.</summary>
    public async Task<OrchestrationMetadata> RunScanAsync(string message)
    {
        var outcome = await Triggers.RunScanAsync(message, Durable.Client, TestContext.Current.CancellationToken);
        var id = ScanOrchestration.InstanceId(ScanRequest.Parse(JsonDocument.Parse(message).RootElement));
        Assert.Contains(id, outcome, StringComparison.Ordinal);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3)); // a loaded CI machine, not a benchmark
        return await Durable.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>A request message as the scheduler enqueues it.</summary>
    public static string Request(string engagement, string reason = ScanRequest.Upload, string? key = null) =>
        new ScanRequest(engagement, reason, key, DateTimeOffset.UtcNow).ToJson();
}
