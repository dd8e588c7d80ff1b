using AutomationScanner.Azure.Storage;
using Microsoft.Extensions.Configuration;

namespace AutomationScanner.Azure.Tests.Storage;

/// <summary>The one reader of the ScannerStorage connection (storage services, caches, the CLI's --connection).</summary>
public sealed class ScannerStorageConnectionTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Read_ConnectionStringAsValue_IsKeyBased()
    {
        var options = ScannerStorageConnection.Read(Configuration(("ScannerStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Null(options.BlobServiceUri);
        Assert.NotNull(ScannerStorageConnection.BlobService(options));
    }

    [Fact]
    public void Read_BlobUrlAsValue_IsIdentityBasedWithTheMatchingQueueService()
    {
        var options = ScannerStorageConnection.Read(Configuration(("ScannerStorage", "https://acct.blob.core.windows.net")));

        Assert.Null(options.ConnectionString);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), options.BlobServiceUri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), options.QueueServiceUri);
    }

    [Fact]
    public void Read_IdentitySettings_AreBoundFromTheSection()
    {
        var options = ScannerStorageConnection.Read(Configuration(
            ("ScannerStorage:blobServiceUri", "https://acct.blob.core.windows.net"),
            ("ScannerStorage:queueServiceUri", "https://acct.queue.core.windows.net"),
            ("ScannerStorage:credential", "managedidentity"),
            ("ScannerStorage:clientId", "00000000-0000-0000-0000-000000000001")));

        Assert.Null(options.ConnectionString);
        Assert.Equal("managedidentity", options.Credential);
        Assert.Equal("00000000-0000-0000-0000-000000000001", options.ClientId);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), options.QueueServiceUri);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net/"), ScannerStorageConnection.BlobService(options)!.Uri);
    }

    [Fact]
    public void Read_NothingConfigured_HasNoBlobService()
    {
        var options = ScannerStorageConnection.Read(Configuration());

        Assert.Null(ScannerStorageConnection.BlobService(options));
    }
}
