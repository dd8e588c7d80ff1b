using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tracking;

/// <summary>Every mark of one engagement: the document the stores keep (one JSON file or blob per engagement).</summary>
public sealed record EngagementMarks
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public required string Engagement { get; init; }

    public IReadOnlyList<OpportunityMark> Marks { get; set; } = [];

    public static EngagementMarks Empty(string engagement) => new() { Engagement = engagement };

    public OpportunityMark? For(string opportunityId) => Marks.FirstOrDefault(m => m.OpportunityId == opportunityId);

    public static JsonSerializerOptions JsonOptions { get; } = StoredJson.Create(TrackingJsonContext.Default, new CamelCaseEnumConverter<OpportunityStatus>());

    private static JsonTypeInfo<EngagementMarks> Info { get; } = (JsonTypeInfo<EngagementMarks>)JsonOptions.GetTypeInfo(typeof(EngagementMarks));

    public static EngagementMarks Read(ReadOnlySpan<byte> json, string sourceName)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Info) ?? throw new InvalidDataException($"{sourceName}: empty status file.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{sourceName}: not an opportunity status file (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Info);
}
