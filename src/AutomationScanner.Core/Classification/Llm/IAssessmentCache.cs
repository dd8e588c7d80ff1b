using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Classification.Llm;

/// <summary>
/// Validated LLM judgements by content hash (prompt version + deployment + task text + metric buckets), so an
/// unchanged rescan makes no LLM call. Implementations treat an unreadable entry as a miss.
/// </summary>
public interface IAssessmentCache
{
    Task<LlmJudgement?> TryGetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, LlmJudgement judgement, CancellationToken cancellationToken);
}

/// <summary>The JSON form of cache entries, shared by the local-folder and blob caches.</summary>
public static class AssessmentCacheSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Serialize(LlmJudgement judgement) => JsonSerializer.SerializeToUtf8Bytes(judgement, Options);

    /// <summary>Null when the bytes are not a judgement (corrupt or from an incompatible version).</summary>
    public static LlmJudgement? TryDeserialize(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var judgement = JsonSerializer.Deserialize<LlmJudgement>(utf8, Options);
            return judgement is { Criteria: not null } && judgement.Suitability is >= 0 and <= 1 ? judgement : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsValidKey(string key) =>
        key.Length == 64 && key.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}

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
