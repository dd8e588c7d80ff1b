using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AutomationScanner.Functions.Tests.Infrastructure;
using AutomationScanner.Testing;

namespace AutomationScanner.Functions.Tests;

/// <summary>
/// The handler started the way the Functions host starts it: the executable named in host.json, run from the app
/// root with FUNCTIONS_CUSTOMHANDLER_PORT and the app settings in the environment, polled on / until it answers.
/// </summary>
public sealed class HandlerProcessTests(ScannerEnvironment env)
{
    [Fact]
    public async Task Executable_StartedLikeTheHost_AnswersReadinessAndInvocationsWithinTheHostTimeout()
    {
        var layout = Path.GetDirectoryName(typeof(ScannerHandler).Assembly.Location)!;
        using var hostJson = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(layout, "host.json"), TestContext.Current.CancellationToken));
        var executable = hostJson.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()!;
        var port = Azurite.FreePorts(1)[0];
        var start = new ProcessStartInfo(Path.Combine(layout, executable)) { WorkingDirectory = layout, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString();
        start.Environment["FUNCTIONS_APP_ROOT_PATH"] = layout;
        start.Environment["ScannerStorage"] = env.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            // The host's own limit (InitializationTimeout, 30 s; Flex allows 30 s for app start): a functional bound, not a benchmark.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpResponseMessage? ready = null;
            while (ready is null && DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    ready = await http.GetAsync("/", TestContext.Current.CancellationToken);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(50, TestContext.Current.CancellationToken);
                }
            }

            Assert.NotNull(ready);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var timer = await http.PostAsync("WeeklyRescan", new StringContent(HostPayloads.Timer(), System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, timer.StatusCode);
            await env.ClearQueuesAsync();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }
}
