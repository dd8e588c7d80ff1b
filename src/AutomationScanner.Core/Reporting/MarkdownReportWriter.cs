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

        md.Append("\nRanges are P10 / P50 / P90 scenarios of the handling time. Realised benefits are often lower than estimated.\n\n");

        md.Append("## Ranked opportunities\n\n")
            .Append("| # | Process | Task | Priority | Recommendation | Risk | Safeguards | Benefit h/year (P10 / P50 / P90) | FTE (P50) | ")
            .Append(Escape(currency)).Append(" / year (P50) | Confidence |\n")
            .Append("|--:|---|---|--:|---|---|---|--:|--:|--:|--:|\n");
        foreach (var o in report.Opportunities)
        {
            md.Append(Invariant($"| {o.Rank} | ")).Append(Escape(o.Process)).Append(" | ").Append(Escape(o.Task)).Append(Invariant($" | {o.Score:0.0} | "))
                .Append(HtmlReportWriter.Words(o.Recommendation)).Append(" | ").Append(o.Risk.Tier.ToString()).Append(" | ")
                .Append(string.Join(", ", o.Risk.Safeguards.Select(s => HtmlReportWriter.Words(s)))).Append(" | ")
                .Append(Invariant($"{o.Value.BenefitHours.P10:N0} / {o.Value.BenefitHours.P50:N0} / {o.Value.BenefitHours.P90:N0} | {o.Value.Fte.P50:N2} | {o.Value.Money.P50:N0} | {o.Value.Confidence:P0} |\n"));
        }

        md.Append("\n## Why the top items rank where they do\n\n");
        foreach (var o in report.Opportunities.Where(o => !o.Risk.IsProhibited).Take(WhyDetailCount))
        {
            md.Append(Invariant($"### #{o.Rank} ")).Append(Escape(o.Task)).Append(Invariant($" (priority {o.Score:0.0})\n\n"))
                .Append("| Factor | Value | Weight | Points | Because |\n|---|--:|--:|--:|---|\n");
            foreach (var f in o.Why)
            {
                md.Append("| ").Append(Escape(f.Name)).Append(Invariant($" | {f.Value:0.###} | {f.Weight:0.###} | {f.Contribution:+0.0;-0.0;0.0} | ")).Append(Escape(f.Explanation)).Append(" |\n");
            }

            md.Append('\n');
        }

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
