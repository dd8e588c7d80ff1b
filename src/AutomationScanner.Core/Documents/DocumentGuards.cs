using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// Checks an untrusted document before a parser builds objects from it: DOCX parts by a streaming XML pass (size,
/// nesting, element count, size of one paragraph), PDF streams by inflating each one into nothing (size). A document
/// over a limit is refused with a message that names the limit, before it can cost gigabytes or a stack overflow.
/// </summary>
internal static class DocumentGuards
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Streams one part's XML and throws <see cref="InvalidDataException"/> when it breaks a limit.</summary>
    public static void InspectPart(Stream part, string what, long maxCharacters, DocumentOptions options, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        var chunk = new char[16 * 1024];
        long elements = 0;
        var paragraphDepth = -1;
        long paragraphChars = 0;
        try
        {
            using var reader = XmlReader.Create(part, settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        elements++;
                        if ((elements & 0xFFFF) == 0)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                        }

                        if (elements > options.MaxElementsPerPart)
                        {
                            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                                $"the {what} has more than {options.MaxElementsPerPart} XML elements (limit MaxElementsPerPart)"));
                        }

                        if (reader.Depth >= options.MaxXmlDepth)
                        {
                            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                                $"the {what} nests XML more than {options.MaxXmlDepth} levels deep (limit MaxXmlDepth)"));
                        }

                        if (paragraphDepth < 0 && !reader.IsEmptyElement && reader.NamespaceURI == WordNamespace && reader.LocalName is "p" or "tr")
                        {
                            paragraphDepth = reader.Depth;
                            paragraphChars = 0;
                        }

                        paragraphChars += reader.LocalName.Length + 2;
                        break;
                    case XmlNodeType.EndElement:
                        if (reader.Depth == paragraphDepth)
                        {
                            paragraphDepth = -1;
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                        // Read in chunks: a single text node of a gigabyte must not become one string here.
                        int n;
                        while ((n = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        {
                            paragraphChars += n;
                            if (paragraphDepth >= 0 && paragraphChars > options.MaxParagraphXmlCharacters)
                            {
                                break;
                            }
                        }

                        break;
                }

                if (paragraphDepth >= 0 && paragraphChars > options.MaxParagraphXmlCharacters)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"a paragraph or table row of the {what} holds more than {options.MaxParagraphXmlCharacters} characters (limit MaxParagraphXmlCharacters)"));
                }
            }
        }
        catch (XmlException ex) when (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal) || ex.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"the {what} is larger than {maxCharacters} characters (limit {(what.Contains("body", StringComparison.Ordinal) ? "MaxPartCharacters" : "MaxDefinitionPartCharacters")})"), ex);
        }
    }

    /// <summary>Inflates every Flate-compressed non-image stream of a PDF into nothing, refusing one that grows past the limits.</summary>
    public static void InspectPdf(Stream pdf, DocumentOptions options, CancellationToken cancellationToken)
    {
        if (!pdf.CanSeek)
        {
            return;
        }

        var start = pdf.Position;
        var keyword = "stream"u8.ToArray();
        var window = new byte[1 << 20];
        var sink = new byte[64 * 1024];
        long total = 0;
        long offset = start;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                pdf.Position = offset;
                var read = ReadFully(pdf, window);
                if (read < keyword.Length + 1)
                {
                    return;
                }

                var span = window.AsSpan(0, read);
                var next = -1L;
                var searchFrom = 0;
                while (true)
                {
                    var hit = span[searchFrom..].IndexOf(keyword);
                    if (hit < 0)
                    {
                        break;
                    }

                    hit += searchFrom;
                    var after = hit + keyword.Length;
                    searchFrom = after;
                    if (after >= span.Length - 1)
                    {
                        break;
                    }

                    // "stream" then CR LF or LF, and not the tail of "endstream".
                    if (hit >= 3 && span.Slice(hit - 3, 3).SequenceEqual("end"u8))
                    {
                        continue;
                    }

                    var dataStart = span[after] == '\n' ? after + 1 : span[after] == '\r' && span[after + 1] == '\n' ? after + 2 : -1;
                    if (dataStart < 0)
                    {
                        continue;
                    }

                    var dictionary = Encoding.Latin1.GetString(span[Math.Max(0, hit - 1024)..hit]);
                    var objectStart = dictionary.LastIndexOf(" obj", StringComparison.Ordinal);
                    if (objectStart >= 0)
                    {
                        dictionary = dictionary[objectStart..];
                    }

                    if (!dictionary.Contains("/FlateDecode", StringComparison.Ordinal) || dictionary.Contains("/Image", StringComparison.Ordinal)
                        || dictionary.Contains("/DCTDecode", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    total += Inflated(pdf, offset + dataStart, options.MaxPdfStreamBytes, sink, cancellationToken, out var stopped);
                    if (stopped)
                    {
                        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                            $"a compressed stream at byte {offset + dataStart} decompresses to more than {options.MaxPdfStreamBytes / 1048576} MB (limit MaxPdfStreamBytes)"));
                    }

                    if (total > options.MaxPdfDecompressedBytes)
                    {
                        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                            $"its compressed streams decompress to more than {options.MaxPdfDecompressedBytes / 1048576} MB together (limit MaxPdfDecompressedBytes)"));
                    }

                    next = offset + after;
                }

                if (read < window.Length)
                {
                    return;
                }

                // Next window overlaps the last one by the length of a dictionary, so no keyword is cut in two.
                offset = Math.Max(offset + read - 2048, next);
            }
        }
        finally
        {
            pdf.Position = start;
        }
    }

    private static long Inflated(Stream pdf, long at, long limit, byte[] sink, CancellationToken cancellationToken, out bool stopped)
    {
        stopped = false;
        pdf.Position = at;
        long produced = 0;
        try
        {
            using var inflater = new ZLibStream(pdf, CompressionMode.Decompress, leaveOpen: true);
            int n;
            var reads = 0;
            while ((n = inflater.Read(sink, 0, sink.Length)) > 0)
            {
                produced += n;
                if (produced > limit)
                {
                    stopped = true;
                    return produced;
                }

                if ((++reads & 0xFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        catch (InvalidDataException)
        {
            // Not zlib data after all, or damaged: the PDF parser decides what to make of it.
        }

        return produced;
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }
}
