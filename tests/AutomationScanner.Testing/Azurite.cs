using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AutomationScanner.Testing;

/// <summary>
/// Shared by the test projects that need storage (linked into each). A real Azurite (npm package, installed by <c>npm ci</c> at the repository root) on free loopback ports, in memory,
/// until the fixture that started it is disposed.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    // Azurite's documented development account; a public, well-known key, not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly StringBuilder output;

    private Azurite(Process process, StringBuilder output, int blobPort, int queuePort)
    {
        this.process = process;
        this.output = output;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static Task<Azurite> StartAsync() => StartAsync(null);

    /// <summary>
    /// Starts Azurite on free ports, and again on others when one of them was taken between being found free and being
    /// bound (Azurite then exits with EADDRINUSE; other test processes start servers at the same time). Ready means
    /// Azurite itself said all three services listen: a port that merely answers may belong to another process.
    /// </summary>
    /// <param name="nextPorts">The blob, queue and table ports of each try; null takes free ones each time.</param>
    public static async Task<Azurite> StartAsync(Func<int[]>? nextPorts)
    {
        nextPorts ??= () => FreePorts(3);
        const int Tries = 6;
        for (var attempt = 1; ; attempt++)
        {
            var ports = nextPorts();
            var (azurite, log) = await TryStartAsync(ports);
            if (azurite is not null)
            {
                azurite.Tries = attempt;
                return azurite;
            }

            if (attempt >= Tries || !log.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Azurite did not start on ports {string.Join('/', ports)} (try {attempt}): {log}");
            }
        }
    }

    /// <summary>How many starts it took (more than one when a port was taken in between).</summary>
    public int Tries { get; private set; }

    private static async Task<(Azurite? Azurite, string Output)> TryStartAsync(int[] ports)
    {
        var executable = FindExecutable();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
        {
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, output, ports[0], ports[1]);
        // Node start-up takes seconds on a quiet machine and far longer on a loaded CI runner (load average 12+).
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("AZURITE_START_TIMEOUT_SECONDS"), out var configured) && configured > 0 ? configured : 180;
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!(azurite.Output.Contains("Azurite Table service is successfully listening", StringComparison.Ordinal)
            && await IsListeningAsync(ports[0]) && await IsListeningAsync(ports[1])))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                if (process.HasExited)
                {
                    // Let the last lines of its output arrive before reading them.
                    await process.WaitForExitAsync();
                }

                var log = azurite.Output;
                await azurite.DisposeAsync();
                return (null, log);
            }

            await Task.Delay(100);
        }

        return (azurite, "");
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>node_modules/.bin/azurite of the repository that holds this test build (walking up from the output folder).</summary>
    private static string FindExecutable()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json")))
            {
                var azurite = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
                return File.Exists(azurite)
                    ? azurite
                    : throw new InvalidOperationException($"Azurite is not installed: run `npm ci` in {directory.FullName} (it installs the azurite devDependency from package-lock.json).");
            }
        }

        throw new InvalidOperationException($"No package.json above {AppContext.BaseDirectory}: run the tests from a clone of the repository, after `npm ci` at its root.");
    }
}
