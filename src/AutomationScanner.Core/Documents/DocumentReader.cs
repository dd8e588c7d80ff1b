using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// Reads SOPs and work instructions (TXT, Markdown, HTML, DOCX, PDF) into task statements, within the caps of
/// <see cref="DocumentOptions"/>. Never throws for a bad document: the result carries an error naming the file,
/// and whatever was read before the failure, so a scan can record it and go on.
/// </summary>
public sealed class DocumentReader(DocumentOptions? options = null, ILogger? logger = null)
{
    private static readonly Dictionary<string, string> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "txt",
        [".text"] = "txt",
        [".md"] = "markdown",
        [".markdown"] = "markdown",
        [".html"] = "html",
        [".htm"] = "html",
        [".docx"] = "docx",
        [".pdf"] = "pdf",
    };

    private readonly DocumentOptions options = options ?? DocumentOptions.Default;
    private readonly ILogger logger = logger ?? NullLogger.Instance;

    /// <summary>File extensions read as documents (lower case, with the dot).</summary>
    public static IReadOnlyCollection<string> Extensions => Formats.Keys;

    public static bool IsDocument(string path) => Formats.ContainsKey(Path.GetExtension(path));

    public DocumentExtraction Read(string path, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(fileName, FormatOf(fileName), "could not be opened", ex);
        }

        using (stream)
        {
            return Read(stream, fileName, cancellationToken);
        }
    }

    /// <summary>Reads a document from a stream; <paramref name="fileName"/> picks the format and names the statements' source.</summary>
    public DocumentExtraction Read(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var format = FormatOf(fileName);
        var budget = new CharacterBudget(options.MaxCharactersPerDocument);
        var extractor = new StatementExtractor(fileName, options);
        string? error = null;
        Stream? spill = null;
        var emptyPages = new List<int>();
        var utf8 = new CountingReplacementFallback();
        try
        {
            extractor.Consume(Blocks(format, stream, budget, emptyPages, utf8, cancellationToken, ref spill));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // Documents are untrusted uploads: any parser failure becomes a recorded error for this file, and the scan goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = Describe(fileName, format, ex);
            logger.LogWarning("Document {File} could not be read as {Format}: {ErrorType}", fileName, format, ex.GetType().Name);
        }
        finally
        {
            spill?.Dispose();
        }

        var result = new DocumentExtraction
        {
            SourceFile = fileName,
            Format = format,
            Statements = extractor.Statements,
            CharactersRead = budget.Used,
            CharacterCapReached = budget.Exhausted,
            StatementCapReached = extractor.CapReached,
            Error = error,
            Warnings = Warnings(fileName, emptyPages, utf8),
        };
        logger.LogInformation(
            "Document {File} ({Format}): {Statements} statements from {Characters} characters, character cap reached {CharacterCap}, statement cap reached {StatementCap}, {Injections} suspected injections",
            fileName, format, result.Statements.Count, result.CharactersRead, result.CharacterCapReached, result.StatementCapReached, result.SuspectedInjections);
        return result;
    }

    /// <summary>What was read but may be incomplete: PDF pages without text, bytes that were not UTF-8.</summary>
    private static List<string> Warnings(string fileName, List<int> emptyPages, CountingReplacementFallback utf8)
    {
        var warnings = new List<string>();
        if (emptyPages.Count > 0)
        {
            var pages = string.Join(", ", emptyPages.Take(10)) + (emptyPages.Count > 10 ? FormattableString.Invariant($" and {emptyPages.Count - 10} more") : string.Empty);
            warnings.Add($"{fileName}: no text could be read from page(s) {pages} (scanned images, or content the reader could not interpret); steps on them are missing.");
        }

        if (utf8.Replacements > 0)
        {
            warnings.Add(FormattableString.Invariant($"{fileName}: {utf8.Replacements} invalid UTF-8 byte sequence(s) were replaced with U+FFFD (save the document as UTF-8)."));
        }

        return warnings;
    }

    private IEnumerable<DocumentBlock> Blocks(string format, Stream stream, CharacterBudget budget, List<int> emptyPages, CountingReplacementFallback utf8, CancellationToken cancellationToken, ref Stream? spill)
    {
        switch (format)
        {
            case "docx":
                return DocxBlockReader.Read(Seekable(stream, ref spill, cancellationToken), budget, options, cancellationToken);
            case "pdf":
                var pdf = Seekable(stream, ref spill, cancellationToken);
                DocumentGuards.InspectPdf(pdf, options, cancellationToken);
                return PdfBlockReader.Read(pdf, budget, options.MaxBlockCharacters, emptyPages, cancellationToken);
            case "html":
                return HtmlBlockReader.Read(Text(stream, utf8), budget, options.MaxBlockCharacters, cancellationToken);
            default:
                return LinesToBlocks(Text(stream, utf8), format == "markdown", budget, cancellationToken);
        }
    }

    private IEnumerable<DocumentBlock> LinesToBlocks(TextReader reader, bool markdown, CharacterBudget budget, CancellationToken cancellationToken)
    {
        using (reader)
        {
            var parser = new LineBlockParser(markdown, options.MaxBlockCharacters);
            foreach (var (line, text) in BoundedLineReader.Read(reader, budget, options.MaxBlockCharacters, cancellationToken))
            {
                foreach (var block in parser.Add(line, text).ToArray())
                {
                    yield return block;
                }
            }

            foreach (var block in parser.Complete().ToArray())
            {
                yield return block;
            }
        }
    }

    // A UTF-16 BOM switches the reader to UTF-16; otherwise UTF-8 whose replaced bytes are counted for a note.
    private static StreamReader Text(Stream stream, CountingReplacementFallback utf8) =>
        new(stream, CountingReplacementFallback.Utf8(utf8), detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);

    // ZIP (DOCX) and PDF need random access; a network stream is spilled to a temporary file, not to memory.
    private static Stream Seekable(Stream stream, ref Stream? spill, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        spill = file;
        stream.CopyToAsync(file, cancellationToken).GetAwaiter().GetResult();
        file.Position = 0;
        return file;
    }

    private static string FormatOf(string fileName) => Formats.GetValueOrDefault(Path.GetExtension(fileName), "txt");

    private static string Describe(string fileName, string format, Exception ex)
    {
        var what = format switch
        {
            "docx" => "is not a readable Word (DOCX) document",
            "pdf" => "is not a readable PDF document",
            _ => "could not be read",
        };
        return fileName + ": " + what + " (" + ex.GetType().Name + ": " + FirstLine(ex.Message) + ")";
    }

    private static DocumentExtraction Failed(string fileName, string format, string what, Exception ex) => new()
    {
        SourceFile = fileName,
        Format = format,
        Error = fileName + ": " + what + " (" + ex.GetType().Name + ": " + FirstLine(ex.Message) + ")",
    };

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length <= 200 ? line : line[..200];
    }
}
