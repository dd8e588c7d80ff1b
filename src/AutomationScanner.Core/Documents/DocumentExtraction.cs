using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Documents;

/// <summary>What one document gave: its statements, how much of it was read, and the error if it could not be read.</summary>
public sealed record DocumentExtraction
{
    /// <summary>File name of the document (no folder).</summary>
    public required string SourceFile { get; init; }

    /// <summary>"txt", "markdown", "html", "docx" or "pdf".</summary>
    public required string Format { get; init; }

    public IReadOnlyList<TaskStatement> Statements { get; init; } = [];

    public long CharactersRead { get; init; }

    /// <summary>The document was longer than <see cref="DocumentOptions.MaxCharactersPerDocument"/>; the rest was not read.</summary>
    public bool CharacterCapReached { get; init; }

    /// <summary>More statements were found than <see cref="DocumentOptions.MaxStatementsPerDocument"/>; the rest were dropped.</summary>
    public bool StatementCapReached { get; init; }

    /// <summary>Why the document could not be read (names the file); null when it was read.</summary>
    public string? Error { get; init; }

    public bool Succeeded => Error is null;

    /// <summary>Parts that were read but may be incomplete (PDF pages without text, invalid UTF-8); never silent.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Statements that look like instructions to the scanner; they are kept as data and never act.</summary>
    public int SuspectedInjections => Statements.Count(s => s.SuspectedInjection);

    /// <summary>Human-readable notes on caps reached and injections found, for the report's data-quality section.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            var notes = new List<string>();
            if (Error is not null)
            {
                notes.Add(Error);
            }

            notes.AddRange(Warnings);

            if (CharacterCapReached)
            {
                notes.Add(FormattableString.Invariant($"{SourceFile}: only the first {CharactersRead} characters were read (document character cap)."));
            }

            if (StatementCapReached)
            {
                notes.Add(FormattableString.Invariant($"{SourceFile}: only the first {Statements.Count} task statements were kept (statement cap)."));
            }

            if (SuspectedInjections > 0)
            {
                notes.Add(FormattableString.Invariant($"{SourceFile}: {SuspectedInjections} statement(s) look like instructions to the scanner; kept as plain text and ignored for ranking."));
            }

            return notes;
        }
    }
}
