namespace AutomationScanner.Core.Scanning;

/// <summary>One export to scan: a name (file or blob path) and a way to open its content.</summary>
public sealed record ScanInput(string Name, Func<CancellationToken, Task<Stream>> OpenAsync)
{
    public static ScanInput FromFile(string path, string? name = null) =>
        new(name ?? Path.GetFileName(path), _ => Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0x10000)));

    /// <summary>Every file under <paramref name="path"/> (a folder, recursively) or the file itself, in a stable order.</summary>
    public static IReadOnlyList<ScanInput> FromPath(string path)
    {
        if (File.Exists(path))
        {
            return [FromFile(path)];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file or folder", path);
        }

        return [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(f => FromFile(f, Path.GetRelativePath(path, f).Replace('\\', '/')))];
    }
}
