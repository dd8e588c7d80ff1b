using System.Net;
using System.Net.Sockets;
using AutomationScanner.Testing;
using Microsoft.DurableTask.Testing;

namespace AutomationScanner.Functions.Tests.Infrastructure;

/// <summary>
/// The test servers start on a port found free a moment earlier; another test process may take it in between
/// (CI failed once this way: "Failed to bind to address http://127.0.0.1:34406: address already in use").
/// </summary>
public sealed class FreePortTests
{
    [Fact]
    public async Task DurableTestHost_PortTakenBeforeItBinds_StartsOnAnotherPort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        var tried = new List<int>();
        int Next() => tried.Count == 0 ? Remember(takenPort) : Remember(Azurite.FreePorts(1)[0]);
        int Remember(int port)
        {
            tried.Add(port);
            return port;
        }

        await using var host = await ScannerEnvironment.StartOnAFreePortAsync(
            port => DurableTaskTestHost.StartAsync(
                tasks => tasks.AddActivityFunc<string, string>("Echo", (_, s) => s),
                new DurableTaskTestHostOptions { Port = port }),
            Next);

        Assert.True(tried.Count >= 2, $"tried {tried.Count} port(s)");
        Assert.Equal(takenPort, tried[0]);
        Assert.NotEqual(takenPort, tried[^1]);
        Assert.NotNull(host.Client);
    }

    [Fact]
    public async Task StartOnAFreePort_OtherFailures_AreNotRetried()
    {
        var calls = 0;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ScannerEnvironment.StartOnAFreePortAsync<int>(
            _ =>
            {
                calls++;
                throw new InvalidOperationException("bad settings");
            }));

        Assert.Equal("bad settings", error.Message);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Azurite_PortTakenBeforeItBinds_StartsOnOtherPorts()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var takenPort = ((IPEndPoint)taken.LocalEndpoint).Port;
        var tries = new List<int[]>();
        int[] Next()
        {
            // The first try's table port is held by another listener, as when another test process took it in between.
            var ports = tries.Count == 0 ? [.. Azurite.FreePorts(2), takenPort] : Azurite.FreePorts(3);
            tries.Add(ports);
            return ports;
        }

        await using var azurite = await Azurite.StartAsync(Next);

        Assert.Equal(2, azurite.Tries);
        Assert.Equal(takenPort, tries[0][2]);
        var container = new global::Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("ports");
        await container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True((await container.ExistsAsync(TestContext.Current.CancellationToken)).Value);
    }
}
