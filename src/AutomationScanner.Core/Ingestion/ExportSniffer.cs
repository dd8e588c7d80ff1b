using System.IO.Compression;
using System.Text;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ingestion;

/// <summary>What the first bytes of an export say about it.</summary>
public enum ExportFormat
{
    Csv,
    Xes,

    /// <summary>Object-centric event log, OCEL 2.0 or 1.0 JSON.</summary>
    OcelJson,

    /// <summary>Object-centric event log, OCEL 2.0 XML.</summary>
    OcelXml,

    /// <summary>Object-centric event log, OCEL 2.0 SQLite database.</summary>
    OcelSqlite,
}

/// <summary>An opened export: decompressed, its encoding and format known, its first bytes kept for sniffing.</summary>
public sealed class SniffedExport : IDisposable
{
    internal SniffedExport(Stream content, byte[] head, Encoding encoding, ExportFormat format, bool compressed, List<string>? warnings = null)
    {
        Warnings = warnings ?? [];
        Content = content;
        Head = head;
        Encoding = encoding;
        Format = format;
        Compressed = compressed;
    }

    /// <summary>The whole (decompressed) content from its first byte.</summary>
    public Stream Content { get; }

    public byte[] Head { get; }

    public Encoding Encoding { get; }

    public ExportFormat Format { get; }

    public bool Compressed { get; }

    /// <summary>Problems found while reading that do not stop it (a gzip trailer that does not match, bytes that are not UTF-8).</summary>
    public List<string> Warnings { get; }

    /// <summary>Counts invalid UTF-8 replaced while decoding, when <see cref="Encoding"/> is UTF-8.</summary>
    internal CountingReplacementFallback? Utf8Fallback { get; init; }

    /// <summary>The warnings, with a note on replaced invalid UTF-8, once the content has been read.</summary>
    public IEnumerable<string> Problems(string file)
    {
        foreach (var warning in Warnings)
        {
            yield return warning;
        }

        if (Utf8Fallback is { Replacements: > 0 } fallback)
        {
            yield return FormattableString.Invariant($"{file}: {fallback.Replacements} invalid UTF-8 byte sequence(s) were replaced with U+FFFD; names containing them may be wrong (save the export as UTF-8)");
        }
    }

    /// <summary>True when the file is longer than the head, so the head's last line may be cut.</summary>
    public bool HeadIsPartial => Head.Length == ExportSniffer.HeadSize;

    /// <summary>The head decoded as text (the last, possibly cut, character dropped).</summary>
    public string HeadText()
    {
        var text = Encoding.GetString(Head);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    public void Dispose() => Content.Dispose();
}

/// <summary>Opens an export without trusting its name: gzip by magic number, encoding by BOM and byte patterns, binary junk refused.</summary>
public static class ExportSniffer
{
    internal const int HeadSize = 64 * 1024;

    public static bool IsEventLogName(string fileName)
    {
        var name = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        return name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".xes", StringComparison.OrdinalIgnoreCase) || Ocel.OcelEventLogReader.IsOcelName(name);
    }

    public static SniffedExport Open(string file, Stream raw, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        limits ??= InputLimits.Default;
        var warnings = new List<string>();
        var (head, stream) = ReadHead(raw, HeadSize);
        var compressed = head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;
        if (compressed)
        {
            try
            {
                var tracked = new TrailerTrackingStream(stream);
                (head, stream) = ReadHead(new GuardedStream(file, new GZipStream(tracked, CompressionMode.Decompress), limits, tracked, warnings), HeadSize);
            }
            catch (InvalidDataException ex)
            {
                throw new IngestionException(file, "the gzip data is corrupt or truncated", inner: ex);
            }
        }
        else
        {
            stream = new GuardedStream(file, stream, limits, null, warnings);
        }

        if (head.Length == 0)
        {
            stream.Dispose();
            throw new IngestionException(file, "the file is empty");
        }

        if (Ocel.OcelEventLogReader.IsSqlite(head))
        {
            return new SniffedExport(stream, head, Encoding.UTF8, ExportFormat.OcelSqlite, compressed, warnings);
        }

        var encoding = DetectEncoding(head);
        CountingReplacementFallback? fallback = null;
        if (encoding is UTF8Encoding)
        {
            fallback = new CountingReplacementFallback();
            encoding = CountingReplacementFallback.Utf8(fallback);
        }
        else if (encoding.CodePage == Encoding.Latin1.CodePage)
        {
            warnings.Add(FormattableString.Invariant($"{file}: not valid UTF-8 (first bad byte at offset {FirstInvalidUtf8(head)}): read as Latin-1, so accented names may be wrong; save the export as UTF-8"));
        }

        var text = encoding.GetString(head, 0, Math.Min(head.Length, 4096)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var binaryAt = FindBinary(encoding, head);
        if (binaryAt >= 0)
        {
            stream.Dispose();
            throw new IngestionException(file, $"this is not a text event log: binary content at byte {binaryAt} (expected CSV, TSV, XES, OCEL or their .gz)");
        }

        var format = text.StartsWith('<') ? (Ocel.OcelEventLogReader.IsOcelXml(encoding.GetString(head)) ? ExportFormat.OcelXml : ExportFormat.Xes)
            : text.StartsWith('{') ? ExportFormat.OcelJson
            : ExportFormat.Csv;
        return new SniffedExport(stream, head, encoding, format, compressed, warnings) { Utf8Fallback = fallback };
    }

    private static (byte[] Head, Stream Whole) ReadHead(Stream stream, int size)
    {
        var buffer = new byte[size];
        var read = 0;
        while (read < size)
        {
            var n = stream.Read(buffer, read, size - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        var head = buffer.AsSpan(0, read).ToArray();
        return (head, new PrefixedStream(head, stream));
    }

    private static Encoding DetectEncoding(byte[] head)
    {
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        }

        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        {
            return Encoding.Unicode;
        }

        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode;
        }

        // UTF-16 without a BOM: ASCII text leaves every other byte zero.
        var sample = Math.Min(head.Length, 1024) & ~1;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < sample; i++)
        {
            if (head[i] == 0)
            {
                if (i % 2 == 0)
                {
                    zeroEven++;
                }
                else
                {
                    zeroOdd++;
                }
            }
        }

        if (sample > 0 && zeroOdd > sample * 0.4 && zeroEven == 0)
        {
            return Encoding.Unicode;
        }

        if (sample > 0 && zeroEven > sample * 0.4 && zeroOdd == 0)
        {
            return Encoding.BigEndianUnicode;
        }

        return IsValidUtf8(head) ? new UTF8Encoding(false) : Encoding.Latin1;
    }

    private static int FirstInvalidUtf8(byte[] head)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(head, new char[head.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.InvalidData ? read : -1;
    }

    private static bool IsValidUtf8(byte[] head)
    {
        // The head may end inside a multi-byte sequence: ignore up to three trailing bytes.
        var span = head.AsSpan();
        for (var cut = 0; cut <= Math.Min(3, span.Length); cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(span[..^cut]))
            {
                return true;
            }
        }

        return false;
    }

    private static int FindBinary(Encoding encoding, byte[] head)
    {
        var text = encoding.GetString(head);
        var control = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return encoding.GetByteCount(text.AsSpan(0, i));
            }

            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f'))
            {
                control++;
            }
        }

        return control > Math.Max(8, text.Length / 20) ? 0 : -1;
    }

    /// <summary>Replays bytes already read in front of the rest of a stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : ForwardReadStream
    {
        private int _position;

        public override int Read(Span<byte> buffer)
        {
            if (_position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _position);
                prefix.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }

            return rest.Read(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
