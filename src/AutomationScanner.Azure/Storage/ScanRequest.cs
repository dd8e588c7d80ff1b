using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AutomationScanner.Azure.Storage;

/// <summary>
/// One <c>scan-requests</c> message: scan this engagement. <see cref="RequestKey"/> is set by rescans that must
/// produce a new report even when no export changed (weekly, on demand); it joins the input fingerprint, so a
/// redelivered message still finds the report it already produced.
/// </summary>
public sealed record ScanRequest(
    [property: JsonPropertyName("engagement")] string Engagement,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("requestKey")] string? RequestKey,
    [property: JsonPropertyName("requestedAt")] DateTimeOffset RequestedAt)
{
    public const string Upload = "upload";
    public const string Weekly = "weekly";
    public const string Manual = "manual";

    private static readonly JsonTypeInfo<ScanRequest> Info = (JsonTypeInfo<ScanRequest>)new JsonSerializerOptions { TypeInfoResolver = StorageJsonContext.Default }.GetTypeInfo(typeof(ScanRequest));

    public string ToJson() => JsonSerializer.Serialize(this, Info);

    /// <summary>Reads a request from decoded message JSON; a clear error names the field at fault.</summary>
    public static ScanRequest Parse(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"A scan request must be a JSON object, not {message.ValueKind}.");
        }

        if (!message.TryGetProperty("engagement", out var engagement) || engagement.ValueKind != JsonValueKind.String)
        {
            throw new FormatException("A scan request needs a string field 'engagement'.");
        }

        var name = engagement.GetString();
        if (!EngagementName.IsValid(name))
        {
            throw new FormatException($"Scan request field 'engagement': '{name}' is not a valid engagement name ({EngagementName.Rule}).");
        }

        var reason = message.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : Upload;
        var key = message.TryGetProperty("requestKey", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        var at = message.TryGetProperty("requestedAt", out var t) && t.ValueKind == JsonValueKind.String && t.TryGetDateTimeOffset(out var parsed)
            ? parsed
            : DateTimeOffset.MinValue;
        return new ScanRequest(name, reason, key, at);
    }
}
