using System.Text;

namespace AutomationScanner.Core.Ingestion.Common;

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
