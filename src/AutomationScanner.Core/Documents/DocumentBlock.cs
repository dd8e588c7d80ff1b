namespace AutomationScanner.Core.Documents;

internal enum BlockKind
{
    Heading,
    NumberedItem,
    BulletItem,
    TableRow,
    Paragraph,
}

/// <summary>One structural unit of a document, as every reader reports it, before statements are extracted.</summary>
internal sealed record DocumentBlock(BlockKind Kind, string Text, int Line)
{
    public int? Page { get; init; }

    /// <summary>Cells of a table row; <see cref="Text"/> then joins them.</summary>
    public IReadOnlyList<string> Cells { get; init; } = [];

    /// <summary>True for a table's header row (th cells, a Markdown header, a DOCX header row).</summary>
    public bool IsHeaderRow { get; init; }

    /// <summary>A table starts here: header cells seen before belong to another table.</summary>
    public bool StartsTable { get; init; }
}
