using System.Diagnostics;
using System.Text;

namespace AutomationScanner.Core.Tests.Embeddings;

/// <summary>
/// Runs each of <see cref="NativeHeapTests"/> (explicit tests, not run in the shared process) in a fresh process of
/// this assembly's own xUnit runner, where no earlier test has loaded a model or left free chunks in glibc's heap. A
/// skip in the child (the threshold not pinned at the start) counts as a failure there (<c>-failSkips</c>).
/// </summary>
public sealed class NativeHeapInAFreshProcessTests
{
    [Theory]
    [InlineData(nameof(NativeHeapTests.LargeBuffersFromHeap_AllocateZeroFreeCycles_ReuseThePages_ThenTheThresholdIsPinnedAgain))]
    [InlineData(nameof(NativeHeapTests.LargeBuffersFromHeap_Overlapping_TheLastToCloseRestores))]
    public async Task InAProcessOfItsOwn_Passes(string method)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && ThreadFaults.Available, "glibc's thresholds and /proc/thread-self are Linux's");
        var (exitCode, output) = await RunAsync($"{typeof(NativeHeapTests).FullName}.{method}");

        Assert.True(exitCode == 0, $"the child runner exited {exitCode}:\n{output}");
        Assert.Contains("Total: 1, Errors: 0, Failed: 0, Skipped: 0", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fullMethodName)
    {
        var assembly = typeof(NativeHeapTests).Assembly.Location;
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { assembly, "-method", fullMethodName, "-explicit", "only", "-failSkips", "-noColor", "-noLogo", "-noAutoReporters" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the child runner for {fullMethodName} did not finish in 5 minutes");
        }

        var output = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        return (process.ExitCode, output);
    }
}
