using System.Text.Json;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Reporting;

/// <summary>An opportunity as a previous report listed it: enough to compare scans.</summary>
public sealed record PreviousOpportunity(string Id, string Process, string Task, int Rank, RiskTier? Tier);

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
            return realisation.Deserialize<RealisationSummary>(ReportJson.Options)?.Tracks ?? [];
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

public sealed record DiffEntry(string Id, string Process, string Task, int? PreviousRank, int? Rank);

public sealed record RiskChange(string Id, string Process, string Task, RiskTier? PreviousTier, RiskTier Tier);

/// <summary>What changed since the previous scan: new, dropped and moved opportunities and risk-tier changes.</summary>
public sealed record ScanDiff(
    string PreviousScanId,
    DateTimeOffset? PreviousGeneratedAt,
    IReadOnlyList<DiffEntry> New,
    IReadOnlyList<DiffEntry> Dropped,
    IReadOnlyList<DiffEntry> Moved,
    IReadOnlyList<RiskChange> RiskChanges)
{
    /// <summary>Compares by stable task id; moved means the rank changed.</summary>
    public static ScanDiff Compare(PreviousReport previous, IReadOnlyList<Opportunity> current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = new Dictionary<string, PreviousOpportunity>(StringComparer.Ordinal);
        foreach (var o in previous.Opportunities)
        {
            before.TryAdd(o.Id, o);
        }

        var now = current.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var added = new List<DiffEntry>();
        var moved = new List<DiffEntry>();
        var risk = new List<RiskChange>();
        foreach (var o in current.OrderBy(o => o.Rank))
        {
            if (!before.TryGetValue(o.Id, out var old))
            {
                added.Add(new DiffEntry(o.Id, o.Process, o.Task, null, o.Rank));
                continue;
            }

            if (old.Rank != o.Rank)
            {
                moved.Add(new DiffEntry(o.Id, o.Process, o.Task, old.Rank, o.Rank));
            }

            if (old.Tier != o.Risk.Tier)
            {
                risk.Add(new RiskChange(o.Id, o.Process, o.Task, old.Tier, o.Risk.Tier));
            }
        }

        var dropped = before.Values.Where(o => !now.Contains(o.Id)).OrderBy(o => o.Rank)
            .Select(o => new DiffEntry(o.Id, o.Process, o.Task, o.Rank, null)).ToList();
        var byDistance = moved.OrderByDescending(m => Math.Abs(m.Rank!.Value - m.PreviousRank!.Value)).ThenBy(m => m.Rank).ToList();
        return new ScanDiff(previous.ScanId, previous.GeneratedAt, added, dropped, byDistance, risk);
    }
}
