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

    public static async Task<Azurite> StartAsync()
    {
        var executable = FindExecutable();
        var ports = FreePorts(3);
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
        while (!(await IsListeningAsync(ports[0]) && await IsListeningAsync(ports[1])))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = azurite.Output;
                await azurite.DisposeAsync();
                throw new InvalidOperationException($"Azurite did not start on ports {ports[0]}/{ports[1]}: {log}");
            }

            await Task.Delay(100);
        }

        return azurite;
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
