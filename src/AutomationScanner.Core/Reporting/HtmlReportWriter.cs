using System.Globalization;
using System.Net;
using System.Text;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Reporting;

/// <summary>
/// One self-contained HTML file: inline CSS and SVG charts (value vs risk matrix, Pareto of benefit hours), no
/// scripts and no external assets (a Content-Security-Policy forbids them), so it opens offline and in mail gateways.
/// All report text is HTML-encoded; resources only ever appear as pseudonyms.
/// </summary>
public static partial class HtmlReportWriter
{
    /// <summary>Bars in the Pareto chart; the rest are summed in the caption.</summary>
    public const int ParetoBars = 40;

    private const int Width = 720;
    private const int Height = 380;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 56;

    private static readonly RiskTier[] Tiers = [RiskTier.Minimal, RiskTier.Limited, RiskTier.High, RiskTier.Prohibited];

    public static Task WriteAsync(ScanReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return destination.WriteAsync(Encoding.UTF8.GetBytes(Render(report)), cancellationToken).AsTask();
    }

    public static string Render(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        var currency = report.ValueAssumptions.Currency;
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            """);
        html.Append("<title>Automation opportunities - scan ").Append(E(report.ScanId)).Append("</title>\n");
        html.Append("""
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1b1f24;max-width:1400px}.wide{overflow-x:auto}
            h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
            table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border-bottom:1px solid #e5e7eb;padding:.3rem .4rem;text-align:left;vertical-align:top}
            th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .tier-minimal{color:#1a7f37}.tier-limited{color:#9a6700}.tier-high{color:#bc4c00;font-weight:600}.tier-prohibited{color:#cf222e;font-weight:700}
            .pill{display:inline-block;padding:0 .4rem;border-radius:.6rem;background:#eef1f4;margin:0 .15rem .15rem 0;font-size:.75rem}
            mark{background:#fff3b0}svg{max-width:100%;height:auto;background:#fff}
            .point.rec-recommended{fill:#2da44e}.point.rec-recommendedwithsafeguards{fill:#d4a72c}.point.rec-backlog{fill:#8c959f}.point.rec-notrecommended{fill:#cf222e}.point.rec-needsdata{fill:#8250df}
            .bar{fill:#0969da}.bar.basis-estimated{fill:#54aeff}.bar.basis-assumed{fill:#d0d7de;stroke:#8c959f}.cumulative{fill:none;stroke:#cf222e;stroke-width:2}.axis{stroke:#57606a}.grid{stroke:#eaeef2}
            .muted{color:#57606a;font-size:.85rem}details summary{cursor:pointer}
            .label{font-size:11px;fill:#1b1f24}.value-label{font-size:11px;fill:#57606a}
            .basis-measured{color:#1a7f37}.basis-estimated{color:#9a6700}.basis-assumed{color:#cf222e;font-weight:600}
            </style>
            </head>
            <body>
            """);
        html.Append("<h1>Automation opportunities</h1>\n<p class=\"muted\">Scan <b>").Append(E(report.ScanId)).Append("</b>, generated ")
            .Append(E(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(", report schema ").Append(E(report.SchemaVersion)).Append(", rule catalogue ").Append(E(report.RuleCatalogueVersion)).Append(".</p>\n");

        // One method per section, in reading order; each writes its own <section id="...">.
        Summary(html, report, currency);
        Processes(html, report);
        Matrix(html, report);
        Pareto(html, report);
        Table(html, report, currency);
        Context(html, report);
        Roles(html, report);
        Costs(html, report);
        RoadmapSection(html, report.Roadmap);
        RealisationSection(html, report.Realisation);
        Risks(html, report);
        Diff(html, report.Diff);
        Assumptions(html, report);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, ScanReport report, string currency)
    {
        var active = report.Opportunities.Where(o => o.Recommendation is Recommendation.Recommended or Recommendation.RecommendedWithSafeguards).ToList();
        html.Append("<section id=\"summary\"><h2>Summary</h2><ul>\n");
        foreach (var group in Enum.GetValues<Recommendation>())
        {
            html.Append("<li>").Append(E(Words(group))).Append(": <b>")
                .Append(report.Opportunities.Count(o => o.Recommendation == group).ToString(CultureInfo.InvariantCulture)).Append("</b></li>\n");
        }

        html.Append("<li>Recommended benefit: <b>").Append(Range(Sum(active, o => o.Value.BenefitHours), "N0")).Append(" h/year</b> (P10 / P50 / P90), ")
            .Append(Range(Sum(active, o => o.Value.Fte), "N2")).Append(" FTE, ")
            .Append(Range(Sum(active, o => o.Value.Money), "N0")).Append(' ').Append(E(currency)).Append("</li>\n");
        html.Append("<li id=\"benefit-by-basis\">Recommended benefit (P50) by handling-time basis: ").Append(E(ReportText.BenefitByBasisLine(report))).Append("</li>\n");
        html.Append(Invariant($"<li>Context activities (states, system steps, requester steps, measurements, waits, third parties; never ranked): <b>{report.Context.Count}</b></li>\n"));
        html.Append("</ul><p class=\"muted\">Ranges are scenarios at the P10, median and P90 handling time. Realised RPA benefits are often lower than estimated.</p></section>\n");
    }

    /// <summary>What each log holds: events, cases, span, resources, roles, and the rows that could not be used.</summary>
    private static void Processes(StringBuilder html, ScanReport report)
    {
        html.Append("<section id=\"processes\"><h2>Processes</h2>\n");
        if (report.Processes.Count == 0)
        {
            html.Append("<p>No event log was read.</p></section>\n");
            return;
        }

        html.Append("<table id=\"process-table\"><thead><tr><th>Process</th><th>Events</th><th>Cases</th><th>Activities</th><th>Variants</th><th>Resources</th><th>Roles</th>")
            .Append("<th>Span</th><th>Case duration (median)</th><th>Rows not used</th><th>Opportunities</th></tr></thead>\n<tbody>\n");
        foreach (var p in report.Processes)
        {
            var opportunities = report.Opportunities.Count(o => o.Process == p.Process);
            html.Append("<tr data-process=\"").Append(E(p.Process)).Append("\"><td>").Append(E(p.Process)).Append("<br><span class=\"muted\">").Append(E(string.Join(", ", p.Files)))
                .Append("</span></td>").Append(Invariant($"<td class=\"n\">{p.Events:N0}</td><td class=\"n\">{p.Cases:N0}</td><td class=\"n\">{p.Activities:N0}</td><td class=\"n\">{p.Variants:N0}</td>"))
                .Append(Invariant($"<td class=\"n\">{p.Resources:N0}</td><td class=\"n\">{p.Roles:N0}</td><td>")).Append(E(ReportText.Span(p))).Append("</td><td class=\"n\">")
                .Append(p.CaseDuration.HasData ? E(ReportText.Duration(p.CaseDuration.MedianSeconds)) : "-").Append("</td><td class=\"n\"");
            var faults = ReportText.Faults(p);
            if (faults > 0)
            {
                html.Append(" title=\"").Append(E(string.Join("; ", p.DataQuality.Select(i => Invariant($"{i.Kind}: {i.Count:N0}"))))).Append('"');
            }

            html.Append(Invariant($">{faults:N0}</td><td class=\"n\">{opportunities:N0}</td></tr>\n"));
        }

        html.Append("</tbody></table>\n");
        var shared = report.Processes.SelectMany(p => p.SharedResources.Select(s => (p.Process, s))).ToList();
        if (shared.Count > 0)
        {
            html.Append("<p>Resource ids that stand for a role or a group, not a person (job displacement counts them as roles):</p><ul id=\"shared-ids\">\n");
            foreach (var (process, s) in shared)
            {
                html.Append("<li><b>").Append(E(s.Who)).Append("</b> (").Append(E(process)).Append("): ").Append(E(s.Evidence)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>
    /// Activities that are not tasks, grouped by kind: what each is, the evidence for it, and what it means for the
    /// analysis (a system step is automation already achieved; a decline state marks the work step that decides).
    /// </summary>
    private static void Context(StringBuilder html, ScanReport report)
    {
        html.Append("<section id=\"context\"><h2>Context: activities that are not tasks</h2>\n")
            .Append("<p class=\"muted\">States, system steps, the requester's own steps, measurements, waits and third parties are recorded in the logs but are not work the client's staff performs: they are never ranked or recommended.</p>\n");
        if (report.Context.Count == 0)
        {
            html.Append("<p>Every activity read is a work or decision step.</p></section>\n");
            return;
        }

        html.Append("<table id=\"context-table\"><thead><tr><th>Process</th><th>Activity</th><th>Kind</th><th>Confidence</th><th>Executions / year</th><th>Meaning</th><th>Evidence</th></tr></thead>\n<tbody>\n");
        foreach (var c in report.Context.OrderBy(c => c.Kind).ThenBy(c => c.Process, StringComparer.Ordinal).ThenByDescending(c => c.ExecutionsPerYear))
        {
            var kind = c.Kind.ToString().ToLowerInvariant();
            html.Append("<tr data-id=\"").Append(E(c.Id)).Append("\" data-kind=\"").Append(kind).Append("\"><td>").Append(E(c.Process)).Append("</td><td>").Append(E(c.Task))
                .Append("</td><td>").Append(kind).Append(Invariant($"</td><td class=\"n\">{c.KindConfidence:P0}</td><td class=\"n\">{c.ExecutionsPerYear:N0}</td><td>"))
                .Append(E(c.Role));
            if (c.DecidedBy.Count > 0)
            {
                html.Append("<br><span class=\"muted\">Decided by: ").Append(E(string.Join(", ", c.DecidedBy))).Append("</span>");
            }

            html.Append("</td><td><ul class=\"evidence\">");
            foreach (var e in c.KindEvidence.Take(5))
            {
                html.Append("<li>").Append(E(e.Source)).Append(" &rarr; ").Append(E(e.Kind.ToString().ToLowerInvariant())).Append(": ").Append(E(e.Description)).Append("</li>");
            }

            html.Append("</ul></td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    /// <summary>Who does the work, by the roles the logs name (org:role): executions, hours a year and the main activities.</summary>
    private static void Roles(StringBuilder html, ScanReport report)
    {
        html.Append("<section id=\"roles\"><h2>Work by role</h2>\n");
        var lines = ReportText.Roles(report);
        if (lines.Count == 0)
        {
            html.Append("<p>No log names roles (XES <code>org:role</code> or a role column); map one with <code>--map role=COLUMN</code>.</p></section>\n");
            return;
        }

        html.Append("<p class=\"muted\">Roles as the logs name them (org:role or a role column), over the ranked tasks; hours are manual hours a year split by each role's share of a task's executions. Placeholders such as UNDEFINED are shown as the log says them.</p>\n");
        html.Append("<table id=\"role-table\"><thead><tr><th>Process</th><th>Role</th><th>Executions</th><th>Share</th><th>Manual h/year (P50)</th><th>Main activities</th></tr></thead>\n<tbody>\n");
        foreach (var r in lines)
        {
            html.Append("<tr><td>").Append(E(r.Process)).Append("</td><td>").Append(E(r.Role)).Append(Invariant($"</td><td class=\"n\">{r.Executions:N0}</td><td class=\"n\">{r.Share:P0}</td><td class=\"n\">{r.HoursPerYear:N0}</td><td>"))
                .Append(E(string.Join("; ", r.TopActivities))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    /// <summary>One point per opportunity: x = risk tier band, y = benefit hours (log scale).</summary>
    private static void Matrix(StringBuilder html, ScanReport report)
    {
        html.Append("<section id=\"matrix\"><h2>Value vs risk</h2>\n");
        html.Append(Invariant($"<svg id=\"value-risk-matrix\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Benefit hours per year against risk tier, one point per opportunity\">\n"));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var band = plotWidth / (double)Tiers.Length;
        var maxLog = Math.Log10(1 + report.Opportunities.Select(o => o.Value.BenefitHours.P50).DefaultIfEmpty(0).Max());
        maxLog = maxLog <= 0 ? 1 : Math.Ceiling(maxLog);
        for (var decade = 0; decade <= maxLog; decade++)
        {
            var y = Top + plotHeight - (decade / maxLog * plotHeight);
            html.Append(Invariant($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>"))
                .Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{Math.Pow(10, decade) - (decade == 0 ? 1 : 0):N0}</text>\n"));
        }

        for (var t = 0; t < Tiers.Length; t++)
        {
            var x = Left + (band * (t + 0.5));
            html.Append(Invariant($"<line class=\"grid\" x1=\"{Left + (band * t):0.#}\" x2=\"{Left + (band * t):0.#}\" y1=\"{Top}\" y2=\"{Top + plotHeight}\"/>"))
                .Append(Invariant($"<text class=\"tier-{Tiers[t].ToString().ToLowerInvariant()}\" x=\"{x:0.#}\" y=\"{Height - Bottom + 18}\" font-size=\"12\" text-anchor=\"middle\">{Tiers[t]}</text>\n"));
        }

        html.Append(Invariant($"<line class=\"axis\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + plotHeight}\" y2=\"{Top + plotHeight}\"/><line class=\"axis\" x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Top + plotHeight}\"/>\n"));
        html.Append(Invariant($"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 12}\" font-size=\"12\" text-anchor=\"middle\">risk tier</text>"))
            .Append(Invariant($"<text x=\"14\" y=\"{Top + (plotHeight / 2)}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 {Top + (plotHeight / 2)})\">benefit h/year (P50, log)</text>\n"));

        foreach (var tierGroup in report.Opportunities.GroupBy(o => o.Risk.Tier))
        {
            var t = Array.IndexOf(Tiers, tierGroup.Key);
            var items = tierGroup.OrderBy(o => o.Rank).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var o = items[i];
                // Spread points across the band so that equal values stay visible.
                var x = Left + (band * t) + (band * (0.1 + (0.8 * ((i * 0.618034) % 1))));
                var y = Top + plotHeight - (Math.Log10(1 + Math.Max(0, o.Value.BenefitHours.P50)) / maxLog * plotHeight);
                html.Append(Invariant($"<circle class=\"point rec-{o.Recommendation.ToString().ToLowerInvariant()}\" data-id=\"{E(o.Id)}\" data-rank=\"{o.Rank}\" cx=\"{x:0.##}\" cy=\"{y:0.##}\" r=\"5\">"))
                    .Append("<title>#").Append(o.Rank.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(E(o.Task)).Append(" (").Append(E(o.Process)).Append("): ")
                    .Append(Invariant($"{o.Value.BenefitHours.P50:N0} h/year, {o.Risk.Tier}, {Words(o.Recommendation)}")).Append("</title></circle>\n");
            }
        }

        html.Append("</svg>\n<p class=\"muted\">Green: recommended; amber: recommended with safeguards; grey: backlog; purple: needs data (handling time only assumed); red: not recommended (prohibited).</p></section>\n");
    }

    /// <summary>
    /// Horizontal bars of benefit hours, largest first, each labelled with its rank, task and hours, with the cumulative
    /// share of all benefit as a line (top axis, 0 to 100 %) and as a figure per bar. The caption counts what is drawn,
    /// what is left out and why.
    /// </summary>
    private static void Pareto(StringBuilder html, ScanReport report)
    {
        var positive = report.Opportunities.Where(o => o.Value.BenefitHours.P50 > 0 && !o.Risk.IsProhibited)
            .OrderByDescending(o => o.Value.BenefitHours.P50).ThenBy(o => o.Rank).ToList();
        var shown = positive.Take(ParetoBars).ToList();
        var total = positive.Sum(o => o.Value.BenefitHours.P50);
        const int row = 20;
        const int labelWidth = 330;
        const int valueWidth = 110;
        const int paretoWidth = 960;
        var height = Top + 18 + (Math.Max(1, shown.Count) * row) + 24;
        var plotLeft = labelWidth;
        var plotWidth = paretoWidth - labelWidth - valueWidth;
        html.Append("<section id=\"pareto\"><h2>Pareto of benefit hours</h2>\n");
        html.Append(Invariant($"<svg id=\"pareto-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {paretoWidth} {height}\" role=\"img\" aria-label=\"Benefit hours per opportunity, largest first, with cumulative share\">\n"));
        var top = Top + 18;
        html.Append(Invariant($"<text class=\"value-label\" x=\"{plotLeft}\" y=\"{Top + 4}\">benefit h/year (P50)</text><text class=\"value-label\" x=\"{plotLeft + plotWidth}\" y=\"{Top + 4}\" text-anchor=\"end\">cumulative share: 0 to 100 %</text>\n"));
        html.Append(Invariant($"<line class=\"axis\" x1=\"{plotLeft}\" x2=\"{plotLeft}\" y1=\"{top - 4}\" y2=\"{top + (shown.Count * row)}\"/>\n"));
        if (shown.Count > 0)
        {
            var max = shown[0].Value.BenefitHours.P50;
            var cumulative = 0.0;
            var points = new List<string>();
            for (var i = 0; i < shown.Count; i++)
            {
                var o = shown[i];
                var y = top + (i * row);
                var w = o.Value.BenefitHours.P50 / max * plotWidth;
                cumulative += o.Value.BenefitHours.P50;
                var share = cumulative / total;
                var label = Invariant($"#{o.Rank} ") + Shorten(o.Task, 44);
                html.Append(Invariant($"<text class=\"label\" x=\"{plotLeft - 6}\" y=\"{y + 14}\" text-anchor=\"end\">")).Append(E(label)).Append("<title>")
                    .Append(E(o.Task)).Append(" (").Append(E(o.Process)).Append(")</title></text>")
                    .Append(Invariant($"<rect class=\"bar basis-{ReportText.BasisWord(o.HandlingBasis)}\" data-id=\"{E(o.Id)}\" x=\"{plotLeft}\" y=\"{y + 3}\" width=\"{Math.Max(1, w):0.##}\" height=\"{row - 6}\">"))
                    .Append("<title>#").Append(o.Rank.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(E(o.Task))
                    .Append(Invariant($": {o.Value.BenefitHours.P50:N0} h/year, {share:P0} cumulative")).Append("</title></rect>")
                    .Append(Invariant($"<text class=\"value-label bar-value\" x=\"{plotLeft + plotWidth + 6}\" y=\"{y + 14}\">{o.Value.BenefitHours.P50:N0} h · {share:P0}</text>\n"));
                points.Add(Invariant($"{plotLeft + (share * plotWidth):0.##},{y + (row / 2.0):0.##}"));
            }

            html.Append("<polyline class=\"cumulative\" points=\"").Append(string.Join(' ', points)).Append("\"/>\n");
        }

        var prohibited = report.Opportunities.Count(o => o.Risk.IsProhibited);
        var zero = report.Opportunities.Count(o => o.Value.BenefitHours.P50 <= 0 && !o.Risk.IsProhibited);
        var shownShare = total > 0 ? shown.Sum(o => o.Value.BenefitHours.P50) / total : 0;
        html.Append("</svg>\n<p class=\"muted\" id=\"pareto-caption\">")
            .Append(Invariant($"{shown.Count} bars: the {(shown.Count == positive.Count ? "" : "top ")}{shown.Count} of the {positive.Count} opportunities with benefit, {shownShare:P0} of it; "))
            .Append(Invariant($"{report.Opportunities.Count} opportunities in all; not drawn: {zero} with no benefit, {prohibited} prohibited."))
            .Append(" After each bar: its hours and the cumulative share. Bar colour is the handling-time basis: dark blue measured, light blue estimated, grey outline assumed (needs data).</p></section>\n");
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static void Table(StringBuilder html, ScanReport report, string currency)
    {
        html.Append("<section id=\"opportunities\"><h2>Ranked opportunities</h2>\n<div class=\"wide\"><table id=\"opportunity-table\"><thead><tr>")
            .Append("<th>#</th><th>Process</th><th>Task</th><th>Kind</th><th>Priority</th><th>Recommendation</th><th>Risk and safeguards</th>")
            .Append("<th>Executions / year</th><th>Handling time (basis)</th><th>Benefit h/year P50 (P10 to P90)</th><th>FTE (P50)</th><th>").Append(E(currency)).Append(" / year (P50)</th><th>Confidence</th><th>Why</th></tr></thead>\n<tbody>\n");
        foreach (var o in report.Opportunities)
        {
            var tier = o.Risk.Tier.ToString();
            html.Append("<tr data-id=\"").Append(E(o.Id)).Append("\"><td class=\"n\">").Append(o.Rank.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(E(o.Process)).Append("</td><td>").Append(E(o.Task)).Append("</td><td class=\"kind\" title=\"").Append(E(ReportText.KindEvidence(o.KindEvidence)))
                .Append("\">").Append(E(o.Kind.ToString().ToLowerInvariant())).Append("</td><td class=\"n\">").Append(Invariant($"{o.Score:0.0}"))
                .Append("</td><td>").Append(E(Words(o.Recommendation))).Append("</td><td><span class=\"tier tier-").Append(tier.ToLowerInvariant()).Append("\">").Append(tier)
                .Append("</span><br>");
            foreach (var safeguard in o.Risk.Safeguards)
            {
                html.Append("<span class=\"pill\">").Append(E(Words(safeguard))).Append("</span>");
            }

            html.Append(Invariant($"</td><td class=\"n\">{o.ExecutionsPerYear:N0}</td><td class=\"handling basis-{ReportText.BasisWord(o.HandlingBasis)}\" title=\"")).Append(E(ReportText.BasisDetail(o))).Append("\">")
                .Append(E(ReportText.Handling(o))).Append(Invariant($"</td><td class=\"n benefit\"><b>{o.Value.BenefitHours.P50:N0}</b><br><span class=\"muted\">{o.Value.BenefitHours.P10:N0} to {o.Value.BenefitHours.P90:N0}</span></td><td class=\"n\">{o.Value.Fte.P50:N2}"))
                .Append("</td><td class=\"n\">").Append(Invariant($"{o.Value.Money.P50:N0}")).Append("</td><td class=\"n\" title=\"")
                .Append(E(string.Join("; ", o.Value.ConfidenceReasons))).Append("\">").Append(Invariant($"{o.Value.Confidence:P0}")).Append("</td><td><details><summary>")
                .Append(o.Why.Count.ToString(CultureInfo.InvariantCulture)).Append(" factors</summary><p class=\"muted\">Kind: ").Append(E(o.Kind.ToString().ToLowerInvariant()))
                .Append(Invariant($" ({o.KindConfidence:P0}): ")).Append(E(ReportText.KindEvidence(o.KindEvidence))).Append("<br>Handling time: ").Append(E(ReportText.BasisDetail(o)))
                .Append("</p><table class=\"why\"><tr><th>Factor</th><th>Value</th><th>Weight</th><th>Points</th><th>Because</th></tr>");
            foreach (var f in o.Why)
            {
                html.Append("<tr><td>").Append(E(f.Name)).Append("</td><td class=\"n\">").Append(Invariant($"{f.Value:0.###}")).Append("</td><td class=\"n\">")
                    .Append(Invariant($"{f.Weight:0.###}")).Append("</td><td class=\"n\">").Append(Invariant($"{f.Contribution:+0.0;-0.0;0.0}")).Append("</td><td>")
                    .Append(E(f.Explanation)).Append("</td></tr>");
            }

            html.Append("</table></details></td></tr>\n");
        }

        html.Append("</tbody></table></div></section>\n");
    }

    private static void Risks(StringBuilder html, ScanReport report)
    {
        html.Append("<section id=\"risks\"><h2>Risk findings</h2>\n");
        var flagged = report.Opportunities.Where(o => o.Risk.Hits.Count > 0).ToList();
        if (flagged.Count == 0)
        {
            html.Append("<p>No rule fired.</p>");
        }

        foreach (var o in flagged)
        {
            html.Append("<details class=\"risk\" data-id=\"").Append(E(o.Id)).Append("\"").Append(o.Risk.Tier >= RiskTier.High ? " open" : "").Append("><summary>#")
                .Append(o.Rank.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(E(o.Task)).Append(" - <span class=\"tier-")
                .Append(o.Risk.Tier.ToString().ToLowerInvariant()).Append("\">").Append(o.Risk.Tier.ToString()).Append("</span></summary>\n<table><tr><th>Rule</th><th>Clause</th><th>Evidence</th><th>Where</th><th>Counts</th></tr>\n");
            foreach (var hit in o.Risk.Hits)
            {
                html.Append("<tr><td>").Append(E(hit.RuleId)).Append("<br><span class=\"muted\">").Append(E(hit.Title)).Append("</span></td><td>").Append(E(hit.Clause))
                    .Append("</td><td>").Append(Evidence(hit.Evidence)).Append(hit.Note is null ? "" : "<br><span class=\"muted\">" + E(hit.Note) + "</span>")
                    .Append("</td><td>").Append(E(hit.Evidence.Location)).Append("</td><td>").Append(hit.Applied ? "yes" : "no").Append("</td></tr>\n");
            }

            html.Append("</table>\n");
            foreach (var note in o.Risk.Notes)
            {
                html.Append("<p class=\"muted\">").Append(E(note)).Append("</p>\n");
            }

            Displacement(html, o.Risk.Displacement);

            html.Append("</details>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>Work affected, by person (pseudonym) and by role, and the shared ids counted as roles with their evidence.</summary>
    private static void Displacement(StringBuilder html, DisplacementEstimate displacement)
    {
        var shares = displacement.ByResource.Select(s => ("person ", s)).Concat(displacement.ByRole.Select(s => ("role ", s))).Take(10).ToList();
        if (shares.Count > 0)
        {
            html.Append("<p class=\"muted displacement\">Work affected: ")
                .Append(string.Join(", ", shares.Select(s => s.Item1 + E(s.Item2.Who) + Invariant($" {s.Item2.HoursPerYear:N0} h/year ({s.Item2.ShareOfLoggedWork:P0} of their work)"))))
                .Append("</p>\n");
        }

        foreach (var note in displacement.SharedIds)
        {
            html.Append("<p class=\"muted shared-id\">").Append(E(note)).Append("</p>\n");
        }
    }

    private static void Diff(StringBuilder html, ScanDiff? diff)
    {
        html.Append("<section id=\"diff\"><h2>Changes since the previous scan</h2>\n");
        if (diff is null)
        {
            html.Append("<p>First scan: nothing to compare with.</p></section>\n");
            return;
        }

        html.Append("<p class=\"muted\">Compared with scan ").Append(E(diff.PreviousScanId)).Append(".</p>\n");
        List("New", "diff-new", diff.New.Select(d => Invariant($"#{d.Rank} ") + E(d.Task) + " (" + E(d.Process) + ")"));
        List("Dropped", "diff-dropped", diff.Dropped.Select(d => E(d.Task) + " (" + E(d.Process) + Invariant($"), was #{d.PreviousRank}")));
        List("Moved", "diff-moved", diff.Moved.Select(d => E(d.Task) + Invariant($": #{d.PreviousRank} to #{d.Rank}")));
        List("Risk changes", "diff-risk", diff.RiskChanges.Select(d => E(d.Task) + ": " + (d.PreviousTier?.ToString() ?? "not screened") + " to " + d.Tier));
        html.Append("</section>\n");

        void List(string title, string id, IEnumerable<string> items)
        {
            var list = items.ToList();
            html.Append("<h3>").Append(title).Append(Invariant($" ({list.Count})</h3><ul id=\"{id}\">"));
            foreach (var item in list)
            {
                html.Append("<li>").Append(item).Append("</li>");
            }

            html.Append("</ul>\n");
        }
    }

    private static void Assumptions(StringBuilder html, ScanReport report)
    {
        var v = report.ValueAssumptions;
        var d = report.RegulatoryDates;
        html.Append("<section id=\"assumptions\"><h2>How to read this report</h2>\n<p>").Append(E(report.ScoreDescription)).Append("</p><ul>\n")
            .Append(Invariant($"<li>FTE = hours / ({v.WorkingDaysPerYear:0.#} working days x {v.HoursPerDay:0.#} h); money = benefit hours x {v.HourlyCost:N2} ")).Append(E(v.Currency)).Append(" per hour.</li>\n")
            .Append("<li>EU AI Act Art. 5 prohibitions apply since ").Append(Date(d.AiActArt5AppliesFrom)).Append("; Annex III high-risk duties from ")
            .Append(Date(d.AiActAnnexIIIAppliesFromAct)).Append(" in the Act, ").Append(Date(d.AiActAnnexIIIAppliesFromOmnibusAgreement)).Append(" under the Digital Omnibus agreement: ")
            .Append(E(d.OmnibusStatus)).Append("</li>\n");
        foreach (var assumption in report.Assumptions)
        {
            html.Append("<li>").Append(E(assumption)).Append("</li>\n");
        }

        foreach (var process in report.Processes)
        {
            html.Append("<li>").Append(E(process.Process)).Append(": ").Append(E(process.TimeZoneNote)).Append("</li>\n");
            foreach (var note in process.ObjectCentric?.Notes ?? [])
            {
                html.Append("<li>").Append(E(process.Process)).Append(": ").Append(E(note)).Append("</li>\n");
            }
        }

        html.Append("</ul></section>\n");
    }

    private static string Evidence(EvidenceSpan span)
    {
        if (span.MatchStart < 0 || span.MatchStart + span.MatchLength > span.Excerpt.Length)
        {
            return E(span.Excerpt);
        }

        return E(span.Excerpt[..span.MatchStart]) + "<mark>" + E(span.Excerpt.Substring(span.MatchStart, span.MatchLength)) + "</mark>"
            + E(span.Excerpt[(span.MatchStart + span.MatchLength)..]);
    }

    private static ValueRange Sum(List<Opportunity> items, Func<Opportunity, ValueRange> pick) =>
        new(items.Sum(o => pick(o).P10), items.Sum(o => pick(o).P50), items.Sum(o => pick(o).P90));

    private static string Range(ValueRange range, string format) =>
        string.Join(" / ", new[] { range.P10, range.P50, range.P90 }.Select(x => x.ToString(format, CultureInfo.InvariantCulture)));

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    internal static string Words<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                builder.Append(name[i]);
            }
        }

        return builder.ToString().Replace("Dpia", "DPIA", StringComparison.Ordinal);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
