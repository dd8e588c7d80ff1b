using System.Globalization;
using System.Text;
using AutomationScanner.Core.Planning;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Reporting;

/// <summary>The plan sections of the Markdown report: cost and return, roadmap, realised benefit.</summary>
public static partial class MarkdownReportWriter
{
    private static void Costs(StringBuilder md, ScanReport report)
    {
        var costed = report.Opportunities.Where(o => o.Cost is not null && !o.Risk.IsProhibited).ToList();
        md.Append("## Cost and return\n\n");
        if (costed.Count == 0)
        {
            md.Append("No opportunity was costed.\n\n");
            return;
        }

        var currency = Escape(costed[0].Cost!.Currency);
        md.Append("P10 is the pessimistic scenario (low benefit, high cost), P90 the optimistic one; payback months run the other way. The parts of each figure are in the JSON report (`cost.effortParts`, `cost.runningParts`).\n\n")
            .Append(Invariant($"| # | Task | Effort person-days (P10 / P50 / P90) | Implementation {currency} (P50) | Running {currency}/year (P50) | Payback months (P10 / P50 / P90) | {costed[0].Cost!.HorizonYears}-year net value {currency} (P10 / P50 / P90) |\n"))
            .Append("|--:|---|--:|--:|--:|--:|--:|\n");
        foreach (var o in costed)
        {
            var c = o.Cost!;
            md.Append(Invariant($"| {o.Rank} | ")).Append(Escape(o.Task))
                .Append(Invariant($" | {c.EffortDays.P10:N1} / {c.EffortDays.P50:N1} / {c.EffortDays.P90:N1} | {c.ImplementationCost.P50:N0} | {c.RunningCostPerYear.P50:N0} | "))
                .Append(string.Join(" / ", new[] { c.PaybackMonths.P10, c.PaybackMonths.P50, c.PaybackMonths.P90 }.Select(m => m is { } x ? x.ToString("0.#", CultureInfo.InvariantCulture) : "never")))
                .Append(Invariant($" | {c.NetValue.P10:N0} / {c.NetValue.P50:N0} / {c.NetValue.P90:N0} |\n"));
        }

        md.Append('\n');
    }

    private static void RoadmapSection(StringBuilder md, Roadmap? roadmap)
    {
        md.Append("## Roadmap\n\n");
        if (roadmap is null)
        {
            md.Append("No roadmap in this report.\n\n");
            return;
        }

        md.Append(Escape(roadmap.Method)).Append("\n\n");
        if (roadmap.PilotNotes.Count > 0)
        {
            md.Append("Fewer pilots than planned; the best-ranked items are not pilots because:\n\n");
            foreach (var note in roadmap.PilotNotes)
            {
                md.Append("- ").Append(Escape(note)).Append('\n');
            }

            md.Append('\n');
        }

        foreach (var phase in roadmap.Phases)
        {
            md.Append(Invariant($"### {phase.Order}. ")).Append(Escape(phase.Title)).Append("\n\nStarts when: ").Append(Escape(phase.Gate))
                .Append(Invariant($". {phase.Items.Count} item(s), {phase.EffortDaysP50:N0} person-days, {phase.ImplementationCostP50:N0} {roadmap.Currency}, {phase.BenefitHoursP50:N0} benefit h/year, {roadmap.HorizonYears}-year net value {phase.NetValueP50:N0} {roadmap.Currency} (P50).\n\n"))
                .Append("| # | Task | Risk | Payback (P50) | Person-days (P50) | Why here | Safeguards | Hours freed per role |\n|--:|---|---|--:|--:|---|---|---|\n");
            foreach (var item in phase.Items)
            {
                md.Append(Invariant($"| {item.Rank} | ")).Append(Escape(item.Task)).Append(item.Status is { } s ? " *(" + s.ToString().ToLowerInvariant() + ")*" : "")
                    .Append(" | ").Append(item.Tier.ToString()).Append(" | ").Append(RoadmapBuilder.Months(item.PaybackMonths.P50)).Append(Invariant($" | {item.EffortDaysP50:N1} | "))
                    .Append(Escape(item.Reason)).Append(" | ")
                    .Append(string.Join("; ", item.Safeguards.Select(step => (step.Prerequisite ? "before: " : "with: ") + Escape(step.Description) + Invariant($" ({step.Days:0.#} days)"))))
                    .Append(" | ").Append(Escape(string.Join(", ", item.FreedHours.Select(f => Invariant($"{f.Who}: {f.HoursPerYear:N0} h/year")))))
                    .Append(" |\n");
            }

            md.Append('\n');
        }

        if (roadmap.NotPlanned.Count > 0)
        {
            md.Append(Invariant($"### Not planned ({roadmap.NotPlanned.Count})\n\n"));
            foreach (var item in roadmap.NotPlanned)
            {
                md.Append(Invariant($"- #{item.Rank} ")).Append(Escape(item.Task)).Append(" (").Append(Escape(item.Process)).Append("): ").Append(Escape(item.Reason)).Append('\n');
            }

            md.Append('\n');
        }
    }

    private static void RealisationSection(StringBuilder md, RealisationSummary? realisation)
    {
        md.Append("## Realised benefit\n\n");
        if (realisation is null)
        {
            md.Append("No opportunity is marked piloting or automated yet.\n\n");
            return;
        }

        md.Append(Escape(realisation.Method)).Append("\n\n");
        foreach (var track in realisation.Tracks)
        {
            md.Append("### ").Append(Escape(track.Task)).Append(" (").Append(track.Status.ToString().ToLowerInvariant()).Append(")\n\n")
                .Append(track.RealisedHoursPerYear is { } realised ? Invariant($"Realised {realised:N0} h/year") : "Not measured in this scan")
                .Append(Invariant($" against {track.EstimatedBenefitHours.P10:N0} / {track.EstimatedBenefitHours.P50:N0} / {track.EstimatedBenefitHours.P90:N0} h/year estimated: "))
                .Append(Escape(track.Verdict)).Append(".\n\n| Scan | Automation rate | Executions/year | Manual h/year | Handling (s) | Realised h/year |\n|---|--:|--:|--:|--:|--:|\n");
            foreach (var p in track.Points)
            {
                md.Append("| ").Append(Escape(p.ScanId)).Append(p.Observed
                    ? Invariant($" | {p.AutomationRate ?? 0:P1} | {p.ExecutionsPerYear ?? 0:N0} | {p.ManualHoursPerYear ?? 0:N0} | {p.HandlingSeconds ?? 0:N0} | {p.RealisedHoursPerYear ?? 0:N0} |\n")
                    : " | not in this scan | | | | |\n");
            }

            md.Append('\n');
        }

        md.Append("| Task | Status | Reason |\n|---|---|---|\n");
        foreach (var status in realisation.Statuses)
        {
            md.Append("| ").Append(Escape(status.Task)).Append(" | ").Append(status.Status.ToString().ToLowerInvariant()).Append(" | ").Append(Escape(status.Reason ?? "")).Append(" |\n");
        }

        md.Append('\n');
    }
}
