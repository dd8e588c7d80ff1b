namespace AutomationScanner.Core.Embeddings;

/// <summary>
/// Where the embedding cache persists between scans: a local folder for the CLI, the <c>scanner-cache</c> blob
/// container in Azure. Entries are whole files; an unreadable one is treated as absent.
/// </summary>
public interface IEmbeddingStore
{
    Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken);

    Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}
