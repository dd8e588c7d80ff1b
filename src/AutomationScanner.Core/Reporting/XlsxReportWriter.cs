using System.Data;
using System.Globalization;
using AutomationScanner.Core.Classification;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace AutomationScanner.Core.Reporting;

/// <summary>
/// The report as an Excel workbook (opportunities.xlsx): one sheet per table (opportunities, roadmap, context
/// activities, risk findings, processes, roles, assumptions), each with a frozen, styled header row, an auto-filter over its data and
/// number formats per column, so a consultant can sort, filter and hand it over. Written with MiniExcel (streaming,
/// no dependencies); the package is then tidied with the Open XML SDK so that it validates against the schema.
/// Text that a spreadsheet would run as a formula is defused as in the CSV (<see cref="CsvReportWriter.DefuseFormula"/>),
/// and MiniExcel's file-path-to-image feature is off, so an uploaded task name can never pull a file into the workbook.
/// </summary>
public static class XlsxReportWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limit on the characters of one cell; longer text is cut and marked.</summary>
    public const int MaxCellLength = 32_767;

    public static class Sheets
    {
        public const string Opportunities = "opportunities";
        public const string Roadmap = "roadmap";
        public const string Context = "context activities";
        public const string RiskFindings = "risk findings";
        public const string Processes = "processes";
        public const string Roles = "roles";
        public const string Assumptions = "assumptions";
    }

    private const string Integer = "#,##0";
    private const string Decimal1 = "#,##0.0";
    private const string Decimal2 = "0.00";
    private const string Percent = "0%";
    private const string Date = "yyyy-mm-dd";

    public static async Task WriteAsync(ScanReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        var tables = new List<Table>
        {
            OpportunitiesSheet(report),
            RoadmapSheet(report),
            ContextSheet(report),
            RiskSheet(report),
            ProcessesSheet(report),
            RolesSheet(report),
            AssumptionsSheet(report),
        };

        // MiniExcel needs a seekable stream (auto width); blob and HTTP streams are not, so build the workbook in memory.
        using var buffer = new MemoryStream();
        var sheets = tables.ToDictionary(t => t.Name, t => (object)t.Data, StringComparer.Ordinal);
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            TableStyles = MiniExcelLibs.OpenXml.TableStyles.Default,
            FastMode = true,
            EnableAutoWidth = true,
            MaxWidth = 60,
            EnableWriteFilePath = false,
            Culture = CultureInfo.InvariantCulture,
            DynamicColumns = [.. tables.SelectMany(t => t.Columns).Where(c => c.Format is not null).DistinctBy(c => c.Header)
                .Select(c => new DynamicExcelColumn(c.Header) { Format = c.Format })],
        };
        await MiniExcel.SaveAsAsync(buffer, sheets, configuration: configuration, cancellationToken: cancellationToken);
        Tidy(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>
    /// MiniExcel puts an empty &lt;drawing&gt; inside &lt;sheetData&gt;, which the schema does not allow; drop it and its
    /// empty drawing part so the workbook validates (and opens in strict readers without a repair prompt).
    /// </summary>
    private static void Tidy(MemoryStream workbook)
    {
        workbook.Position = 0;
        using var document = SpreadsheetDocument.Open(workbook, isEditable: true);
        foreach (var sheet in document.WorkbookPart?.WorksheetParts ?? [])
        {
            var worksheet = sheet.Worksheet;
            // Out of place, the SDK reads it as an unknown element: match by name, not by type.
            var misplaced = worksheet.GetFirstChild<SheetData>()?.ChildElements.Where(e => e.LocalName == "drawing").ToList() ?? [];
            foreach (var drawing in misplaced)
            {
                var id = drawing.GetAttributes().FirstOrDefault(a => a.LocalName == "id").Value;
                var part = id is null ? null : sheet.GetPartById(id) as DrawingsPart;
                if (part is null || !part.GetPartsOfType<ImagePart>().Any())
                {
                    drawing.Remove();
                    if (part is not null)
                    {
                        sheet.DeletePart(part);
                    }
                }
            }

            worksheet.Save();
        }
    }

    private static Table OpportunitiesSheet(ScanReport report)
    {
        var currency = report.ValueAssumptions.Currency;
        var table = new Table(Sheets.Opportunities,
        [
            new("Rank", typeof(int), Integer), new("Process", typeof(string)), new("Task", typeof(string)), new("Priority", typeof(double), Decimal1),
            new("Recommendation", typeof(string)), new("Kind", typeof(string)), new("Kind confidence", typeof(double), Percent), new("Kind evidence", typeof(string)), new("Risk tier", typeof(string)), new("Safeguards", typeof(string)), new("Risk rules", typeof(string)),
            new("Executions / year", typeof(double), Integer), new("Handling minutes (P50)", typeof(double), Decimal1), new("Handling basis", typeof(string)),
            new("Handling method and error band", typeof(string)), new("Handling median relative error", typeof(double), Percent), new("Manual h/year (P50)", typeof(double), Integer),
            new("Benefit h/year P10", typeof(double), Integer), new("Benefit h/year P50", typeof(double), Integer), new("Benefit h/year P90", typeof(double), Integer),
            new("FTE (P50)", typeof(double), Decimal2), new($"{currency} / year P10", typeof(double), Integer), new($"{currency} / year P50", typeof(double), Integer),
            new($"{currency} / year P90", typeof(double), Integer), new("Suitability", typeof(double), Percent), new("Suitability class", typeof(string)),
            new("Ease", typeof(double), Percent), new("Confidence", typeof(double), Percent), new("Confidence reasons", typeof(string)),
            new("Automation rate", typeof(double), Percent), new("Case coverage", typeof(double), Percent), new("Rework rate", typeof(double), Percent),
            new("Distinct resources", typeof(int), Integer), new("Roles", typeof(string)), new("Displaced h/year", typeof(double), Integer),
            new("Max share of a person's or role's work", typeof(double), Percent), new("Shared ids (counted as roles)", typeof(string)), new("Id", typeof(string)),
        ]);
        foreach (var o in report.Opportunities)
        {
            var v = o.Value;
            var s = o.Statistics;
            table.Add(
                o.Rank, o.Process, o.Task, o.Score, HtmlReportWriter.Words(o.Recommendation),
                o.Kind.ToString().ToLowerInvariant(), o.KindConfidence, ReportText.KindEvidence(o.KindEvidence, int.MaxValue), o.Risk.Tier.ToString(),
                string.Join("; ", o.Risk.Safeguards.Select(x => HtmlReportWriter.Words(x))),
                string.Join("; ", o.Risk.Hits.Where(h => h.Applied).Select(h => h.RuleId).Distinct()),
                v.ExecutionsPerYear, v.HandlingSeconds.P50 / 60, ReportText.BasisWord(o.HandlingBasis), ReportText.BasisDetail(o), o.HandlingTime.MedianRelativeError, v.Hours.P50,
                v.BenefitHours.P10, v.BenefitHours.P50, v.BenefitHours.P90, v.Fte.P50, v.Money.P10, v.Money.P50, v.Money.P90,
                o.Suitability, o.SuitabilityAssessment?.Class.ToCode(), o.Ease, v.Confidence, string.Join("; ", v.ConfidenceReasons),
                s?.AutomationRate, s?.CaseCoverage, s?.ReworkRate, s?.DistinctResources,
                s is null ? null : string.Join("; ", s.ExecutionsByRole.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value:N0}"))),
                o.Risk.Displacement.HoursPerYear, o.Risk.Displacement.MaxShare, string.Join(" ", o.Risk.Displacement.SharedIds), o.Id);
        }

        return table;
    }

    /// <summary>
    /// The phased plan, one row per opportunity in plan order: its phase (pilot, wave, high-risk wave) and the phase's
    /// gate, the safeguard work it brings (before: a prerequisite), the hours it frees per role (whom reskilling is
    /// for), effort, cost, payback P10/P50/P90 and three-year net value; then the opportunities left out and why.
    /// </summary>
    private static Table RoadmapSheet(ScanReport report)
    {
        var roadmap = report.Roadmap;
        var currency = roadmap?.Currency ?? report.ValueAssumptions.Currency;
        var years = roadmap?.HorizonYears ?? 3;
        var table = new Table(Sheets.Roadmap,
        [
            new("Phase", typeof(int), Integer), new("Phase kind", typeof(string)), new("Phase title", typeof(string)), new("Gate", typeof(string)),
            new("Rank", typeof(int), Integer), new("Process", typeof(string)), new("Task", typeof(string)), new("Risk tier", typeof(string)), new("Status", typeof(string)),
            new("Why here", typeof(string)), new("Benefit h/year (P50)", typeof(double), Integer), new("Effort person-days (P50)", typeof(double), Decimal1),
            new($"Implementation {currency} (P50)", typeof(double), Integer),
            new("Payback months P10", typeof(double), Decimal1), new("Payback months P50", typeof(double), Decimal1), new("Payback months P90", typeof(double), Decimal1),
            new($"Net value {years} y {currency} P10", typeof(double), Integer), new($"Net value {years} y {currency} P50", typeof(double), Integer),
            new($"Net value {years} y {currency} P90", typeof(double), Integer),
            new("Safeguards (before = prerequisite)", typeof(string)), new("Safeguard person-days", typeof(double), Decimal1),
            new("Freed h/year by role", typeof(string)), new("Freed h/year (all roles)", typeof(double), Integer), new("Id", typeof(string)),
        ]);
        if (roadmap is null)
        {
            return table;
        }

        foreach (var phase in roadmap.Phases)
        {
            foreach (var i in phase.Items)
            {
                table.Add(
                    phase.Order, PhaseWord(phase.Kind), phase.Title, phase.Gate, i.Rank, i.Process, i.Task, i.Tier.ToString(), i.Status?.ToString().ToLowerInvariant(),
                    i.Reason, i.BenefitHoursP50, i.EffortDaysP50, i.ImplementationCostP50, i.PaybackMonths.P10, i.PaybackMonths.P50, i.PaybackMonths.P90,
                    i.NetValue.P10, i.NetValue.P50, i.NetValue.P90,
                    string.Join("; ", i.Safeguards.Select(g => (g.Prerequisite ? "before: " : "with: ") + g.Description + string.Create(CultureInfo.InvariantCulture, $" ({g.Days:0.#} d)"))),
                    i.Safeguards.Sum(g => g.Days),
                    string.Join("; ", i.FreedHours.Select(f => f.Who + string.Create(CultureInfo.InvariantCulture, $" {f.HoursPerYear:N0} h/year"))),
                    i.FreedHours.Sum(f => f.HoursPerYear), i.OpportunityId);
            }
        }

        foreach (var n in roadmap.NotPlanned)
        {
            table.Add(null, "not planned", "Not planned", null, n.Rank, n.Process, n.Task, n.Tier.ToString(), null, n.Reason,
                null, null, null, null, null, null, null, null, null, null, null, null, null, n.OpportunityId);
        }

        return table;
    }

    private static string PhaseWord(Planning.PhaseKind kind) => kind switch
    {
        Planning.PhaseKind.Pilot => "pilot",
        Planning.PhaseKind.Wave => "wave",
        _ => "high-risk wave",
    };

    /// <summary>Activities that are not tasks: what they are, why (the kind evidence), and what they mean for the analysis.</summary>
    private static Table ContextSheet(ScanReport report)
    {
        var table = new Table(Sheets.Context,
        [
            new("Process", typeof(string)), new("Activity", typeof(string)), new("Kind", typeof(string)), new("Kind confidence", typeof(double), Percent),
            new("Meaning", typeof(string)), new("Executions / year", typeof(double), Integer), new("Cases", typeof(long), Integer),
            new("Case coverage", typeof(double), Percent), new("Automation rate", typeof(double), Percent), new("Decided by", typeof(string)),
            new("Kind evidence", typeof(string)), new("Id", typeof(string)),
        ]);
        foreach (var c in report.Context)
        {
            table.Add(c.Process, c.Task, c.Kind.ToString().ToLowerInvariant(), c.KindConfidence, c.Role, c.ExecutionsPerYear, c.Statistics?.Cases,
                c.Statistics?.CaseCoverage, c.Statistics?.AutomationRate, string.Join("; ", c.DecidedBy), ReportText.KindEvidence(c.KindEvidence, int.MaxValue), c.Id);
        }

        return table;
    }

    private static Table RiskSheet(ScanReport report)
    {
        var table = new Table(Sheets.RiskFindings,
        [
            new("Rank", typeof(int), Integer), new("Process", typeof(string)), new("Task", typeof(string)), new("Task tier", typeof(string)),
            new("Rule", typeof(string)), new("Title", typeof(string)), new("Rule tier", typeof(string)), new("Clause", typeof(string)),
            new("Counts", typeof(string)), new("Evidence", typeof(string)), new("Where", typeof(string)), new("Note", typeof(string)),
            new("Safeguards", typeof(string)),
        ]);
        foreach (var o in report.Opportunities)
        {
            foreach (var hit in o.Risk.Hits)
            {
                table.Add(o.Rank, o.Process, o.Task, o.Risk.Tier.ToString(), hit.RuleId, hit.Title, hit.Tier.ToString(), hit.Clause,
                    hit.Applied ? "yes" : "no (recorded)", hit.Evidence.Excerpt, hit.Evidence.Location, hit.Note,
                    string.Join("; ", hit.Safeguards.Select(x => HtmlReportWriter.Words(x))));
            }
        }

        return table;
    }

    private static Table ProcessesSheet(ScanReport report)
    {
        var table = new Table(Sheets.Processes,
        [
            new("Process", typeof(string)), new("Files", typeof(string)), new("Events", typeof(long), Integer), new("Cases", typeof(long), Integer),
            new("Activities", typeof(int), Integer), new("Variants", typeof(int), Integer), new("Resources", typeof(long), Integer), new("Log roles", typeof(int), Integer),
            new("First event", typeof(DateTime), Date), new("Last event", typeof(DateTime), Date), new("Span days", typeof(double), Integer),
            new("Case duration median h", typeof(double), Decimal1), new("Rows not used", typeof(long), Integer), new("Opportunities", typeof(int), Integer),
            new("Shared ids (roles, not persons)", typeof(string)), new("Time zone", typeof(string)),
        ]);
        foreach (var p in report.Processes)
        {
            table.Add(p.Process, string.Join(", ", p.Files), p.Events, p.Cases, p.Activities, p.Variants, p.Resources, p.Roles,
                p.Start?.UtcDateTime, p.End?.UtcDateTime, p.SpanDays, p.CaseDuration.HasData ? p.CaseDuration.MedianSeconds / 3600 : null,
                ReportText.Faults(p), report.Opportunities.Count(o => o.Process == p.Process),
                string.Join("; ", p.SharedResources.Select(s => s.Who + ": " + s.Evidence)), p.TimeZoneNote);
        }

        return table;
    }

    private static Table RolesSheet(ScanReport report)
    {
        var table = new Table(Sheets.Roles,
        [
            new("Process", typeof(string)), new("Role", typeof(string)), new("Executions", typeof(long), Integer), new("Share of executions", typeof(double), Percent),
            new("Manual h/year (P50)", typeof(double), Integer), new("Main activities", typeof(string)),
        ]);
        foreach (var r in ReportText.Roles(report))
        {
            table.Add(r.Process, r.Role, r.Executions, r.Share, r.HoursPerYear, string.Join("; ", r.TopActivities));
        }

        return table;
    }

    private static Table AssumptionsSheet(ScanReport report)
    {
        var table = new Table(Sheets.Assumptions, [new("Topic", typeof(string)), new("Assumption", typeof(string))]);
        var v = report.ValueAssumptions;
        table.Add("Scan", $"{report.ScanId}, generated {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC, report schema {report.SchemaVersion}, rule catalogue {report.RuleCatalogueVersion}");
        table.Add("Score", report.ScoreDescription);
        table.Add("Value", string.Create(CultureInfo.InvariantCulture,
            $"FTE = hours / ({v.WorkingDaysPerYear:0.#} working days x {v.HoursPerDay:0.#} h); money = benefit hours x {v.HourlyCost:N2} {v.Currency} per hour; default handling time {v.DefaultHandlingMinutes:0.#} min"));
        table.Add("Recommended benefit by handling-time basis", ReportText.BenefitByBasisLine(report));

        foreach (var assumption in report.Assumptions)
        {
            table.Add("Method", assumption);
        }

        if (report.Roadmap is { } roadmap)
        {
            table.Add("Roadmap", roadmap.Method);
            foreach (var note in roadmap.PilotNotes)
            {
                table.Add("Roadmap pilots", note);
            }
        }

        foreach (var p in report.Processes)
        {
            table.Add("Time zone: " + p.Process, p.TimeZoneNote);
        }

        return table;
    }

    private sealed record Column(string Header, Type Type, string? Format = null);

    /// <summary>One sheet: typed columns (so headers are written even with no rows) and defused, length-capped text.</summary>
    private sealed class Table
    {
        public Table(string name, IReadOnlyList<Column> columns)
        {
            Name = name;
            Columns = columns;
            foreach (var column in columns)
            {
                Data.Columns.Add(column.Header, column.Type);
            }
        }

        public string Name { get; }

        public IReadOnlyList<Column> Columns { get; }

        public DataTable Data { get; } = new() { Locale = CultureInfo.InvariantCulture };

        public void Add(params object?[] values)
        {
            var row = Data.NewRow();
            for (var i = 0; i < values.Length; i++)
            {
                row[i] = values[i] switch
                {
                    null => DBNull.Value,
                    string text => Text(text),
                    double d when !double.IsFinite(d) => DBNull.Value,
                    var value => value,
                };
            }

            Data.Rows.Add(row);
        }

        private static string Text(string text)
        {
            var defused = CsvReportWriter.DefuseFormula(text);
            return defused.Length <= MaxCellLength ? defused : defused[..(MaxCellLength - 1)] + "…";
        }
    }
}
