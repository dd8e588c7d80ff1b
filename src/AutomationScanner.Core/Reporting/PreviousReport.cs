using System.Text.Json;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Reporting;

/// <summary>The parts of an earlier report the diff needs, read tolerantly from any schema version.</summary>
public sealed record PreviousReport(string ScanId, DateTimeOffset? GeneratedAt, string? SchemaVersion, IReadOnlyList<PreviousOpportunity> Opportunities)
{
    /// <summary>The realised-benefit tracks of that report (schema 2.2 and later), so each rescan extends their history.</summary>
    public IReadOnlyList<RealisationTrack> Realisation { get; init; } = [];

    /// <summary>Reads a report written by <see cref="ReportJson"/>; errors name the source.</summary>
    public static async Task<PreviousReport> ReadAsync(Stream json, string sourceName, CancellationToken cancellationToken)
    {
        using (var document = await ReportJsonDocument.ParseAsync(json, sourceName, cancellationToken))
        {
            var root = document.RootElement;
            var items = root.GetProperty("opportunities");

            var opportunities = new List<PreviousOpportunity>();
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                opportunities.Add(new PreviousOpportunity(
                    Required(item, "id", sourceName, index),
                    String(item, "process") ?? "",
                    String(item, "task") ?? "",
                    item.TryGetProperty("rank", out var rank) && rank.TryGetInt32(out var r) ? r : index + 1,
                    item.TryGetProperty("risk", out var risk) && risk.ValueKind == JsonValueKind.Object
                        && String(risk, "tier") is { } tier && Enum.TryParse<RiskTier>(tier, ignoreCase: true, out var parsed) ? parsed : null));
                index++;
            }

            return new PreviousReport(
                String(root, "scanId") ?? "",
                root.TryGetProperty("generatedAt", out var at) && at.TryGetDateTimeOffset(out var generated) ? generated : null,
                String(root, "schemaVersion"),
                opportunities)
            {
                Realisation = Tracks(root),
            };
        }
    }

    /// <summary>An unreadable history costs the chart its earlier points, never the scan.</summary>
    private static IReadOnlyList<RealisationTrack> Tracks(JsonElement root)
    {
        if (!root.TryGetProperty("realisation", out var realisation) || realisation.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        try
        {
            return realisation.Deserialize(ReportJson.RealisationInfo)?.Tracks ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Required(JsonElement element, string name, string sourceName, int index) =>
        String(element, name) ?? throw new InvalidDataException($"{sourceName}: opportunities[{index}] has no '{name}'.");
}
