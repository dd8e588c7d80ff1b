using System.Globalization;
using System.Text;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Reporting;

/// <summary>
/// The report as GitHub-flavoured Markdown for tickets and wikis. Untrusted text (task names, evidence) is escaped
/// so it cannot open links, images, HTML or break the tables.
/// </summary>
public static partial class MarkdownReportWriter
{
    /// <summary>Opportunities whose "why" breakdown is printed in full.</summary>
    public const int WhyDetailCount = 10;

    public static Task WriteAsync(ScanReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return destination.WriteAsync(Encoding.UTF8.GetBytes(Render(report)), cancellationToken).AsTask();
    }

    public static string Render(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder(32 * 1024);
        var currency = report.ValueAssumptions.Currency;
        md.Append("# Automation opportunities: scan ").Append(Escape(report.ScanId)).Append("\n\n")
            .Append(Invariant($"Generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC. Report schema {report.SchemaVersion}, rule catalogue {report.RuleCatalogueVersion}.\n\n"));

        md.Append("## Summary\n\n");
        foreach (var group in Enum.GetValues<Recommendation>())
        {
            md.Append("- ").Append(HtmlReportWriter.Words(group)).Append(": ")
                .Append(report.Opportunities.Count(o => o.Recommendation == group).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        md.Append("- Recommended benefit (P50) by handling-time basis: ").Append(Escape(ReportText.BenefitByBasisLine(report))).Append('\n')
            .Append(Invariant($"- Context activities (not tasks, never ranked): {report.Context.Count}\n"));
        md.Append("\nRanges are P10 / P50 / P90 scenarios of the handling time. Realised benefits are often lower than estimated.\n\n");

        Processes(md, report);

        md.Append("## Ranked opportunities\n\n")
            .Append("| # | Process | Task | Kind | Priority | Recommendation | Risk | Safeguards | Executions / year | Handling time (basis) | Benefit h/year (P10 / P50 / P90) | FTE (P50) | ")
            .Append(Escape(currency)).Append(" / year (P50) | Confidence |\n")
            .Append("|--:|---|---|---|--:|---|---|---|--:|---|--:|--:|--:|--:|\n");
        foreach (var o in report.Opportunities)
        {
            md.Append(Invariant($"| {o.Rank} | ")).Append(Escape(o.Process)).Append(" | ").Append(Escape(o.Task)).Append(" | ").Append(o.Kind.ToString().ToLowerInvariant())
                .Append(Invariant($" | {o.Score:0.0} | "))
                .Append(HtmlReportWriter.Words(o.Recommendation)).Append(" | ").Append(o.Risk.Tier.ToString()).Append(" | ")
                .Append(string.Join(", ", o.Risk.Safeguards.Select(s => HtmlReportWriter.Words(s)))).Append(" | ")
                .Append(Invariant($"{o.ExecutionsPerYear:N0} | ")).Append(Escape(ReportText.Handling(o))).Append(" | ")
                .Append(Invariant($"{o.Value.BenefitHours.P10:N0} / {o.Value.BenefitHours.P50:N0} / {o.Value.BenefitHours.P90:N0} | {o.Value.Fte.P50:N2} | {o.Value.Money.P50:N0} | {o.Value.Confidence:P0} |\n"));
        }

        md.Append("\n## Why the top items rank where they do\n\n");
        foreach (var o in report.Opportunities.Where(o => !o.Risk.IsProhibited).Take(WhyDetailCount))
        {
            md.Append(Invariant($"### #{o.Rank} ")).Append(Escape(o.Task)).Append(Invariant($" (priority {o.Score:0.0})\n\n"))
                .Append("Kind: ").Append(o.Kind.ToString().ToLowerInvariant()).Append(Invariant($" ({o.KindConfidence:P0}): ")).Append(Escape(ReportText.KindEvidence(o.KindEvidence))).Append(".\n")
                .Append("Handling time: ").Append(Escape(ReportText.Duration(o.HandlingSeconds))).Append(", ").Append(Escape(ReportText.BasisDetail(o))).Append(".\n\n")
                .Append("| Factor | Value | Weight | Points | Because |\n|---|--:|--:|--:|---|\n");
            foreach (var f in o.Why)
            {
                md.Append("| ").Append(Escape(f.Name)).Append(Invariant($" | {f.Value:0.###} | {f.Weight:0.###} | {f.Contribution:+0.0;-0.0;0.0} | ")).Append(Escape(f.Explanation)).Append(" |\n");
            }

            md.Append('\n');
        }

        Context(md, report);
        Roles(md, report);
        Costs(md, report);
        RoadmapSection(md, report.Roadmap);
        RealisationSection(md, report.Realisation);

        md.Append("## Risk findings\n\n");
        var flagged = report.Opportunities.Where(o => o.Risk.Hits.Count > 0).ToList();
        if (flagged.Count == 0)
        {
            md.Append("No rule fired.\n\n");
        }

        foreach (var o in flagged)
        {
            md.Append(Invariant($"### #{o.Rank} ")).Append(Escape(o.Task)).Append(": ").Append(o.Risk.Tier.ToString()).Append("\n\n");
            foreach (var hit in o.Risk.Hits)
            {
                md.Append("- **").Append(Escape(hit.RuleId)).Append("** (").Append(Escape(hit.Clause)).Append(")").Append(hit.Applied ? "" : " *(recorded, does not count)*")
                    .Append(": \"").Append(Escape(hit.Evidence.Excerpt)).Append("\", ").Append(Escape(hit.Evidence.Location))
                    .Append(hit.Note is null ? "" : ". " + Escape(hit.Note)).Append('\n');
            }

            foreach (var note in o.Risk.Notes)
            {
                md.Append("- ").Append(Escape(note)).Append('\n');
            }

            var d = o.Risk.Displacement;
            var shares = d.ByResource.Select(x => "person " + Escape(x.Who) + Invariant($" {x.HoursPerYear:N0} h/year ({x.ShareOfLoggedWork:P0} of their work)"))
                .Concat(d.ByRole.Select(x => "role " + Escape(x.Who) + Invariant($" {x.HoursPerYear:N0} h/year ({x.ShareOfLoggedWork:P0} of its work)"))).Take(10).ToList();
            if (shares.Count > 0)
            {
                md.Append("- Work affected: ").Append(string.Join(", ", shares)).Append('\n');
            }

            foreach (var shared in d.SharedIds)
            {
                md.Append("- ").Append(Escape(shared)).Append('\n');
            }

            md.Append('\n');
        }

        md.Append("## Changes since the previous scan\n\n");
        if (report.Diff is not { } diff)
        {
            md.Append("First scan: nothing to compare with.\n\n");
        }
        else
        {
            md.Append("Compared with scan ").Append(Escape(diff.PreviousScanId)).Append(".\n\n");
            Section(md, "New", diff.New.Select(d => Invariant($"#{d.Rank} ") + Escape(d.Task) + " (" + Escape(d.Process) + ")"));
            Section(md, "Dropped", diff.Dropped.Select(d => Escape(d.Task) + " (" + Escape(d.Process) + Invariant($"), was #{d.PreviousRank}")));
            Section(md, "Moved", diff.Moved.Select(d => Escape(d.Task) + Invariant($": #{d.PreviousRank} to #{d.Rank}")));
            Section(md, "Risk changes", diff.RiskChanges.Select(d => Escape(d.Task) + ": " + (d.PreviousTier?.ToString() ?? "not screened") + " to " + d.Tier));
        }

        var v = report.ValueAssumptions;
        md.Append("## How to read this report\n\n").Append(Escape(report.ScoreDescription)).Append("\n\n")
            .Append(Invariant($"- FTE = hours / ({v.WorkingDaysPerYear:0.#} working days x {v.HoursPerDay:0.#} h); money = benefit hours x {v.HourlyCost:N2} {v.Currency} per hour.\n"));
        foreach (var assumption in report.Assumptions)
        {
            md.Append("- ").Append(Escape(assumption)).Append('\n');
        }

        foreach (var process in report.Processes)
        {
            foreach (var note in process.ObjectCentric?.Notes ?? [])
            {
                md.Append("- ").Append(Escape(process.Process)).Append(": ").Append(Escape(note)).Append('\n');
            }
        }

        return md.ToString();
    }

    private static void Processes(StringBuilder md, ScanReport report)
    {
        md.Append("## Processes\n\n");
        if (report.Processes.Count == 0)
        {
            md.Append("No event log was read.\n\n");
            return;
        }

        md.Append("| Process | Events | Cases | Activities | Variants | Resources | Roles | Span | Case duration (median) | Rows not used | Opportunities |\n")
            .Append("|---|--:|--:|--:|--:|--:|--:|---|--:|--:|--:|\n");
        foreach (var p in report.Processes)
        {
            md.Append("| ").Append(Escape(p.Process)).Append(Invariant($" | {p.Events:N0} | {p.Cases:N0} | {p.Activities:N0} | {p.Variants:N0} | {p.Resources:N0} | {p.Roles:N0} | "))
                .Append(Escape(ReportText.Span(p))).Append(" | ").Append(p.CaseDuration.HasData ? Escape(ReportText.Duration(p.CaseDuration.MedianSeconds)) : "-")
                .Append(Invariant($" | {ReportText.Faults(p):N0} | {report.Opportunities.Count(o => o.Process == p.Process):N0} |\n"));
        }

        md.Append('\n');
        foreach (var p in report.Processes)
        {
            foreach (var s in p.SharedResources)
            {
                md.Append("- Shared id **").Append(Escape(s.Who)).Append("** (").Append(Escape(p.Process)).Append("), counted as a role, not a person: ").Append(Escape(s.Evidence)).Append('\n');
            }
        }

        md.Append('\n');
    }

    private static void Context(StringBuilder md, ScanReport report)
    {
        md.Append("## Context: activities that are not tasks\n\n");
        if (report.Context.Count == 0)
        {
            md.Append("Every activity read is a work or decision step.\n\n");
            return;
        }

        md.Append("Recorded in the logs but not work the client's staff performs: never ranked or recommended.\n\n")
            .Append("| Process | Activity | Kind | Confidence | Executions / year | Meaning | Evidence |\n|---|---|---|--:|--:|---|---|\n");
        foreach (var c in report.Context.OrderBy(c => c.Kind).ThenBy(c => c.Process, StringComparer.Ordinal).ThenByDescending(c => c.ExecutionsPerYear))
        {
            md.Append("| ").Append(Escape(c.Process)).Append(" | ").Append(Escape(c.Task)).Append(" | ").Append(c.Kind.ToString().ToLowerInvariant())
                .Append(Invariant($" | {c.KindConfidence:P0} | {c.ExecutionsPerYear:N0} | ")).Append(Escape(c.Role))
                .Append(c.DecidedBy.Count > 0 ? " (decided by: " + Escape(string.Join(", ", c.DecidedBy)) + ")" : string.Empty).Append(" | ")
                .Append(Escape(ReportText.KindEvidence(c.KindEvidence))).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void Roles(StringBuilder md, ScanReport report)
    {
        md.Append("## Work by role\n\n");
        var lines = ReportText.Roles(report);
        if (lines.Count == 0)
        {
            md.Append("No log names roles (XES org:role or a role column).\n\n");
            return;
        }

        md.Append("Roles as the logs name them, over the ranked tasks; hours are manual hours a year split by each role's share of a task's executions.\n\n");
        md.Append("| Process | Role | Executions | Share | Manual h/year (P50) | Main activities |\n|---|---|--:|--:|--:|---|\n");
        foreach (var r in lines)
        {
            md.Append("| ").Append(Escape(r.Process)).Append(" | ").Append(Escape(r.Role)).Append(Invariant($" | {r.Executions:N0} | {r.Share:P0} | {r.HoursPerYear:N0} | "))
                .Append(Escape(string.Join("; ", r.TopActivities))).Append(" |\n");
        }

        md.Append('\n');
    }

    /// <summary>Escapes Markdown and HTML so untrusted text renders literally on one table line.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static void Section(StringBuilder md, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        md.Append("### ").Append(title).Append(Invariant($" ({list.Count})\n\n"));
        foreach (var item in list)
        {
            md.Append("- ").Append(item).Append('\n');
        }

        md.Append('\n');
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
