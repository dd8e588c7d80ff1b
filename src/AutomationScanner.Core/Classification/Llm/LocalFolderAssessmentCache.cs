namespace AutomationScanner.Core.Classification.Llm;

/// <summary>Cache in a local folder (the CLI's <c>&lt;out&gt;/.cache</c>): one small JSON file per key, written atomically.</summary>
public sealed class LocalFolderAssessmentCache : IAssessmentCache
{
    private readonly string _root;

    public LocalFolderAssessmentCache(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(Path.Combine(root, "llm-assessments"));
    }

    public async Task<LlmJudgement?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            return AssessmentCacheSerializer.TryDeserialize(bytes);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async Task SetAsync(string key, LlmJudgement judgement, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, AssessmentCacheSerializer.Serialize(judgement), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }

    private string PathFor(string key)
    {
        if (!AssessmentCacheSerializer.IsValidKey(key))
        {
            throw new ArgumentException("Cache keys are lower-case SHA-256 hex strings.", nameof(key));
        }

        return Path.Combine(_root, key[..2], key + ".json");
    }
}
