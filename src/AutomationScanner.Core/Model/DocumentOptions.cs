using System.ComponentModel.DataAnnotations;

namespace AutomationScanner.Core.Model;

/// <summary>
/// Bounds on what one document may cost to read. Documents are untrusted uploads of any size. Hosts bind it from the
/// <c>Limits:Documents</c> configuration section (<c>Limits__Documents__MaxPartCharacters</c>...).
/// The limits are settable, not init-only: the configuration binding source generator (what binds them in the Native
/// AOT scanner, and in every build) binds into the options instance and skips init-only properties.
/// </summary>
public sealed class DocumentOptions
{
    /// <summary>Characters of text read from one document; the rest is skipped and the result says so.</summary>
    [Range(1_000, int.MaxValue)]
    public int MaxCharactersPerDocument { get; set; } = 2_000_000;

    /// <summary>Task statements kept from one document; further ones are dropped and the result says so.</summary>
    [Range(1, int.MaxValue)]
    public int MaxStatementsPerDocument { get; set; } = 2_000;

    /// <summary>Characters of one line, paragraph or table row; longer ones are cut (a file with no line breaks stays bounded).</summary>
    [Range(80, 1 << 24)]
    public int MaxBlockCharacters { get; set; } = 4_000;

    /// <summary>Characters of one DOCX part (the body XML); a larger part is refused (OpenSettings.MaxCharactersInPart).</summary>
    [LongRange(1024, int.MaxValue)]
    public long MaxPartCharacters { get; set; } = 64L << 20;

    /// <summary>Characters of a DOCX styles or numbering part (read whole); a larger one is refused.</summary>
    [LongRange(1024, int.MaxValue)]
    public long MaxDefinitionPartCharacters { get; set; } = 8L << 20;

    /// <summary>Characters of the XML of one DOCX paragraph or table row; a larger one is refused.</summary>
    [Range(1_024, int.MaxValue)]
    public int MaxParagraphXmlCharacters { get; set; } = 4 << 20;

    /// <summary>XML elements of one DOCX part; elements of one HTML document (which also gets at most one per three characters).</summary>
    [LongRange(1, long.MaxValue)]
    public long MaxElementsPerPart { get; set; } = 4_000_000;

    /// <summary>
    /// XML nesting of a DOCX part (Word needs a few tens of levels, even with nested tables). HTML: deeper elements are
    /// flattened into siblings, and more than four times this many elements left open is refused as a nesting bomb.
    /// </summary>
    [Range(16, 1_000)]
    public int MaxXmlDepth { get; set; } = 128;

    /// <summary>Bytes one PDF content stream may decompress to (images are not decoded and not counted).</summary>
    [LongRange(1024, long.MaxValue)]
    public long MaxPdfStreamBytes { get; set; } = 64L << 20;

    /// <summary>Bytes all of a PDF's compressed non-image streams may decompress to together.</summary>
    [LongRange(1024, long.MaxValue)]
    public long MaxPdfDecompressedBytes { get; set; } = 256L << 20;

    public static DocumentOptions Default { get; } = new();
}
