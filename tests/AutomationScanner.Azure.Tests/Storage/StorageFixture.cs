using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Azure.Tests.Storage;

/// <summary>One Azurite for the storage tests of a class, and the storage services wired as the hosts wire them.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    private Azurite? azurite;

    public ScannerStorageClients Storage { get; private set; } = null!;

    public string ConnectionString => azurite!.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        azurite = await Azurite.StartAsync();
        Storage = new ScannerStorageClients(Options.Create(new ScannerStorageOptions { ConnectionString = azurite.ConnectionString }));
        await Storage.EnsureCreatedAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    public ReportStore Reports() => new(Storage, NullLogger<ReportStore>.Instance);

    public StorageScanService Service(TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return new StorageScanService(
            new ExportCatalog(Storage), Reports(), new ScanScheduler(Storage, Options.Create(new ScanSchedulingOptions()), time, NullLogger<ScanScheduler>.Instance),
            new ScanPipeline(IngestionOptions.Default, time, NullLogger<ScanPipeline>.Instance), time, NullLogger<StorageScanService>.Instance);
    }

    public static string NewEngagement(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];

    public async Task UploadAsync(string engagement, string name, byte[] content) =>
        await Storage.Exports.GetBlobClient($"{engagement}/{name}").UploadAsync(BinaryData.FromBytes(content), overwrite: true);

    public async Task<List<string>> ReportBlobsAsync(string engagement)
    {
        var names = new List<string>();
        await foreach (var blob in Storage.Reports.GetBlobsAsync(new global::Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = engagement + "/" }))
        {
            names.Add(blob.Name);
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
