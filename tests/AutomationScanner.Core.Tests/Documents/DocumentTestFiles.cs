using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace AutomationScanner.Core.Tests.Documents;

/// <summary>Builds real DOCX and PDF files in memory, as Word and a PDF printer would write them.</summary>
internal static class DocumentTestFiles
{
    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>A DOCX with Heading 1 paragraphs, a numbered list, a bullet list and a table with a header row.</summary>
    public static MemoryStream InvoiceSopDocx()
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddNumbering(main);
            var body = new Body(
                Styled("Title", "Accounts payable: invoice processing"),
                Styled("Heading1", "Purpose"),
                Plain("This work instruction describes how supplier invoices are processed."),
                Styled("Heading1", "Procedure"),
                Plain("Role: AP clerk"),
                ListItem(1, "Open the supplier invoice from the AP mailbox in Outlook (about 200 per week)."),
                ListItem(1, "Check the invoice against the purchase order and the goods receipt in SAP."),
                ListItem(1, "Post the invoice in SAP for each matched invoice."),
                Styled("Heading1", "Exceptions"),
                ListItem(2, "Call the supplier when the bank details on the invoice differ from the vendor master."),
                ListItem(2, "The finance manager approves invoices above 10,000 EUR."),
                Styled("Heading1", "Month-end"),
                StepsTable(),
                new SectionProperties());
            main.Document = new Document(body);
            main.Document.Save();
        }

        stream.Position = 0;
        return stream;
    }

    public static MemoryStream Docx(params OpenXmlElement[] bodyElements)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddNumbering(main);
            main.Document = new Document(new Body(bodyElements));
            main.Document.Save();
        }

        stream.Position = 0;
        return stream;
    }

    public static Paragraph Plain(string text) => new(new Run(new Text(text)));

    public static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new Text(text)));

    /// <summary>A list paragraph: numId 1 is a decimal list, numId 2 a bullet list.</summary>
    public static Paragraph ListItem(int numId, string text) =>
        new(
            new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numId })),
            new Run(new Text(text)));

    private static Table StepsTable() =>
        new(
            new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })),
            Row(header: true, "Step", "Action", "Who", "System"),
            Row(header: false, "1", "Reconcile the vendor ledger with the supplier statements", "AP clerk", "SAP"),
            Row(header: false, "2", "Export the open items to Excel and send them to the controller", "AP clerk", "Excel"));

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            row.Append(new TableCell(new Paragraph(new Run(new Text(cell)))));
        }

        return row;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            Style("Title", "Title"),
            Style("Heading1", "heading 1"),
            Style("berschrift2", "Überschrift 2"),
            Style("ListParagraph", "List Paragraph"));
        styles.Styles.Save();
    }

    private static Style Style(string id, string name) =>
        new(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };

    private static void AddNumbering(MainDocumentPart main)
    {
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
            new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "\u2022" }) { LevelIndex = 0 }) { AbstractNumberId = 2 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
            new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 });
        numbering.Numbering.Save();
    }

    /// <summary>A PDF with one line of text per entry, top to bottom, a new page every <paramref name="linesPerPage"/> lines.</summary>
    public static MemoryStream Pdf(IReadOnlyList<string> lines, int linesPerPage = 40)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        PdfPageBuilder? page = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i % linesPerPage == 0)
            {
                page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            }

            page!.AddText(lines[i], 10, new PdfPoint(40, 800 - ((i % linesPerPage) * 18)), font);
        }

        return new MemoryStream(builder.Build());
    }
}
