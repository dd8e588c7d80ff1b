using System.Globalization;
using System.IO.Compression;
using System.Text;
using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Hostile;

/// <summary>The document cases of issue 14: deep nesting, part and paragraph bombs, PDF stream bombs, pages that yield nothing.</summary>
public sealed class HostileDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (DocumentExtraction Result, long Allocated) Read(Stream stream, string name, DocumentOptions? options = null)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = new DocumentReader(options).Read(stream, name, Ct);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Docx_Nested30000LevelsDeep_RefusedWithoutStackOverflow()
    {
        using var docx = HostileFiles.RawDocx(s =>
        {
            HostileFiles.Ascii(s, HostileFiles.WordOpen + "<w:p>");
            for (var i = 0; i < 30_000; i++)
            {
                HostileFiles.Ascii(s, "<w:r>");
            }

            HostileFiles.Ascii(s, "<w:t>deep</w:t>");
            for (var i = 0; i < 30_000; i++)
            {
                HostileFiles.Ascii(s, "</w:r>");
            }

            HostileFiles.Ascii(s, "</w:p>" + HostileFiles.WordClose);
        });

        var (result, _) = Read(docx, "deep.docx");

        Assert.False(result.Succeeded);
        Assert.StartsWith("deep.docx:", result.Error, StringComparison.Ordinal);
        Assert.Contains("MaxXmlDepth", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_OneHugeParagraph_RefusedWithBoundedMemory()
    {
        var chunk = Encoding.UTF8.GetBytes(new string('a', 64 * 1024));
        using var docx = HostileFiles.RawDocx(s =>
        {
            HostileFiles.Ascii(s, HostileFiles.WordOpen + "<w:p><w:r><w:t>");
            for (var i = 0; i < 160; i++)
            {
                s.Write(chunk);
            }

            HostileFiles.Ascii(s, "</w:t></w:r></w:p>" + HostileFiles.WordClose);
        });

        var (result, allocated) = Read(docx, "paragraph.docx");

        Assert.Contains("MaxParagraphXmlCharacters", result.Error, StringComparison.Ordinal);
        Assert.True(allocated < 200L << 20, $"{allocated >> 20} MB allocated");
    }

    [Fact]
    public void Docx_MillionsOfEmptyParagraphs_RefusedAtTheElementLimit()
    {
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<w:p/>", 10_000)));
        using var docx = HostileFiles.RawDocx(s =>
        {
            HostileFiles.Ascii(s, HostileFiles.WordOpen);
            for (var i = 0; i < 500; i++)
            {
                s.Write(chunk);
            }

            HostileFiles.Ascii(s, HostileFiles.WordClose);
        });

        var (result, allocated) = Read(docx, "empty-paragraphs.docx");

        Assert.Contains("MaxElementsPerPart", result.Error, StringComparison.Ordinal);
        Assert.True(allocated < 300L << 20, $"{allocated >> 20} MB allocated");
    }

    [Fact]
    public void Docx_HugeStylesPart_RefusedBeforeItIsLoaded()
    {
        var chunk = Encoding.UTF8.GetBytes(new string(' ', 64 * 1024));
        using var docx = HostileFiles.RawDocx(
            s => HostileFiles.Ascii(s, HostileFiles.WordOpen + "<w:p><w:r><w:t>Check the invoice.</w:t></w:r></w:p>" + HostileFiles.WordClose),
            s =>
            {
                HostileFiles.Ascii(s, """<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="a"><w:name w:val=" """);
                for (var i = 0; i < 160; i++)
                {
                    s.Write(chunk);
                }

                HostileFiles.Ascii(s, "\"/></w:style></w:styles>");
            });

        var (result, allocated) = Read(docx, "styles.docx");

        Assert.Contains("styles part", result.Error, StringComparison.Ordinal);
        Assert.True(allocated < 200L << 20, $"{allocated >> 20} MB allocated");
    }

    [Fact]
    public void Docx_Ordinary_StillRead()
    {
        using var docx = HostileFiles.RawDocx(s => HostileFiles.Ascii(s, HostileFiles.WordOpen + "<w:p><w:r><w:t>Check the invoice against the purchase order in SAP.</w:t></w:r></w:p>" + HostileFiles.WordClose));

        var (result, _) = Read(docx, "ok.docx");

        Assert.True(result.Succeeded, result.Error);
        Assert.Single(result.Statements);
    }

    [Fact]
    public void Pdf_FlateStreamBomb_RefusedWithBoundedMemory()
    {
        using var pdf = RawPdf(Deflate(new byte[80 << 20]));

        var (result, allocated) = Read(pdf, "bomb.pdf");

        Assert.StartsWith("bomb.pdf:", result.Error, StringComparison.Ordinal);
        Assert.Contains("MaxPdfStreamBytes", result.Error, StringComparison.Ordinal);
        Assert.True(allocated < 64L << 20, $"{allocated >> 20} MB allocated");
    }

    [Fact]
    public void Pdf_PageWithoutText_IsNoted()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        using var pdf = new MemoryStream(builder.Build());

        var (result, _) = Read(pdf, "scanned.pdf");

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(result.Notes, n => n.Contains("page(s) 1", StringComparison.Ordinal) && n.StartsWith("scanned.pdf:", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_ContentNested100000Deep_NeverSilent()
    {
        var content = new StringBuilder();
        content.Append('[', 100_000).Append(']', 100_000).Append(" BT /F1 12 Tf 40 800 Td (Check the invoice.) Tj ET");
        using var pdf = RawPdf(Deflate(Encoding.ASCII.GetBytes(content.ToString())));

        var (result, _) = Read(pdf, "nested.pdf");

        // Read, refused or noted: never zero statements with nothing said.
        Assert.True(result.Statements.Count > 0 || !result.Succeeded || result.Notes.Any(n => n.Contains("page(s) 1", StringComparison.Ordinal)),
            string.Join(" | ", result.Notes));
    }

    [Fact]
    public void Text_InvalidUtf8_IsNoted()
    {
        using var text = new MemoryStream([.. "1. Check the invoice in SAP.\n2. Pr"u8.ToArray(), 0xFC, .. "fen the order.\n"u8.ToArray()]);

        var (result, _) = Read(text, "sop.txt");

        Assert.Contains(result.Notes, n => n.Contains("1 invalid UTF-8", StringComparison.Ordinal));
    }

    private static byte[] Deflate(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Fastest))
        {
            zlib.Write(content);
        }

        return buffer.ToArray();
    }

    /// <summary>A one-page PDF whose page content is <paramref name="flateContent"/>, with a correct cross-reference table.</summary>
    private static MemoryStream RawPdf(byte[] flateContent)
    {
        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Text(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Text("%PDF-1.4\n");
        offsets.Add(pdf.Position);
        Text("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        offsets.Add(pdf.Position);
        Text("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
        offsets.Add(pdf.Position);
        Text("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n");
        offsets.Add(pdf.Position);
        Text(string.Create(CultureInfo.InvariantCulture, $"4 0 obj << /Length {flateContent.Length} /Filter /FlateDecode >>\nstream\n"));
        pdf.Write(flateContent);
        Text("\nendstream\nendobj\n");
        offsets.Add(pdf.Position);
        Text("5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n");
        var xref = pdf.Position;
        Text("xref\n0 6\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Text(string.Create(CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n"));
        }

        Text(string.Create(CultureInfo.InvariantCulture, $"trailer << /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        pdf.Position = 0;
        return pdf;
    }
}
