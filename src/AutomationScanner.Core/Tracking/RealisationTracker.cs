using System.Globalization;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Tracking;

/// <summary>
/// Compares every opportunity marked piloting or automated with its baseline (the scan it was marked from) and adds
/// this scan to its history, so that each rescan reports realised against estimated benefit over time.
/// </summary>
public static class RealisationTracker
{
    public const string Method =
        "Realised hours a year = executions/year now x (automation rate now - rate at the baseline) x baseline handling time, " +
        "+ manual executions/year now x (baseline handling time - handling time now) when both handling times are measured start-to-complete times. " +
        "Volume changes alone do not count as realised benefit. Compared with the baseline scan's estimated benefit (P10 / P50 / P90).";

    /// <param name="marks">The engagement's marks; null or empty: no section.</param>
    /// <param name="scanId">This scan.</param>
    /// <param name="generatedAt">When it ran.</param>
    /// <param name="current">This scan's opportunities.</param>
    /// <param name="context">This scan's activities that are not tasks: a task a bot now does is often one of them (a system step).</param>
    /// <param name="previous">The previous report's tracks, whose points this scan extends.</param>
    public static RealisationSummary? Build(
        EngagementMarks? marks,
        string scanId,
        DateTimeOffset generatedAt,
        IReadOnlyList<Opportunity> current,
        IReadOnlyList<ContextActivity>? context,
        IReadOnlyList<RealisationTrack>? previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (marks is null || marks.Marks.Count == 0)
        {
            return null;
        }

        var byId = new Dictionary<string, Observation>(StringComparer.Ordinal);
        foreach (var c in context ?? [])
        {
            byId.TryAdd(c.Id, new Observation(c.ExecutionsPerYear, c.Statistics?.AutomationRate, null, null, null,
                $"The task is now reported as context (kind {c.Kind}: {c.Role}); its manual hours use the baseline handling time."));
        }

        foreach (var o in current)
        {
            byId[o.Id] = new Observation(o.ExecutionsPerYear, o.Statistics?.AutomationRate, o.ManualHoursPerYear, o.HandlingSeconds, o.HandlingBasis, null);
        }

        var history = (previous ?? []).GroupBy(t => t.OpportunityId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var tracks = new List<RealisationTrack>();
        foreach (var mark in marks.Marks.Where(m => m is { Status: OpportunityStatus.Piloting or OpportunityStatus.Automated, Baseline: not null }))
        {
            var earlier = history.TryGetValue(mark.OpportunityId, out var h) && h.Baseline.ScanId == mark.Baseline!.ScanId ? h.Points : [];
            tracks.Add(Track(mark, byId.GetValueOrDefault(mark.OpportunityId), scanId, generatedAt, earlier));
        }

        var measured = tracks.Where(t => t.RealisedHoursPerYear is not null).ToList();
        return new RealisationSummary
        {
            Statuses = [.. marks.Marks.Select(m => new StatusEntry(m.OpportunityId, m.Process, m.Task, m.Status, m.Reason, m.MarkedAt, m.MarkedBy))],
            Tracks = tracks,
            RealisedHoursPerYear = measured.Sum(t => t.RealisedHoursPerYear!.Value),
            EstimatedBenefitHoursPerYear = measured.Sum(t => t.EstimatedBenefitHours.P50),
        };
    }

    private static RealisationTrack Track(OpportunityMark mark, Observation? now, string scanId, DateTimeOffset generatedAt, IReadOnlyList<RealisationPoint> earlier)
    {
        var baseline = mark.Baseline!;
        var notes = new List<string>();
        var points = new List<RealisationPoint>();
        if (earlier.Count == 0 || earlier[0].ScanId != baseline.ScanId)
        {
            points.Add(new RealisationPoint(baseline.ScanId, baseline.GeneratedAt, true, baseline.AutomationRate, baseline.ExecutionsPerYear,
                baseline.ManualHoursPerYear, baseline.HandlingSeconds, 0));
        }

        points.AddRange(earlier.Where(p => p.ScanId != scanId));
        double? realised = null, fromRate = null, fromHandling = null, manualChange = null;
        string verdict;
        if (now is null)
        {
            verdict = "not in this scan";
            notes.Add("The task has no executions in this scan's exports: automated outside the logged system, not exported this period, or renamed.");
            points.Add(new RealisationPoint(scanId, generatedAt, false, null, null, null, null, null));
        }
        else
        {
            var rateNow = now.AutomationRate;
            var executions = now.ExecutionsPerYear;
            var handlingNow = now.HandlingSeconds ?? baseline.HandlingSeconds;
            var manualNow = now.ManualHoursPerYear ?? executions * (1 - (rateNow ?? 0)) * baseline.HandlingSeconds / 3600;
            if (now.Note is { } note)
            {
                notes.Add(note);
            }

            var rateGain = rateNow is { } r && baseline.AutomationRate is { } b ? r - b : 0;
            if (rateNow is null || baseline.AutomationRate is null)
            {
                notes.Add("No automation rate without a log: only handling-time changes can show.");
            }

            fromRate = executions * rateGain * baseline.HandlingSeconds / 3600;
            var measured = now.Basis == HandlingTimeBasis.Measured && baseline.HandlingBasis == nameof(HandlingTimeBasis.Measured);
            fromHandling = measured ? executions * (1 - (rateNow ?? 0)) * (baseline.HandlingSeconds - handlingNow) / 3600 : 0;
            if (!measured)
            {
                notes.Add("Handling-time change not counted: at least one of the two handling times is not a measured start-to-complete time.");
            }

            realised = fromRate + fromHandling;
            manualChange = manualNow - baseline.ManualHoursPerYear;
            notes.Add(Invariant($"Automation rate {baseline.AutomationRate ?? 0:P1} at the baseline, {rateNow ?? 0:P1} now; {executions:N0} executions/year now ({baseline.ExecutionsPerYear:N0} at the baseline)."));
            points.Add(new RealisationPoint(scanId, generatedAt, true, rateNow, executions, manualNow, handlingNow, realised));
            var estimate = baseline.EstimatedBenefitHours;
            verdict = estimate.P50 <= 0 ? "no estimated benefit to compare with"
                : realised < estimate.P10 ? Invariant($"below the estimate ({realised / estimate.P50:P0} of P50)")
                : realised > estimate.P90 ? Invariant($"above the estimate ({realised / estimate.P50:P0} of P50)")
                : Invariant($"within the estimated range ({realised / estimate.P50:P0} of P50)");
        }

        return new RealisationTrack
        {
            OpportunityId = mark.OpportunityId,
            Process = mark.Process,
            Task = mark.Task,
            Status = mark.Status,
            MarkedAt = mark.MarkedAt,
            Baseline = baseline,
            RealisedHoursPerYear = realised,
            FromAutomationRate = fromRate,
            FromHandlingTime = fromHandling,
            ManualHoursChange = manualChange,
            EstimatedBenefitHours = baseline.EstimatedBenefitHours,
            RealisedShare = realised is { } x && baseline.EstimatedBenefitHours.P50 > 0 ? x / baseline.EstimatedBenefitHours.P50 : null,
            RealisedMoneyPerYear = realised is { } y && baseline.HourlyCost is { } rate ? y * rate : null,
            Currency = baseline.Currency,
            Verdict = verdict,
            Notes = notes,
            Points = points,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A marked task as this scan saw it, as an opportunity or as a context activity.</summary>
    private sealed record Observation(double ExecutionsPerYear, double? AutomationRate, double? ManualHoursPerYear, double? HandlingSeconds, HandlingTimeBasis? Basis, string? Note);
}
