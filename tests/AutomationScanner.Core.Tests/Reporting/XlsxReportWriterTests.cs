using System.Globalization;
using AutomationScanner.Core.Planning;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Tests.Planning;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace AutomationScanner.Core.Tests.Reporting;

/// <summary>Writes the workbook and reads it back with the Open XML SDK: sheets, values, frozen header, filters, formats.</summary>
public sealed class XlsxReportWriterTests
{
    [Fact]
    public async Task WriteAsync_SampleReport_ValuesFrozenHeaderFilterAndNumberFormats()
    {
        var report = SampleReport.Build();
        using var workbook = await WriteAsync(report);

        using var document = SpreadsheetDocument.Open(workbook, isEditable: false);
        var book = new Book(document);
        Assert.Equal(
            [XlsxReportWriter.Sheets.Opportunities, XlsxReportWriter.Sheets.Roadmap, XlsxReportWriter.Sheets.Context, XlsxReportWriter.Sheets.RiskFindings, XlsxReportWriter.Sheets.Processes, XlsxReportWriter.Sheets.Roles, XlsxReportWriter.Sheets.Assumptions],
            book.SheetNames);

        var sheet = book.Sheet(XlsxReportWriter.Sheets.Opportunities);
        var rows = sheet.Rows;
        Assert.Equal(report.Opportunities.Count + 1, rows.Count);
        var header = rows[0];
        int Column(string name) => header.FindIndex(c => c.Text == name) is var i and >= 0 ? i : throw new Xunit.Sdk.XunitException($"no column '{name}' in [{string.Join(", ", header.Select(c => c.Text))}]");

        // Frozen header row, auto-filter over the whole table.
        var pane = sheet.Part.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State?.Value);
        Assert.Equal(1d, pane.VerticalSplit?.Value);
        Assert.Equal("A2", pane.TopLeftCell?.Value);
        var filter = sheet.Part.Worksheet.Descendants<AutoFilter>().Single();
        Assert.Equal($"A1:{ColumnName(header.Count)}{report.Opportunities.Count + 1}", filter.Reference?.Value);

        // Values as numbers with number formats, in rank order.
        for (var i = 0; i < report.Opportunities.Count; i++)
        {
            var o = report.Opportunities[i];
            var row = rows[i + 1];
            Assert.Equal(o.Rank, row[Column("Rank")].Number, 6);
            Assert.Equal(o.Value.BenefitHours.P50, row[Column("Benefit h/year P50")].Number, 6);
            Assert.Equal(o.Value.Fte.P50, row[Column("FTE (P50)")].Number, 6);
            Assert.Equal(o.Value.Confidence, row[Column("Confidence")].Number, 6);
            Assert.Equal(ReportText.BasisWord(o.HandlingBasis), row[Column("Handling basis")].Text);
            Assert.Equal(o.Risk.Tier.ToString(), row[Column("Risk tier")].Text);
        }

        Assert.Equal("#,##0", book.FormatOf(rows[1][Column("Benefit h/year P50")]));
        Assert.Equal("0.00", book.FormatOf(rows[1][Column("FTE (P50)")]));
        Assert.Equal("0%", book.FormatOf(rows[1][Column("Confidence")]));
        Assert.Equal("#,##0.0", book.FormatOf(rows[1][Column("Priority")]));

        // Formula payloads are text with an apostrophe, never formulas; resources never appear by name.
        var tasks = rows.Skip(1).Select(r => r[Column("Task")].Text).ToList();
        Assert.Contains("'=HYPERLINK(\"http://evil.example\",\"click\")", tasks);
        Assert.Contains("'-2+3", tasks);
        Assert.Contains("'@SUM(A1:A9)", tasks);
        Assert.All(tasks, t => Assert.False(t[0] is '=' or '+' or '@' or '-', t));
        Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
        Assert.DoesNotContain(book.AllText(), t => t.Contains(SampleReport.RealResourceName, StringComparison.OrdinalIgnoreCase));

        // Risk findings: one row per rule hit, with a frozen header and a filter too.
        var risks = book.Sheet(XlsxReportWriter.Sheets.RiskFindings);
        Assert.Equal(report.Opportunities.Sum(o => o.Risk.Hits.Count) + 1, risks.Rows.Count);
        Assert.Single(risks.Part.Worksheet.Descendants<AutoFilter>());
        Assert.Single(risks.Part.Worksheet.Descendants<Pane>());
        var assumptions = book.Sheet(XlsxReportWriter.Sheets.Assumptions).Rows.Select(r => r[1].Text).ToList();
        Assert.Contains(report.ScoreDescription, assumptions);
        Assert.Contains("Test assumption.", assumptions);
    }

    [Fact]
    public async Task WriteAsync_Roadmap_PhasesSafeguardsRoleHoursAndPaybackRangesReadBackAndValidate()
    {
        var options = new ValueOptions { WaveSize = 2 };
        var opportunities = PlanFixture.Opportunities(options,
            ("=HYPERLINK(\"http://evil.example\",\"x\")", "Post the invoice in the ERP", 20_000, 300),
            ("Copy credit note number", "Copy the credit note number into the ledger", 15_000, 240),
            ("Archive file", "Archive the file", 12_000, 200),
            ("@SUM(A1:A9) label", "Print the label", 9_000, 300),
            ("Agent mood scoring", "Score the emotions of call-centre agents from their voice", 20_000, 300),
            ("Credit check", "Assess creditworthiness of loan applicants", 10_000, 600));
        var report = PlanFixture.Report(opportunities, options);
        var roadmap = report.Roadmap!;
        var items = roadmap.Phases.SelectMany(p => p.Items.Select(i => (Phase: p, Item: i))).ToList();
        Assert.Contains(roadmap.Phases, p => p.Kind == PhaseKind.Pilot);
        Assert.Contains(roadmap.Phases, p => p.Kind == PhaseKind.GatedWave);
        Assert.NotEmpty(roadmap.NotPlanned);

        using var workbook = await WriteAsync(report);

        using var document = SpreadsheetDocument.Open(workbook, isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        var book = new Book(document);
        var sheet = book.Sheet(XlsxReportWriter.Sheets.Roadmap);
        var rows = sheet.Rows;
        var header = rows[0];
        int Column(string name) => header.FindIndex(c => c.Text == name) is var i and >= 0 ? i : throw new Xunit.Sdk.XunitException($"no column '{name}' in [{string.Join(", ", header.Select(c => c.Text))}]");
        Assert.Equal(items.Count + roadmap.NotPlanned.Count + 1, rows.Count);
        Assert.Equal(PaneStateValues.Frozen, sheet.Part.Worksheet.Descendants<Pane>().Single().State?.Value);
        Assert.Equal($"A1:{ColumnName(header.Count)}{rows.Count}", sheet.Part.Worksheet.Descendants<AutoFilter>().Single().Reference?.Value);

        for (var r = 0; r < items.Count; r++)
        {
            var (phase, item) = items[r];
            var row = rows[r + 1];
            Assert.Equal(phase.Order, row[Column("Phase")].Number, 6);
            Assert.Equal(phase.Title, row[Column("Phase title")].Text);
            Assert.Equal(item.OpportunityId, row[Column("Id")].Text);
            Assert.Equal(item.PaybackMonths.P50!.Value, row[Column("Payback months P50")].Number, 6);
            foreach (var (months, name) in new[] { (item.PaybackMonths.P10, "Payback months P10"), (item.PaybackMonths.P90, "Payback months P90") })
            {
                // A range end that never pays back is an empty cell, not a number.
                Assert.Equal(months?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty, months is null ? row[Column(name)].Text : row[Column(name)].Number.ToString("R", CultureInfo.InvariantCulture));
            }

            Assert.Equal(item.NetValue.P50, row[Column("Net value 3 y EUR P50")].Number, 6);
            Assert.Equal(item.Safeguards.Sum(g => g.Days), row[Column("Safeguard person-days")].Number, 6);
            Assert.Equal(item.FreedHours.Sum(f => f.HoursPerYear), row[Column("Freed h/year (all roles)")].Number, 6);
            Assert.All(item.FreedHours, f => Assert.Contains(f.Who, row[Column("Freed h/year by role")].Text, StringComparison.Ordinal));
        }

        Assert.Equal("pilot", rows[1][Column("Phase kind")].Text);
        var gated = rows.Skip(1).Single(r => r[Column("Phase kind")].Text == "high-risk wave");
        Assert.Contains("before: design the human oversight of the decision", gated[Column("Safeguards (before = prerequisite)")].Text, StringComparison.Ordinal);
        Assert.Contains(rows.Skip(1), r => r[Column("Phase kind")].Text == "not planned" && r[Column("Why here")].Text.StartsWith("prohibited", StringComparison.Ordinal));
        Assert.Equal("#,##0.0", book.FormatOf(rows[1][Column("Payback months P50")]));
        Assert.Equal("#,##0", book.FormatOf(rows[1][Column("Net value 3 y EUR P50")]));
        Assert.Equal("#,##0", book.FormatOf(rows[1][Column("Freed h/year (all roles)")]));

        var tasks = rows.Skip(1).Select(r => r[Column("Task")].Text).ToList();
        Assert.Contains("'=HYPERLINK(\"http://evil.example\",\"x\")", tasks);
        Assert.Contains("'@SUM(A1:A9) label", tasks);
        Assert.Empty(sheet.Part.Worksheet.Descendants<CellFormula>());
        Assert.Contains(roadmap.Method, book.Sheet(XlsxReportWriter.Sheets.Assumptions).Rows.Select(r => r[1].Text));
    }

    [Fact]
    public async Task WriteAsync_Workbook_ValidatesAgainstTheOpenXmlSchema()
    {
        using var workbook = await WriteAsync(SampleReport.Build());

        using var document = SpreadsheetDocument.Open(workbook, isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task WriteAsync_TextXmlCannotCarry_ValidatesAndReadsBackEscaped()
    {
        // Uploaded names may hold control characters, markup and a literal SpreadsheetML escape; none may break the XML.
        var report = SampleReport.Build(tasks: [("Bell\u0007 <b>&amp;</b> _x0041_ \"q\" \uD83D\uDE00 \uD800", "Archive the file", 100)]);
        using var workbook = await WriteAsync(report);

        using var document = SpreadsheetDocument.Open(workbook, isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        var sheet = new Book(document).Sheet(XlsxReportWriter.Sheets.Opportunities);
        // The SDK reads the escapes as written; Excel shows them as the characters (and the literal as "_x0041_").
        Assert.Equal("Bell_x0007_ <b>&amp;</b> _x005F_x0041_ \"q\" \uD83D\uDE00 _xD800_", sheet.Rows[1][2].Text);
        Assert.All(sheet.Part.Worksheet.Descendants<Column>(), c => Assert.InRange(c.Width!.Value, 9, 60));
    }

    [Fact]
    public async Task WriteAsync_TaskNamedLikeAnImageFile_StaysTextNoFileIsEmbedded()
    {
        var folder = Directory.CreateTempSubdirectory("scanner-xlsx-");
        try
        {
            // A real PNG on disk: MiniExcel's file-path feature would embed it if it were on.
            var png = Path.Combine(folder.FullName, "secret.png");
            await File.WriteAllBytesAsync(png, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="), TestContext.Current.CancellationToken);
            var report = SampleReport.Build(tasks: [(png, "Archive the file", 100), ("@@@fileid@@@," + png, "Print the label", 100)]);

            using var workbook = await WriteAsync(report);

            using var document = SpreadsheetDocument.Open(workbook, isEditable: false);
            Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.DrawingsPart?.ImageParts ?? []));
            var book = new Book(document);
            var tasks = book.Sheet(XlsxReportWriter.Sheets.Opportunities).Rows.Skip(1).Select(r => r[2].Text).ToList();
            Assert.Contains(png, tasks);
            Assert.Contains("'@@@fileid@@@," + png, tasks);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WriteAsync_NoOpportunitiesToAStreamThatCannotSeek_HeadersAndFiltersStillWritten()
    {
        var report = SampleReport.Build(tasks: []);
        using var target = new MemoryStream();
        await using (var forwardOnly = new ForwardOnlyStream(target))
        {
            await XlsxReportWriter.WriteAsync(report, forwardOnly, TestContext.Current.CancellationToken);
        }

        using var copy = new MemoryStream(target.ToArray());
        using var document = SpreadsheetDocument.Open(copy, isEditable: false);
        var book = new Book(document);
        var risks = book.Sheet(XlsxReportWriter.Sheets.RiskFindings);
        Assert.Single(risks.Rows);
        Assert.Equal("Rule", risks.Rows[0][4].Text);
        Assert.Equal($"A1:{ColumnName(risks.Rows[0].Count)}1", risks.Part.Worksheet.Descendants<AutoFilter>().Single().Reference?.Value);
    }

    private static async Task<MemoryStream> WriteAsync(ScanReport report)
    {
        var stream = new MemoryStream();
        await XlsxReportWriter.WriteAsync(report, stream, TestContext.Current.CancellationToken);
        stream.Position = 0;
        return stream;
    }

    private static string ColumnName(int columns)
    {
        var name = string.Empty;
        for (var n = columns; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private sealed record CellValue(string Text, uint Style)
    {
        public double Number => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private sealed record SheetView(WorksheetPart Part, List<List<CellValue>> Rows);

    /// <summary>Reads a workbook the way a spreadsheet does: sheet names, cell text (shared or inline), styles' number formats.</summary>
    private sealed class Book(SpreadsheetDocument document)
    {
        private readonly WorkbookPart _workbook = document.WorkbookPart!;

        public List<string> SheetNames => [.. _workbook.Workbook.Descendants<Sheet>().Select(s => s.Name!.Value!)];

        public SheetView Sheet(string name)
        {
            var sheet = _workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == name);
            var part = (WorksheetPart)_workbook.GetPartById(sheet.Id!);
            // Cells by their reference (a writer may leave an empty cell out): the list index is the column.
            var rows = part.Worksheet.Descendants<Row>().Select(r =>
            {
                var cells = new List<CellValue>();
                foreach (var cell in r.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(new CellValue(string.Empty, 0));
                    }

                    cells.Add(Read(cell));
                }

                return cells;
            }).ToList();
            return new SheetView(part, rows);
        }

        private static int ColumnIndex(string reference)
        {
            var index = 0;
            foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            {
                index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            }

            return index - 1;
        }

        public IEnumerable<string> AllText() => SheetNames.SelectMany(n => Sheet(n).Rows.SelectMany(r => r.Select(c => c.Text)));

        public string? FormatOf(CellValue cell)
        {
            var stylesheet = _workbook.WorkbookStylesPart!.Stylesheet;
            var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.Style);
            var id = format.NumberFormatId?.Value ?? 0;
            return stylesheet.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value
                ?? (id == 0 ? null : "builtin " + id.ToString(CultureInfo.InvariantCulture));
        }

        private CellValue Read(Cell cell)
        {
            var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? string.Empty;
            if (cell.DataType?.Value == CellValues.SharedString)
            {
                raw = _workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(raw, CultureInfo.InvariantCulture)).InnerText;
            }

            return new CellValue(raw, cell.StyleIndex?.Value ?? 0);
        }
    }

    /// <summary>A write-only stream that cannot seek, like a blob upload or an HTTP response.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
    }
}
