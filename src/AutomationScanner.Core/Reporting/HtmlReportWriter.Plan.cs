using System.Globalization;
using System.Text;
using AutomationScanner.Core.Planning;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Reporting;

/// <summary>The plan sections of the HTML report: cost and return, roadmap, realised benefit (with its SVG chart).</summary>
public static partial class HtmlReportWriter
{
    private const int ChartWidth = 720;
    private const int ChartHeight = 260;

    private static void Costs(StringBuilder html, ScanReport report)
    {
        var costed = report.Opportunities.Where(o => o.Cost is not null && !o.Risk.IsProhibited).ToList();
        html.Append("<section id=\"costs\"><h2>Cost and return</h2>\n");
        if (costed.Count == 0)
        {
            html.Append("<p>No opportunity was costed.</p></section>\n");
            return;
        }

        var currency = costed[0].Cost!.Currency;
        var horizon = costed[0].Cost!.HorizonYears;
        html.Append("<p class=\"muted\">P10 is the pessimistic scenario (low benefit, high cost), P90 the optimistic one; payback months run the other way (P10 shortest). ")
            .Append("\"never\": the net yearly benefit is not positive.</p>\n")
            .Append("<table id=\"cost-table\"><thead><tr><th>#</th><th>Task</th><th>Effort person-days P10 / P50 / P90</th><th>Implementation ")
            .Append(E(currency)).Append(" (P50)</th><th>Running ").Append(E(currency)).Append(" / year (P50)</th><th>Net ").Append(E(currency))
            .Append(" / year P10 / P50 / P90</th><th>Payback months P10 / P50 / P90</th><th>")
            .Append(Invariant($"{horizon}-year net value ")).Append(E(currency)).Append(" P10 / P50 / P90</th><th>Parts</th></tr></thead>\n<tbody>\n");
        foreach (var o in costed)
        {
            var c = o.Cost!;
            html.Append("<tr data-id=\"").Append(E(o.Id)).Append("\"><td class=\"n\">").Append(o.Rank.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(o.Task))
                .Append("</td><td class=\"n\">").Append(Range(c.EffortDays, "N1")).Append("</td><td class=\"n\">").Append(Invariant($"{c.ImplementationCost.P50:N0}"))
                .Append("</td><td class=\"n\">").Append(Invariant($"{c.RunningCostPerYear.P50:N0}")).Append("</td><td class=\"n\">").Append(Range(c.NetBenefitPerYear, "N0"))
                .Append("</td><td class=\"n\">").Append(E(MonthsText(c.PaybackMonths))).Append("</td><td class=\"n\">").Append(Range(c.NetValue, "N0"))
                .Append("</td><td><details><summary>").Append((c.EffortParts.Count + c.RunningParts.Count).ToString(CultureInfo.InvariantCulture))
                .Append(" parts</summary><table class=\"cost-parts\"><tr><th>Part</th><th>P50</th><th>Because</th></tr>");
            foreach (var part in c.EffortParts)
            {
                html.Append("<tr><td>").Append(E(part.Name)).Append("</td><td class=\"n\">").Append(Invariant($"{part.Amount:0.#} days")).Append("</td><td>").Append(E(part.Explanation)).Append("</td></tr>");
            }

            foreach (var part in c.RunningParts)
            {
                html.Append("<tr><td>").Append(E(part.Name)).Append("</td><td class=\"n\">").Append(Invariant($"{part.Amount:N0} ")).Append(E(currency)).Append("/year</td><td>")
                    .Append(E(part.Explanation)).Append("</td></tr>");
            }

            html.Append("</table></details></td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void RoadmapSection(StringBuilder html, Roadmap? roadmap)
    {
        html.Append("<section id=\"roadmap\"><h2>Roadmap</h2>\n");
        if (roadmap is null)
        {
            html.Append("<p>No roadmap in this report.</p></section>\n");
            return;
        }

        html.Append("<p class=\"muted\">").Append(E(roadmap.Method)).Append("</p>\n");
        if (roadmap.Phases.Count == 0)
        {
            html.Append("<p>Nothing to plan: no opportunity pays back within the horizon without being prohibited, rejected or in the backlog.</p>\n");
        }

        if (roadmap.PilotNotes.Count > 0)
        {
            html.Append("<p id=\"pilot-notes\">Fewer pilots than planned; the best-ranked items are not pilots because:</p><ul>");
            foreach (var note in roadmap.PilotNotes)
            {
                html.Append("<li>").Append(E(note)).Append("</li>");
            }

            html.Append("</ul>\n");
        }

        foreach (var phase in roadmap.Phases)
        {
            html.Append("<div class=\"phase phase-").Append(phase.Kind.ToString().ToLowerInvariant()).Append("\" data-order=\"").Append(phase.Order.ToString(CultureInfo.InvariantCulture))
                .Append("\"><h3>").Append(phase.Order.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(E(phase.Title)).Append("</h3>\n<p class=\"muted\">Starts when: ")
                .Append(E(phase.Gate)).Append(Invariant($". {phase.Items.Count} item(s), {phase.EffortDaysP50:N0} person-days, {phase.ImplementationCostP50:N0} ")).Append(E(roadmap.Currency))
                .Append(Invariant($", {phase.BenefitHoursP50:N0} benefit h/year, {roadmap.HorizonYears}-year net value {phase.NetValueP50:N0} ")).Append(E(roadmap.Currency)).Append(" (P50).</p>\n")
                .Append("<table><thead><tr><th>#</th><th>Task</th><th>Risk</th><th>Payback (P50)</th><th>Person-days (P50)</th><th>Why here</th><th>Safeguards</th><th>Hours freed per role</th></tr></thead><tbody>\n");
            foreach (var item in phase.Items)
            {
                html.Append("<tr data-id=\"").Append(E(item.OpportunityId)).Append("\"><td class=\"n\">").Append(item.Rank.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(E(item.Task)).Append(" <span class=\"muted\">(").Append(E(item.Process)).Append(")</span>")
                    .Append(item.Status is { } status ? " <span class=\"pill\">" + E(status.ToString().ToLowerInvariant()) + "</span>" : "")
                    .Append("</td><td class=\"tier-").Append(item.Tier.ToString().ToLowerInvariant()).Append("\">").Append(item.Tier.ToString()).Append("</td><td class=\"n\">")
                    .Append(E(RoadmapBuilder.Months(item.PaybackMonths.P50))).Append("</td><td class=\"n\">").Append(Invariant($"{item.EffortDaysP50:N1}")).Append("</td><td>")
                    .Append(E(item.Reason)).Append("</td><td>");
                foreach (var step in item.Safeguards)
                {
                    html.Append("<div>").Append(step.Prerequisite ? "<b>before:</b> " : "with: ").Append(E(step.Description)).Append(Invariant($" ({step.Days:0.#} days)")).Append("</div>");
                }

                html.Append("</td><td>").Append(E(string.Join(", ", item.FreedHours.Select(f => Invariant($"{f.Who}: {f.HoursPerYear:N0} h/year"))))).Append("</td></tr>\n");
            }

            html.Append("</tbody></table></div>\n");
        }

        if (roadmap.NotPlanned.Count > 0)
        {
            html.Append(Invariant($"<details id=\"not-planned\"><summary>Not planned ({roadmap.NotPlanned.Count})</summary><ul>"));
            foreach (var item in roadmap.NotPlanned)
            {
                html.Append("<li data-id=\"").Append(E(item.OpportunityId)).Append("\">#").Append(item.Rank.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(E(item.Task))
                    .Append(" (").Append(E(item.Process)).Append("): ").Append(E(item.Reason)).Append("</li>");
            }

            html.Append("</ul></details>\n");
        }

        html.Append("</section>\n");
    }

    private static void RealisationSection(StringBuilder html, RealisationSummary? realisation)
    {
        html.Append("<section id=\"realisation\"><h2>Realised benefit</h2>\n");
        if (realisation is null)
        {
            html.Append("<p>No opportunity is marked piloting or automated yet (POST /api/engagements/{engagement}/opportunities/{id}/status, or <code>scanner mark</code>).</p></section>\n");
            return;
        }

        html.Append("<p class=\"muted\">").Append(E(realisation.Method)).Append("</p>\n");
        if (realisation.Tracks.Count > 0)
        {
            html.Append(Invariant($"<p>Realised <b>{realisation.RealisedHoursPerYear:N0} h/year</b> against <b>{realisation.EstimatedBenefitHoursPerYear:N0} h/year</b> estimated (P50) for the tasks measured in this scan.</p>\n"));
        }

        foreach (var track in realisation.Tracks)
        {
            html.Append("<div class=\"track\" data-id=\"").Append(E(track.OpportunityId)).Append("\"><h3>").Append(E(track.Task)).Append(" <span class=\"muted\">(")
                .Append(E(track.Process)).Append(", ").Append(E(track.Status.ToString().ToLowerInvariant())).Append(" since ")
                .Append(E(track.MarkedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append(")</span></h3>\n<p>")
                .Append(track.RealisedHoursPerYear is { } realised
                    ? Invariant($"Realised {realised:N0} h/year ({track.FromAutomationRate:N0} from the automation rate, {track.FromHandlingTime:N0} from handling time)")
                    : "Not measured in this scan")
                .Append(Invariant($"; estimated {track.EstimatedBenefitHours.P10:N0} / {track.EstimatedBenefitHours.P50:N0} / {track.EstimatedBenefitHours.P90:N0} h/year (P10 / P50 / P90): "))
                .Append("<b>").Append(E(track.Verdict)).Append("</b>")
                .Append(track.RealisedMoneyPerYear is { } money ? Invariant($"; about {money:N0} ") + E(track.Currency ?? "") + " a year" : "").Append(".</p>\n");
            RealisationChart(html, track);
            html.Append("<ul class=\"muted\">");
            foreach (var note in track.Notes)
            {
                html.Append("<li>").Append(E(note)).Append("</li>");
            }

            html.Append("</ul></div>\n");
        }

        html.Append("<h3>Statuses</h3><table id=\"status-table\"><thead><tr><th>Task</th><th>Status</th><th>Reason</th><th>Marked</th></tr></thead><tbody>\n");
        foreach (var status in realisation.Statuses)
        {
            html.Append("<tr data-id=\"").Append(E(status.OpportunityId)).Append("\"><td>").Append(E(status.Task)).Append("</td><td>").Append(E(status.Status.ToString().ToLowerInvariant()))
                .Append("</td><td>").Append(E(status.Reason ?? "")).Append("</td><td>").Append(E(status.MarkedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    /// <summary>Realised hours per scan (line), the estimate's P10-P90 band and P50 (dashed), automation rate on the right axis.</summary>
    private static void RealisationChart(StringBuilder html, RealisationTrack track)
    {
        var points = track.Points;
        var plotWidth = ChartWidth - Left - 56;
        var plotHeight = ChartHeight - Top - 48;
        var estimate = track.EstimatedBenefitHours;
        var max = Math.Max(1, new[] { estimate.P90 }.Concat(points.Select(p => p.RealisedHoursPerYear ?? 0)).Max()) * 1.1;
        double X(int i) => Left + (points.Count == 1 ? plotWidth / 2.0 : plotWidth * i / (double)(points.Count - 1));
        double Y(double hours) => Top + plotHeight - (Math.Max(0, hours) / max * plotHeight);
        double YRate(double rate) => Top + plotHeight - (Math.Clamp(rate, 0, 1) * plotHeight);
        html.Append(Invariant($"<svg class=\"realisation-chart\" data-id=\"{E(track.OpportunityId)}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {ChartWidth} {ChartHeight}\" role=\"img\" aria-label=\"Realised against estimated benefit hours per scan\">\n"));
        html.Append(Invariant($"<rect class=\"estimate-band\" x=\"{Left}\" y=\"{Y(estimate.P90):0.##}\" width=\"{plotWidth}\" height=\"{Math.Max(0, Y(estimate.P10) - Y(estimate.P90)):0.##}\" fill=\"#ddf4ff\"/>"))
            .Append(Invariant($"<line class=\"estimate\" x1=\"{Left}\" x2=\"{Left + plotWidth}\" y1=\"{Y(estimate.P50):0.##}\" y2=\"{Y(estimate.P50):0.##}\" stroke=\"#0969da\" stroke-dasharray=\"6 4\"/>"))
            .Append(Invariant($"<text x=\"{Left + plotWidth - 4}\" y=\"{Y(estimate.P50) - 4:0.##}\" font-size=\"11\" text-anchor=\"end\">estimate P50 {estimate.P50:N0} h/year</text>\n"))
            .Append(Invariant($"<line class=\"axis\" x1=\"{Left}\" x2=\"{Left + plotWidth}\" y1=\"{Top + plotHeight}\" y2=\"{Top + plotHeight}\"/><line class=\"axis\" x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Top + plotHeight}\"/>"))
            .Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Top + 4}\" font-size=\"11\" text-anchor=\"end\">{max:N0}</text><text x=\"{Left - 6}\" y=\"{Top + plotHeight}\" font-size=\"11\" text-anchor=\"end\">0</text>"))
            .Append(Invariant($"<text x=\"{Left + plotWidth + 6}\" y=\"{Top + 4}\" font-size=\"11\">100 %</text><text x=\"{Left + plotWidth + 6}\" y=\"{Top + plotHeight}\" font-size=\"11\">0 %</text>\n"));
        var realisedLine = new List<string>();
        var rateLine = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            html.Append(Invariant($"<text x=\"{X(i):0.##}\" y=\"{Top + plotHeight + 16}\" font-size=\"10\" text-anchor=\"middle\">{(p.GeneratedAt is { } at ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : p.ScanId)}</text>"));
            if (p.RealisedHoursPerYear is { } hours)
            {
                realisedLine.Add(Invariant($"{X(i):0.##},{Y(hours):0.##}"));
                html.Append(Invariant($"<circle class=\"realised\" data-scan=\"{E(p.ScanId)}\" data-hours=\"{hours:0.#}\" cx=\"{X(i):0.##}\" cy=\"{Y(hours):0.##}\" r=\"4\" fill=\"#1a7f37\"><title>{E(p.ScanId)}: realised {hours:N0} h/year, automation rate {p.AutomationRate ?? 0:P0}</title></circle>"));
            }

            if (p.AutomationRate is { } rate)
            {
                rateLine.Add(Invariant($"{X(i):0.##},{YRate(rate):0.##}"));
            }
        }

        html.Append("<polyline class=\"realised-line\" fill=\"none\" stroke=\"#1a7f37\" stroke-width=\"2\" points=\"").Append(string.Join(' ', realisedLine)).Append("\"/>")
            .Append("<polyline class=\"rate-line\" fill=\"none\" stroke=\"#8250df\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\" points=\"").Append(string.Join(' ', rateLine)).Append("\"/>\n")
            .Append("</svg>\n<p class=\"muted\">Green: realised h/year per scan (left axis); blue band and dashed line: estimated P10-P90 and P50; purple dotted: automation rate (right axis).</p>\n");
    }

    private static string MonthsText(MonthsRange months) =>
        string.Join(" / ", new[] { months.P10, months.P50, months.P90 }.Select(m => m is { } x ? x.ToString("0.#", CultureInfo.InvariantCulture) : "never"));
}
