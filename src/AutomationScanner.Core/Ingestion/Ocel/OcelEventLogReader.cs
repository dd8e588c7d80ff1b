using System.Text;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>Entry point for object-centric logs: names and magic numbers, and reading a sniffed export into processes.</summary>
public static class OcelEventLogReader
{
    private static readonly string[] Extensions = [".jsonocel", ".xmlocel", ".sqlite", ".sqlite3", ".json", ".xml"];

    /// <summary>OCEL exports by name: .jsonocel, .xmlocel, .sqlite(3), and plain .json / .xml (their content decides).</summary>
    public static bool IsOcelName(string name) => Extensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The SQLite file header, "SQLite format 3\0".</summary>
    public static bool IsSqlite(ReadOnlySpan<byte> head) => head.StartsWith("SQLite format 3\0"u8);

    /// <summary>An XML head with OCEL 2.0's sections rather than XES's traces.</summary>
    public static bool IsOcelXml(string head) =>
        !head.Contains("<trace", StringComparison.Ordinal)
        && (head.Contains("<object-types", StringComparison.Ordinal) || head.Contains("<event-types", StringComparison.Ordinal)
            || head.Contains("<objects", StringComparison.Ordinal) || head.Contains("<events", StringComparison.Ordinal));

    internal static List<MinedProcess> Read(string file, string processName, SniffedExport export, IngestionOptions options, CancellationToken cancellationToken)
    {
        if (export.Format == ExportFormat.OcelSqlite)
        {
            using var database = new OcelFlattener(file, processName, options, "OCEL 2.0 SQLite", "row");
            OcelSqliteReader.Read(export.Content, database, cancellationToken);
            return Complete(database, export, file);
        }

        if (export.Format == ExportFormat.OcelXml)
        {
            using var xml = new OcelFlattener(file, processName, options, "OCEL 2.0 XML", "line");
            OcelXmlReader.Read(export.Content, xml, cancellationToken);
            return Complete(xml, export, file);
        }

        using var json = new OcelFlattener(file, processName, options, "OCEL 2.0 JSON", "byte");
        using var utf8 = Utf8WithoutBom(export);
        OcelJsonReader.Read(utf8, json, cancellationToken);
        return Complete(json, export, file);
    }

    /// <summary>Records what the sniffer noticed (a truncated gzip, replaced bytes), then flattens.</summary>
    private static List<MinedProcess> Complete(OcelFlattener flattener, SniffedExport export, string file)
    {
        foreach (var problem in export.Problems(file))
        {
            flattener.Quality.Add(DataQualityKinds.EncodingOrCompression, problem);
        }

        return flattener.Complete();
    }

    private static Stream Utf8WithoutBom(SniffedExport export)
    {
        if (export.Encoding is not UTF8Encoding)
        {
            return Encoding.CreateTranscodingStream(export.Content, export.Encoding, new UTF8Encoding(false), leaveOpen: true);
        }

        if (export.Head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            Span<byte> bom = stackalloc byte[3];
            export.Content.ReadExactly(bom);
        }

        return new NonClosingStream(export.Content);
    }

    /// <summary>Lets the export own its stream: disposing the reader's view does not close it.</summary>
    private sealed class NonClosingStream(Stream inner) : ForwardReadStream
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
    }
}
