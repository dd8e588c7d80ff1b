using System.Reflection;
using System.Text.Json;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Scanning;
using AutomationScanner.Functions.Triggers;

namespace AutomationScanner.Functions.Tests;

/// <summary>
/// The deployable output of the Functions project as the Worker SDK builds it: functions.metadata (what the host
/// indexes), host.json and the host-side extensions. Every function, trigger and binding is checked as deployed.
/// </summary>
public sealed class FunctionsMetadataTests
{
    /// <summary>The Functions project's own build output (same configuration as this test build).</summary>
    private static readonly string Output = FindOutput();

    private static string FindOutput()
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory))!); // bin/{Configuration}/net10.0/
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AutomationScanner.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "src", "AutomationScanner.Functions", "bin", configuration, "net10.0");
    }

    private static Dictionary<string, JsonElement> Functions()
    {
        var path = Path.Combine(Output, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Worker SDK did not generate it");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone(), StringComparer.Ordinal);
    }

    private static List<JsonElement> Bindings(JsonElement function) => [.. function.GetProperty("bindings").EnumerateArray()];

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    [Fact]
    public void FunctionsMetadata_ListsEveryFunctionWithAnEntryPointInTheWorker()
    {
        var functions = Functions();

        Assert.Equal(
            ["BeginScan", "DiscardScanWork", "Engagements", "FinishScan", "Health", "MineChunk", "OpportunityStatus", "PlanExport", "Report", "Rescan", "RunScan", "ScanOnUpload", "ScanOrchestration", "Scans", "WeeklyRescan"],
            functions.Keys.Order(StringComparer.Ordinal));
        var assembly = typeof(TriggerFunctions).Assembly;
        foreach (var (name, function) in functions)
        {
            Assert.Equal(Path.GetFileName(assembly.Location), Text(function, "scriptFile"));
            var entryPoint = Text(function, "entryPoint");
            var type = assembly.GetType(entryPoint[..entryPoint.LastIndexOf('.')], throwOnError: true)!;
            var method = type.GetMethod(entryPoint[(entryPoint.LastIndexOf('.') + 1)..]);
            Assert.NotNull(method);
            Assert.Equal(name, method.GetCustomAttribute<Microsoft.Azure.Functions.Worker.FunctionAttribute>()!.Name);
        }
    }

    [Theory]
    [InlineData("ScanOnUpload", "message", StorageNames.ExportEventsQueue)]
    [InlineData("RunScan", "request", StorageNames.ScanRequestsQueue)]
    public void FunctionsMetadata_QueueTriggers_UseTheSharedQueueAndConnection(string function, string binding, string queue)
    {
        var trigger = Bindings(Functions()[function])[0];

        Assert.Equal("queueTrigger", Text(trigger, "type"));
        Assert.Equal(binding, Text(trigger, "name"));
        Assert.Equal(queue, Text(trigger, "queueName"));
        Assert.Equal(ScannerStorageOptions.SectionName, Text(trigger, "connection"));
    }

    [Fact]
    public void FunctionsMetadata_RunScan_HasADurableClientAndNothingElse()
    {
        var bindings = Bindings(Functions()["RunScan"]);

        Assert.Equal(["queueTrigger", "durableClient"], bindings.Select(b => Text(b, "type")));
    }

    [Fact]
    public void FunctionsMetadata_WeeklyRescan_RunsMondayAt0600()
    {
        var trigger = Assert.Single(Bindings(Functions()["WeeklyRescan"]));

        Assert.Equal("timerTrigger", Text(trigger, "type"));
        Assert.Equal("0 0 6 * * Mon", Text(trigger, "schedule"));
    }

    [Fact]
    public void FunctionsMetadata_Orchestration_HasItsTriggerAndEveryActivityItCalls()
    {
        var functions = Functions();

        Assert.Equal("orchestrationTrigger", Text(Assert.Single(Bindings(functions[ScanOrchestration.Orchestrator])), "type"));
        foreach (var activity in new[] { ScanOrchestration.BeginScan, ScanOrchestration.PlanExport, ScanOrchestration.MineChunk, ScanOrchestration.FinishScan, ScanOrchestration.DiscardScanWork })
        {
            Assert.Equal("activityTrigger", Text(Assert.Single(Bindings(functions[activity])), "type"));
        }
    }

    [Theory]
    [InlineData("Health", "GET", "health")]
    [InlineData("Engagements", "GET", "engagements")]
    [InlineData("Scans", "GET", "engagements/{engagement}/scans")]
    [InlineData("Report", "GET", "engagements/{engagement}/reports/{scanId}")]
    [InlineData("Rescan", "POST", "engagements/{engagement}/rescan")]
    [InlineData("OpportunityStatus", "POST", "engagements/{engagement}/opportunities/{opportunityId}/status")]
    public void FunctionsMetadata_HttpTriggers_KeepTheRoutesMethodsAndFunctionKey(string function, string method, string route)
    {
        var bindings = Bindings(Functions()[function]);

        var trigger = bindings[0];
        Assert.Equal("httpTrigger", Text(trigger, "type"));
        Assert.Equal(route, Text(trigger, "route"));
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()));
        Assert.Equal("Function", Text(trigger, "authLevel"));
        Assert.Equal("http", Text(bindings[1], "type"));
        Assert.Equal("Out", Text(bindings[1], "direction"));
        Assert.Equal(2, bindings.Count);
        Assert.Contains(Infrastructure.ScannerEnvironment.HttpFunctions(), f => f.Trigger.Route == route);
        Assert.Contains(Infrastructure.ScannerEnvironment.HttpFunctions(), f => f.Method.Name == function);
    }

    [Fact]
    public void HostJson_Output_IsTheIsolatedWorkersWithDurableAndQueueSettings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "host.json")));
        var root = document.RootElement;

        Assert.False(root.TryGetProperty("customHandler", out _));
        Assert.False(root.TryGetProperty("extensionBundle", out _)); // the worker's extensions come from its build
        var extensions = root.GetProperty("extensions");
        Assert.Equal(5, extensions.GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("base64", Text(extensions.GetProperty("queues"), "messageEncoding"));
        Assert.InRange(extensions.GetProperty("durableTask").GetProperty("maxConcurrentActivityFunctions").GetInt32(), 1, 4);
    }

    [Fact]
    public void Output_CarriesTheHostSideExtensionsTheBindingsNeed()
    {
        var extensions = File.ReadAllText(Path.Combine(Output, "extensions.json"));
        var worker = File.ReadAllText(Path.Combine(Output, "worker.config.json"));

        // Timers are built into the host; the queue and Durable extensions ship in .azurefunctions/.
        foreach (var name in new[] { "DurableTask", "AzureStorageQueues" })
        {
            Assert.Contains($"\"name\": \"{name}\"", extensions, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(Output, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.DurableTask.dll")));

        Assert.Contains("AutomationScanner.Functions", worker, StringComparison.Ordinal);
    }
}
