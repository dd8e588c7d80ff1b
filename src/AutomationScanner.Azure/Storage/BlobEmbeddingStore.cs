using AutomationScanner.Core.Embeddings;
using global::Azure;
using global::Azure.Storage.Blobs;

namespace AutomationScanner.Azure.Storage;

/// <summary>The embedding cache as blobs in the <c>scanner-cache</c> container, next to the LLM cache.</summary>
public sealed class BlobEmbeddingStore(BlobContainerClient container) : IEmbeddingStore
{
    private int _containerChecked;

    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        // Infra creates the container; creating it here too keeps Azurite and fresh accounts working.
        if (Interlocked.Exchange(ref _containerChecked, 1) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        // Last writer wins: a lost entry only costs recomputing one vector.
        await container.GetBlobClient(name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);
    }
}
