using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AutomationScanner.Core.Classification.Llm;

/// <summary>The JSON form of cache entries, shared by the local-folder and blob caches.</summary>
public static class AssessmentCacheSerializer
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = LlmJsonContext.Default,
        Converters =
        {
            new JsonStringEnumConverter<AutomationKind>(),
            new JsonStringEnumConverter<Model.ActivityKind>(),
            new JsonStringEnumConverter<EthicalFlagCategory>(),
            new JsonStringEnumConverter<EthicalSeverity>(),
        },
    };

    private static readonly JsonTypeInfo<LlmJudgement> Info = (JsonTypeInfo<LlmJudgement>)Options.GetTypeInfo(typeof(LlmJudgement));

    public static byte[] Serialize(LlmJudgement judgement) => JsonSerializer.SerializeToUtf8Bytes(judgement, Info);

    /// <summary>Null when the bytes are not a judgement (corrupt or from an incompatible version).</summary>
    public static LlmJudgement? TryDeserialize(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var judgement = JsonSerializer.Deserialize(utf8, Info);
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
