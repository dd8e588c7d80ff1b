using System.Text.Json;
using System.Text.RegularExpressions;
using AutomationScanner.Azure.Storage;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AutomationScanner.Functions.Tests;

/// <summary>
/// The deployable layout (the same items are copied to build and publish output): host.json and one folder per
/// function. Every function.json must name a trigger the handler serves, and host.json must start this handler.
/// </summary>
public sealed partial class PublishLayoutTests(Infrastructure.ScannerEnvironment env)
{
    private static readonly string Layout = Path.GetDirectoryName(typeof(ScannerHandler).Assembly.Location)!;

    private static List<string> FunctionFolders() =>
        [.. Directory.EnumerateFiles(Layout, "function.json", SearchOption.AllDirectories).Select(f => Path.GetFileName(Path.GetDirectoryName(f)!)).Order(StringComparer.Ordinal)];

    [Fact]
    public void FunctionFolders_Layout_AreTheDocumentedFunctionsNextToHostJson()
    {
        Assert.True(File.Exists(Path.Combine(Layout, "host.json")));
        Assert.Equal(
            ["Engagements", "Health", "OpportunityStatus", "Report", "Rescan", "RunScan", "ScanOnUpload", "Scans", "WeeklyRescan"],
            FunctionFolders());
        Assert.All(Directory.EnumerateFiles(Layout, "function.json", SearchOption.AllDirectories),
            f => Assert.Equal(Layout, Path.GetDirectoryName(Path.GetDirectoryName(f))));
    }

    [Fact]
    public void FunctionJson_EveryTrigger_IsServedByTheHandler()
    {
        var endpoints = env.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: Normalise(e.RoutePattern.RawText!))))
            .ToHashSet();
        foreach (var folder in FunctionFolders())
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Layout, folder, "function.json")));
            var bindings = document.RootElement.GetProperty("bindings").EnumerateArray().ToList();
            var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            if (trigger.GetProperty("type").GetString() == "httpTrigger")
            {
                Assert.Equal("function", trigger.GetProperty("authLevel").GetString());
                Assert.Equal(2, bindings.Count); // httpTrigger + http out only, or the host would not forward the request
                Assert.Equal("http", bindings[1].GetProperty("type").GetString());
                var route = Normalise("api/" + trigger.GetProperty("route").GetString());
                foreach (var method in trigger.GetProperty("methods").EnumerateArray())
                {
                    Assert.Contains((method.GetString()!.ToUpperInvariant(), route), endpoints);
                }
            }
            else
            {
                Assert.Contains(("POST", folder), endpoints);
                Assert.Single(bindings);
            }
        }
    }

    [Theory]
    [InlineData("ScanOnUpload", "queueTrigger", "message", StorageNames.ExportEventsQueue)]
    [InlineData("RunScan", "queueTrigger", "request", StorageNames.ScanRequestsQueue)]
    public void FunctionJson_QueueTriggers_UseTheSharedQueueAndConnection(string function, string type, string binding, string queue)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Layout, function, "function.json")));
        var trigger = document.RootElement.GetProperty("bindings")[0];

        Assert.Equal(type, trigger.GetProperty("type").GetString());
        Assert.Equal(binding, trigger.GetProperty("name").GetString());
        Assert.Equal(queue, trigger.GetProperty("queueName").GetString());
        Assert.Equal(ScannerStorageOptions.SectionName, trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void FunctionJson_WeeklyRescan_RunsMondayAt0600()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Layout, "WeeklyRescan", "function.json")));
        var trigger = document.RootElement.GetProperty("bindings")[0];

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("timer", trigger.GetProperty("name").GetString());
        Assert.Equal("0 0 6 * * Mon", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void HostJson_CustomHandler_StartsThePublishedHandlerWithForwarding()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Layout, "host.json")));
        var handler = document.RootElement.GetProperty("customHandler");
        var description = handler.GetProperty("description");

        var executable = description.GetProperty("defaultExecutablePath").GetString()!;
        Assert.Equal(Path.GetFileNameWithoutExtension(typeof(ScannerHandler).Assembly.Location), executable);
        Assert.True(File.Exists(Path.Combine(Layout, executable)), $"{executable} (the apphost) is not in {Layout}");
        Assert.Empty(description.GetProperty("arguments").EnumerateArray());
        Assert.Equal(string.Empty, description.GetProperty("workingDirectory").GetString());
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal(5, document.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
    }

    /// <summary>Route templates compared without parameter names or constraints: {a} and {b:int} are the same slot.</summary>
    private static string Normalise(string route) => Parameter().Replace(route.Trim('/'), "{}");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
