using System.IO.Compression;
using System.Text;

namespace AutomationScanner.Core.Tests.Hostile;

/// <summary>Builds hostile inputs in the test (nothing of this is committed): bombs, cut files, deep nesting.</summary>
internal static class HostileFiles
{
    public const string Header = "case,activity,timestamp,resource\n";

    /// <summary>A valid CSV log: <paramref name="cases"/> cases of three events.</summary>
    public static string ValidCsv(int cases = 20)
    {
        var text = new StringBuilder(Header);
        var start = new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        for (var c = 0; c < cases; c++)
        {
            foreach (var (activity, minutes) in new[] { ("Receive invoice", 0), ("Check invoice", 30), ("Pay invoice", 95) })
            {
                text.Append(FormattableString.Invariant($"c{c},{activity},{start.AddHours(c).AddMinutes(minutes):yyyy-MM-ddTHH:mm:ssZ},clerk{c % 3}\n"));
            }
        }

        return text.ToString();
    }

    public static byte[] Gzip(byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, level))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    /// <summary>Gzips <paramref name="repeat"/> copies of <paramref name="chunk"/> without holding them all.</summary>
    public static byte[] GzipRepeated(byte[] prefix, byte[] chunk, long repeat, byte[]? suffix = null)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(prefix);
            for (long i = 0; i < repeat; i++)
            {
                gzip.Write(chunk);
            }

            if (suffix is not null)
            {
                gzip.Write(suffix);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A gzip of the log cut at a row boundary: a sync flush after half the rows, and the bytes after it dropped.</summary>
    public static byte[] GzipCutAtRowBoundary(string csv)
    {
        var lines = csv.Split('\n');
        var half = string.Join('\n', lines[..(lines.Length / 2)]) + "\n";
        var rest = string.Join('\n', lines[(lines.Length / 2)..]);
        using var buffer = new MemoryStream();
        long cut;
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(half));
            gzip.Flush();
            cut = buffer.Length;
            gzip.Write(Encoding.UTF8.GetBytes(rest));
        }

        return buffer.ToArray()[..(int)cut];
    }

    /// <summary>A DOCX package written by hand, so that its XML can be anything (Open XML SDK would refuse to write it).</summary>
    public static MemoryStream RawDocx(Action<Stream> writeDocumentXml, Action<Stream>? writeStylesXml = null)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
                </Types>
                """);
            Write(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>
                """);
            if (writeStylesXml is not null)
            {
                Write(zip, "word/_rels/document.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                    </Relationships>
                    """);
                using var styles = zip.CreateEntry("word/styles.xml", CompressionLevel.Fastest).Open();
                writeStylesXml(styles);
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
            writeDocumentXml(document);
        }

        stream.Position = 0;
        return stream;
    }

    public const string WordOpen = """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""";

    public const string WordClose = "</w:body></w:document>";

    public static void Ascii(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var entry = zip.CreateEntry(name).Open();
        Ascii(entry, content.Trim());
    }
}
