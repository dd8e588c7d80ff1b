using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Azure.Storage;

/// <summary>The blob containers and queues of the scanner, from one <see cref="ScannerStorageOptions"/>.</summary>
public sealed class ScannerStorageClients
{
    public ScannerStorageClients(IOptions<ScannerStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        // Our messages are base64 so that the Functions queue trigger reads them with its default messageEncoding
        // (base64); the handler also accepts them when the host is set to 'none'.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            Blobs = new BlobServiceClient(o.ConnectionString);
            Queues = new QueueServiceClient(o.ConnectionString, queueOptions);
        }
        else
        {
            var credential = ScannerStorageConnection.Credential(o);
            Blobs = new BlobServiceClient(o.BlobServiceUri!, credential);
            Queues = new QueueServiceClient(o.QueueServiceUri!, credential, queueOptions);
        }

        Exports = Blobs.GetBlobContainerClient(StorageNames.ExportsContainer);
        Reports = Blobs.GetBlobContainerClient(StorageNames.ReportsContainer);
        ScanRequests = Queues.GetQueueClient(StorageNames.ScanRequestsQueue);
        ExportEvents = Queues.GetQueueClient(StorageNames.ExportEventsQueue);
    }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public BlobContainerClient Exports { get; }

    public BlobContainerClient Reports { get; }

    public QueueClient ScanRequests { get; }

    public QueueClient ExportEvents { get; }

    /// <summary>Creates the containers and queues when missing (local runs against Azurite; in Azure the infrastructure makes them).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var container in new[] { Exports, Reports, Blobs.GetBlobContainerClient(StorageNames.CacheContainer) })
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var queue in new[] { ScanRequests, ExportEvents })
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
