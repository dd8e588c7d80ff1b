using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Classification.Llm;

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
