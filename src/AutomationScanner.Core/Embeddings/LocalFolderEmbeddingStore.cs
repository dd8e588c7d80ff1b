namespace AutomationScanner.Core.Embeddings;

/// <summary>The embedding cache in a local folder (the CLI's <c>&lt;out&gt;/.cache</c>), written atomically.</summary>
public sealed class LocalFolderEmbeddingStore : IEmbeddingStore
{
    private readonly string _root;

    public LocalFolderEmbeddingStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
    }

    public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var path = PathFor(name);
        try
        {
            return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Whether the folder holds a file <paramref name="name"/> (without reading it).</summary>
    public bool Contains(string name) => File.Exists(PathFor(name));

    public async Task WriteAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathFor(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, content, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    private string PathFor(string name)
    {
        if (!EmbeddingCache.IsValidStoreName(name))
        {
            throw new ArgumentException("Embedding store names are relative paths of letters, digits, '-', '.', '_' and '/'.", nameof(name));
        }

        return Path.Combine(_root, name);
    }
}
