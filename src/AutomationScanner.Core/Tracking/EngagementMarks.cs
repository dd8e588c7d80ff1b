using System.Text.Json;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tracking;

/// <summary>Every mark of one engagement: the document the stores keep (one JSON file or blob per engagement).</summary>
public sealed record EngagementMarks
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required string Engagement { get; init; }

    public IReadOnlyList<OpportunityMark> Marks { get; init; } = [];

    public static EngagementMarks Empty(string engagement) => new() { Engagement = engagement };

    public OpportunityMark? For(string opportunityId) => Marks.FirstOrDefault(m => m.OpportunityId == opportunityId);

    public static JsonSerializerOptions JsonOptions { get; } = new(StoredJson.Options) { WriteIndented = true };

    public static EngagementMarks Read(ReadOnlySpan<byte> json, string sourceName)
    {
        try
        {
            return JsonSerializer.Deserialize<EngagementMarks>(json, JsonOptions) ?? throw new InvalidDataException($"{sourceName}: empty status file.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{sourceName}: not an opportunity status file (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);
}
