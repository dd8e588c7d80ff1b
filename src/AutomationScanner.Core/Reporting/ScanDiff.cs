using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Reporting;

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
