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
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1b1f24;max-width:1200px}
            h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
            table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border-bottom:1px solid #e5e7eb;padding:.3rem .4rem;text-align:left;vertical-align:top}
            th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .tier-minimal{color:#1a7f37}.tier-limited{color:#9a6700}.tier-high{color:#bc4c00;font-weight:600}.tier-prohibited{color:#cf222e;font-weight:700}
            .pill{display:inline-block;padding:0 .4rem;border-radius:.6rem;background:#eef1f4;margin:0 .15rem .15rem 0;font-size:.75rem}
            mark{background:#fff3b0}svg{max-width:100%;height:auto;background:#fff}
            .point.rec-recommended{fill:#2da44e}.point.rec-recommendedwithsafeguards{fill:#d4a72c}.point.rec-backlog{fill:#8c959f}.point.rec-notrecommended{fill:#cf222e}
            .bar{fill:#0969da}.cumulative{fill:none;stroke:#cf222e;stroke-width:2}.axis{stroke:#57606a}.grid{stroke:#eaeef2}
            .muted{color:#57606a;font-size:.85rem}details summary{cursor:pointer}
            </style>
            </head>
            <body>
            """);
        html.Append("<h1>Automation opportunities</h1>\n<p class=\"muted\">Scan <b>").Append(E(report.ScanId)).Append("</b>, generated ")
            .Append(E(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(", report schema ").Append(E(report.SchemaVersion)).Append(", rule catalogue ").Append(E(report.RuleCatalogueVersion)).Append(".</p>\n");

        Summary(html, report, currency);
        Matrix(html, report);
        Pareto(html, report);
        Table(html, report, currency);
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
        html.Append("</ul><p class=\"muted\">Ranges are scenarios at the P10, median and P90 handling time. Realised RPA benefits are often lower than estimated.</p></section>\n");
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

        html.Append("</svg>\n<p class=\"muted\">Green: recommended; amber: recommended with safeguards; grey: backlog; red: not recommended (prohibited).</p></section>\n");
    }

    /// <summary>Bars of benefit hours, largest first, with the cumulative share as a line.</summary>
    private static void Pareto(StringBuilder html, ScanReport report)
    {
        var positive = report.Opportunities.Where(o => o.Value.BenefitHours.P50 > 0 && !o.Risk.IsProhibited)
            .OrderByDescending(o => o.Value.BenefitHours.P50).ThenBy(o => o.Rank).ToList();
        var shown = positive.Take(ParetoBars).ToList();
        var total = positive.Sum(o => o.Value.BenefitHours.P50);
        html.Append("<section id=\"pareto\"><h2>Pareto of benefit hours</h2>\n");
        html.Append(Invariant($"<svg id=\"pareto-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"Benefit hours per opportunity, largest first, with cumulative share\">\n"));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        html.Append(Invariant($"<line class=\"axis\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + plotHeight}\" y2=\"{Top + plotHeight}\"/><line class=\"axis\" x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Top + plotHeight}\"/>\n"));
        if (shown.Count > 0)
        {
            var max = shown[0].Value.BenefitHours.P50;
            var slot = plotWidth / (double)shown.Count;
            var cumulative = 0.0;
            var points = new List<string>();
            html.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Top + 4}\" font-size=\"11\" text-anchor=\"end\">{max:N0}</text><text x=\"{Width - Right}\" y=\"{Top - 4}\" font-size=\"11\" text-anchor=\"end\">100 %</text>\n"));
            for (var i = 0; i < shown.Count; i++)
            {
                var o = shown[i];
                var h = o.Value.BenefitHours.P50 / max * plotHeight;
                var x = Left + (slot * i);
                html.Append(Invariant($"<rect class=\"bar\" data-id=\"{E(o.Id)}\" x=\"{x + (slot * 0.1):0.##}\" y=\"{Top + plotHeight - h:0.##}\" width=\"{slot * 0.8:0.##}\" height=\"{h:0.##}\">"))
                    .Append("<title>#").Append(o.Rank.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(E(o.Task)).Append(Invariant($": {o.Value.BenefitHours.P50:N0} h/year")).Append("</title></rect>\n");
                cumulative += o.Value.BenefitHours.P50;
                points.Add(Invariant($"{x + (slot / 2):0.##},{Top + plotHeight - (cumulative / total * plotHeight):0.##}"));
            }

            html.Append("<polyline class=\"cumulative\" points=\"").Append(string.Join(' ', points)).Append("\"/>\n");
        }

        html.Append("</svg>\n<p class=\"muted\">").Append(Invariant($"{shown.Count} of {positive.Count} opportunities with benefit shown; prohibited items are left out."))
            .Append("</p></section>\n");
    }

    private static void Table(StringBuilder html, ScanReport report, string currency)
    {
        html.Append("<section id=\"opportunities\"><h2>Ranked opportunities</h2>\n<table id=\"opportunity-table\"><thead><tr>")
            .Append("<th>#</th><th>Process</th><th>Task</th><th>Priority</th><th>Recommendation</th><th>Risk</th><th>Safeguards</th>")
            .Append("<th>Benefit h/year P10 / P50 / P90</th><th>FTE (P50)</th><th>").Append(E(currency)).Append(" / year (P50)</th><th>Confidence</th><th>Why</th></tr></thead>\n<tbody>\n");
        foreach (var o in report.Opportunities)
        {
            var tier = o.Risk.Tier.ToString();
            html.Append("<tr data-id=\"").Append(E(o.Id)).Append("\"><td class=\"n\">").Append(o.Rank.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(E(o.Process)).Append("</td><td>").Append(E(o.Task)).Append("</td><td class=\"n\">").Append(Invariant($"{o.Score:0.0}"))
                .Append("</td><td>").Append(E(Words(o.Recommendation))).Append("</td><td class=\"tier-").Append(tier.ToLowerInvariant()).Append("\">").Append(tier)
                .Append("</td><td>");
            foreach (var safeguard in o.Risk.Safeguards)
            {
                html.Append("<span class=\"pill\">").Append(E(Words(safeguard))).Append("</span>");
            }

            html.Append("</td><td class=\"n\">").Append(Range(o.Value.BenefitHours, "N0")).Append("</td><td class=\"n\">").Append(Invariant($"{o.Value.Fte.P50:N2}"))
                .Append("</td><td class=\"n\">").Append(Invariant($"{o.Value.Money.P50:N0}")).Append("</td><td class=\"n\" title=\"")
                .Append(E(string.Join("; ", o.Value.ConfidenceReasons))).Append("\">").Append(Invariant($"{o.Value.Confidence:P0}")).Append("</td><td><details><summary>")
                .Append(o.Why.Count.ToString(CultureInfo.InvariantCulture)).Append(" factors</summary><table class=\"why\"><tr><th>Factor</th><th>Value</th><th>Weight</th><th>Points</th><th>Because</th></tr>");
            foreach (var f in o.Why)
            {
                html.Append("<tr><td>").Append(E(f.Name)).Append("</td><td class=\"n\">").Append(Invariant($"{f.Value:0.###}")).Append("</td><td class=\"n\">")
                    .Append(Invariant($"{f.Weight:0.###}")).Append("</td><td class=\"n\">").Append(Invariant($"{f.Contribution:+0.0;-0.0;0.0}")).Append("</td><td>")
                    .Append(E(f.Explanation)).Append("</td></tr>");
            }

            html.Append("</table></details></td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
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

            var shares = o.Risk.Displacement.ByResource.Concat(o.Risk.Displacement.ByRole).Take(10).ToList();
            if (shares.Count > 0)
            {
                html.Append("<p class=\"muted\">Work affected: ")
                    .Append(string.Join(", ", shares.Select(s => E(s.Who) + Invariant($" {s.HoursPerYear:N0} h/year ({s.ShareOfLoggedWork:P0} of their work)"))))
                    .Append("</p>\n");
            }

            html.Append("</details>\n");
        }

        html.Append("</section>\n");
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
