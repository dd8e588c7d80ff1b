using System.Globalization;
using System.IO.Compression;
using System.Text;
using AutomationScanner.Core.Classification;

namespace AutomationScanner.Core.Reporting;

/// <summary>
/// The report as an Excel workbook (opportunities.xlsx): one sheet per table (opportunities, roadmap, context
/// activities, risk findings, processes, roles, assumptions), each with a frozen, styled header row, an auto-filter over its data and
/// number formats per column, so a consultant can sort, filter and hand it over. The SpreadsheetML parts are written
/// directly (a fixed style sheet, inline strings, no shared-string table, no formulas, no drawings): a library that
/// maps objects to cells by reflection cost a small scan a third of a second of start-up, and the schema is small.
/// The tests validate every workbook with the Open XML SDK's validator. Text that a spreadsheet would run as a formula
/// is defused as in the CSV (<see cref="CsvReportWriter.DefuseFormula"/>); text is only ever text, so an uploaded
/// task name can never pull a file into the workbook.
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

    /// <summary>The custom number formats, in style-sheet order: cell style 3 + i uses format 164 + i.</summary>
    private static readonly string[] Formats = [Integer, Decimal1, Decimal2, Percent, Date];

    private const int HeaderStyle = 1;
    private const int TextStyle = 2;
    private const int FirstFormatStyle = 3;
    private const double MaxColumnWidth = 60;
    private const double MinColumnWidth = 9.140625;

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string XmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    public static async Task WriteAsync(ScanReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        Table[] tables =
        [
            OpportunitiesSheet(report),
            RoadmapSheet(report),
            ContextSheet(report),
            RiskSheet(report),
            ProcessesSheet(report),
            RolesSheet(report),
            AssumptionsSheet(report),
        ];

        // A zip's central directory comes last; build it in memory so any stream (blob, HTTP) can take the workbook.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes(tables.Length));
            Part(zip, "_rels/.rels",
                $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{RelationshipNamespace}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Part(zip, "xl/workbook.xml", Workbook(tables));
            Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships(tables.Length));
            Part(zip, "xl/styles.xml", StyleSheet());
            for (var i = 0; i < tables.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Part(zip, $"xl/worksheets/sheet{i + 1}.xml", tables[i].ToXml());
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken);
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(XmlHeader);
        writer.Write(xml);
    }

    private static string ContentTypes(int sheets)
    {
        var xml = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
            .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
            .Append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
            .Append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
            .Append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (var i = 1; i <= sheets; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }

        return xml.Append("</Types>").ToString();
    }

    /// <summary>The sheets in order, and each one's filter range as Excel records it (a hidden defined name).</summary>
    private static string Workbook(Table[] tables)
    {
        var xml = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<workbook xmlns=\"{MainNamespace}\" xmlns:r=\"{RelationshipNamespace}\"><sheets>");
        for (var i = 0; i < tables.Length; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<sheet name=\"{Escape(tables[i].Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>");
        }

        xml.Append("</sheets><definedNames>");
        for (var i = 0; i < tables.Length; i++)
        {
            var range = tables[i].Range(absolute: true);
            xml.Append(CultureInfo.InvariantCulture, $"<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">{Escape($"'{tables[i].Name.Replace("'", "''", StringComparison.Ordinal)}'!{range}")}</definedName>");
        }

        return xml.Append("</definedNames></workbook>").ToString();
    }

    private static string WorkbookRelationships(int sheets)
    {
        var xml = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (var i = 1; i <= sheets; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{i}\" Type=\"{RelationshipNamespace}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
        }

        xml.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{sheets + 1}\" Type=\"{RelationshipNamespace}/styles\" Target=\"styles.xml\"/>");
        return xml.Append("</Relationships>").ToString();
    }

    /// <summary>
    /// Cell styles: 0 the default, 1 the header (bold white on blue, thin border), 2 text with a thin border, and one
    /// per number format (<see cref="Formats"/>) from 3 on.
    /// </summary>
    private static string StyleSheet()
    {
        var xml = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<styleSheet xmlns=\"{MainNamespace}\"><numFmts count=\"{Formats.Length}\">");
        for (var i = 0; i < Formats.Length; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<numFmt numFmtId=\"{164 + i}\" formatCode=\"{Escape(Formats[i])}\"/>");
        }

        xml.Append("</numFmts>")
            .Append("<fonts count=\"2\"><font><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>")
            .Append("<font><b/><sz val=\"11\"/><color rgb=\"FFFFFFFF\"/><name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font></fonts>")
            .Append("<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>")
            .Append("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF4472C4\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>")
            .Append("<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>")
            .Append("<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right><top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>")
            .Append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
            .Append(CultureInfo.InvariantCulture, $"<cellXfs count=\"{FirstFormatStyle + Formats.Length}\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>")
            .Append("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\"/>")
            .Append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\"/>");
        for (var i = 0; i < Formats.Length; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<xf numFmtId=\"{164 + i}\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\"/>");
        }

        return xml.Append("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>").ToString();
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
    private sealed class Table(string name, IReadOnlyList<Column> columns)
    {
        private readonly List<object?[]> _rows = [];

        public string Name { get; } = name;

        public IReadOnlyList<Column> Columns { get; } = columns;

        public void Add(params object?[] values)
        {
            var row = new object?[Columns.Count];
            for (var i = 0; i < values.Length && i < row.Length; i++)
            {
                row[i] = values[i] switch
                {
                    string text => Text(text),
                    double d when !double.IsFinite(d) => null,
                    var value => value,
                };
            }

            _rows.Add(row);
        }

        /// <summary>The header and every row: A1:X(n+1).</summary>
        public string Range(bool absolute)
        {
            var last = ColumnName(Columns.Count - 1);
            var rows = (_rows.Count + 1).ToString(CultureInfo.InvariantCulture);
            return absolute ? $"$A$1:${last}${rows}" : $"A1:{last}{rows}";
        }

        /// <summary>The worksheet: frozen header row, column widths from the longest text (capped), typed cells, the filter.</summary>
        public string ToXml()
        {
            var styles = Columns.Select(c => c.Format is { } format ? FirstFormatStyle + Array.IndexOf(Formats, format) : TextStyle).ToArray();
            var widths = Columns.Select(c => (double)c.Header.Length).ToArray();
            var sheetData = new StringBuilder("<sheetData>");
            AppendRow(sheetData, 1, [.. Columns.Select(c => (object?)c.Header)], null, widths);
            for (var r = 0; r < _rows.Count; r++)
            {
                AppendRow(sheetData, r + 2, _rows[r], styles, widths);
            }

            sheetData.Append("</sheetData>");
            var range = Range(absolute: false);
            var xml = new StringBuilder(sheetData.Length + 1024)
                .Append(CultureInfo.InvariantCulture, $"<worksheet xmlns=\"{MainNamespace}\" xmlns:r=\"{RelationshipNamespace}\"><dimension ref=\"{range}\"/>")
                .Append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>")
                .Append("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
            for (var c = 0; c < widths.Length; c++)
            {
                var width = Math.Clamp(widths[c] + 1.7109375, MinColumnWidth, MaxColumnWidth);
                xml.Append(CultureInfo.InvariantCulture, $"<col min=\"{c + 1}\" max=\"{c + 1}\" width=\"{width:0.########}\" customWidth=\"1\"/>");
            }

            return xml.Append("</cols>").Append(sheetData).Append(CultureInfo.InvariantCulture, $"<autoFilter ref=\"{range}\"/></worksheet>").ToString();
        }

        /// <summary>One row; a null value is no cell. <paramref name="styles"/> null: the header row.</summary>
        private static void AppendRow(StringBuilder xml, int row, object?[] values, int[]? styles, double[] widths)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{row}\">");
            for (var c = 0; c < values.Length; c++)
            {
                if (values[c] is not { } value)
                {
                    continue;
                }

                var style = styles?[c] ?? HeaderStyle;
                var reference = ColumnName(c) + row.ToString(CultureInfo.InvariantCulture);
                string? number = value switch
                {
                    int i => i.ToString(CultureInfo.InvariantCulture),
                    long l => l.ToString(CultureInfo.InvariantCulture),
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    DateTime t => t.ToOADate().ToString("R", CultureInfo.InvariantCulture),
                    _ => null,
                };
                if (number is not null)
                {
                    widths[c] = Math.Max(widths[c], value is DateTime ? 10 : Math.Min(number.Length, 15));
                    xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"{style}\"><v>{number}</v></c>");
                    continue;
                }

                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                widths[c] = Math.Max(widths[c], Math.Min(text.Length, MaxColumnWidth));
                xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"{(styles is null ? HeaderStyle : TextStyle)}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{Escape(text)}</t></is></c>");
            }

            xml.Append("</row>");
        }

        private static string Text(string text)
        {
            var defused = CsvReportWriter.DefuseFormula(text);
            return defused.Length <= MaxCellLength ? defused : defused[..(MaxCellLength - 1)] + "…";
        }
    }

    /// <summary>A, B, ..., Z, AA, AB...: the column's letters (0-based index).</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>
    /// Text as XML character data: markup characters escaped, and characters XML cannot carry (control characters,
    /// lone surrogates) written as SpreadsheetML's <c>_xHHHH_</c> escape, as is the underscore of a literal
    /// <c>_xHHHH_</c> so that it reads back as itself.
    /// </summary>
    private static string Escape(string text)
    {
        StringBuilder? xml = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                xml?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '_' when IsEscapeSequence(text, i) => "_x005F_",
                '\t' or '\n' or '\r' => null,
                _ when c < ' ' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' => string.Create(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_"),
                _ => null,
            };
            if (replacement is null)
            {
                xml?.Append(c);
                continue;
            }

            xml ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            xml.Append(replacement);
        }

        return xml?.ToString() ?? text;
    }

    private static bool IsEscapeSequence(string text, int at) =>
        at + 6 < text.Length && text[at + 1] == 'x' && text[at + 6] == '_' && !text.AsSpan(at + 2, 4).ContainsAnyExcept("0123456789ABCDEFabcdef");
}
