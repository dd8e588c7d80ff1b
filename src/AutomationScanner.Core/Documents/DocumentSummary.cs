namespace AutomationScanner.Core.Documents;

/// <summary>What a scan took from one document, for the report's data-quality section.</summary>
public sealed record DocumentSummary
{
    public required string Name { get; init; }

    public required string Format { get; init; }

    public required int Statements { get; init; }

    /// <summary>Statements attached to a mined activity.</summary>
    public required int Matched { get; init; }

    /// <summary>Statements that became (or joined) candidates of their own.</summary>
    public required int Unmatched { get; init; }

    public required int SuspectedInjections { get; init; }

    public required long CharactersRead { get; init; }

    public required bool CharacterCapReached { get; init; }

    public required bool StatementCapReached { get; init; }

    /// <summary>Caps reached, injections flagged and read errors, in words.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
