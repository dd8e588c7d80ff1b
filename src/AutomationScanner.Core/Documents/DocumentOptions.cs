namespace AutomationScanner.Core.Documents;

/// <summary>Bounds on what one document may cost to read. Documents are untrusted uploads of any size.</summary>
public sealed class DocumentOptions
{
    /// <summary>Characters of text read from one document; the rest is skipped and the result says so.</summary>
    public int MaxCharactersPerDocument { get; init; } = 2_000_000;

    /// <summary>Task statements kept from one document; further ones are dropped and the result says so.</summary>
    public int MaxStatementsPerDocument { get; init; } = 2_000;

    /// <summary>Characters of one line, paragraph or table row; longer ones are cut (a file with no line breaks stays bounded).</summary>
    public int MaxBlockCharacters { get; init; } = 4_000;

    public static DocumentOptions Default { get; } = new();
}
