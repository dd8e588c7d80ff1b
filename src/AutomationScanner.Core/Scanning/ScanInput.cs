namespace AutomationScanner.Core.Scanning;

/// <summary>One export to scan: a name (file or blob path) and a way to open its content.</summary>
public sealed record ScanInput(string Name, Func<CancellationToken, Task<Stream>> OpenAsync)
{
    /// <summary>
    /// Faults of the source rather than of the content (a blob replaced or unreachable mid-scan): they fail the scan
    /// so that it is retried, instead of becoming this input's error. Null: every fault is the input's own.
    /// </summary>
    public Func<Exception, bool>? IsTransient { get; init; }

    /// <summary>
    /// A file on this machine: it can be opened once per core, so a large event log is mined on several
    /// (<see cref="Ingestion.ExportChunker.MineFile"/>). Null for other sources (blobs).
    /// </summary>
    public string? LocalPath { get; init; }

    public static ScanInput FromFile(string path, string? name = null) =>
        new(name ?? Path.GetFileName(path), _ => Task.FromResult<Stream>(OpenLocal(path))) { LocalPath = path };

    private static FileStream OpenLocal(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0x10000);

    /// <summary>Opens <see cref="LocalPath"/> from its start.</summary>
    public Stream OpenLocal() => OpenLocal(LocalPath ?? throw new InvalidOperationException($"{Name} is not a local file."));

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

    /// <summary>
    /// The inputs under several paths. Names are relative to their argument; where two arguments give the same name
    /// (a/x.csv and b/x.csv), those inputs are named by the path as given, so that no input hides another.
    /// </summary>
    public static IReadOnlyList<ScanInput> FromPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var found = paths.SelectMany(p => FromPath(p).Select(input => (Argument: p, Input: input))).ToList();
        var clashes = found.GroupBy(f => f.Input.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. found.Select(f => !clashes.Contains(f.Input.Name) ? f.Input
            : f.Input with { Name = File.Exists(f.Argument) ? f.Argument.Replace('\\', '/') : Path.Join(f.Argument, f.Input.Name).Replace('\\', '/') })];
    }

    /// <summary>Inputs whose names are unique: a repeated name gets " (2)", " (3)"... before its extensions, so that each one is read and reported.</summary>
    public static IReadOnlyList<ScanInput> WithUniqueNames(IReadOnlyList<ScanInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ScanInput>(inputs.Count);
        foreach (var input in inputs)
        {
            var name = input.Name;
            for (var n = 2; !seen.Add(name); n++)
            {
                // Before the extensions, so the input keeps its type: "log.csv.gz" -> "log (2).csv.gz".
                var fileStart = input.Name.LastIndexOf('/') + 1;
                var dot = input.Name.IndexOf('.', fileStart + 1);
                var at = dot < 0 ? input.Name.Length : dot;
                name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{input.Name[..at]} ({n}){input.Name[at..]}");
            }

            result.Add(name == input.Name ? input : input with { Name = name });
        }

        return result;
    }
}
