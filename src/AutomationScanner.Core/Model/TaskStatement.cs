namespace AutomationScanner.Core.Model;

/// <summary>A task statement read from a document (SOP, work instruction), with its provenance.</summary>
public sealed record TaskStatement
{
    public required string Text { get; init; }

    /// <summary>Name of the document the statement was read from.</summary>
    public required string SourceFile { get; init; }

    /// <summary>1-based line (or paragraph / page-line for DOCX and PDF) where the statement starts.</summary>
    public required int Line { get; init; }

    /// <summary>1-based page for PDF documents (Line is then the line on that page); null for other formats.</summary>
    public int? Page { get; init; }

    public string? Section { get; init; }

    public string? Role { get; init; }

    public IReadOnlyList<string> Systems { get; init; } = [];

    /// <summary>Executions per year implied by a frequency hint ("daily", "about 200 per week"), when present.</summary>
    public double? ExecutionsPerYearHint { get; init; }

    /// <summary>The words the frequency hint was read from.</summary>
    public string? FrequencyText { get; init; }

    /// <summary>Kinds of data handled: "personal", "health", "financial"...</summary>
    public IReadOnlyList<string> DataCategories { get; init; } = [];

    public InteractionKind Interaction { get; init; } = InteractionKind.Manual;

    /// <summary>True when the text looks like an instruction to the scanner (prompt injection); it stays plain data.</summary>
    public bool SuspectedInjection { get; init; }

    /// <summary>Why the statement was flagged as a suspected injection (the cue found), when it was.</summary>
    public string? InjectionReason { get; init; }
}
