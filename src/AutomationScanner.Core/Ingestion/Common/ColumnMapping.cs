namespace AutomationScanner.Core.Ingestion.Common;

/// <summary>
/// Which CSV columns hold the case id, activity, timestamps, resource and lifecycle. Given explicitly it overrides
/// the guess; each property is a column name (matched case-insensitively) or null.
/// </summary>
public sealed record ColumnMapping
{
    public string? Case { get; init; }

    public string? Activity { get; init; }

    /// <summary>Completion (or only) timestamp.</summary>
    public string? Timestamp { get; init; }

    /// <summary>Start timestamp, when each row is one activity instance with start and end.</summary>
    public string? StartTimestamp { get; init; }

    public string? Resource { get; init; }

    public string? Lifecycle { get; init; }

    /// <summary>The role (function, group) the resource acted in, as XES <c>org:role</c>.</summary>
    public string? Role { get; init; }

    public static ColumnMapping Empty { get; } = new();

    /// <summary>Parses "case=Case ID,activity=Activity,timestamp=Complete Timestamp".</summary>
    public static ColumnMapping Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mapping = new ColumnMapping();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == part.Length - 1)
            {
                throw new FormatException($"column mapping '{part}' must look like role=Column (roles: case, activity, timestamp, start, resource, lifecycle, role)");
            }

            var role = part[..equals].Trim().ToLowerInvariant();
            var column = part[(equals + 1)..].Trim();
            mapping = role switch
            {
                "case" => mapping with { Case = column },
                "activity" => mapping with { Activity = column },
                "timestamp" or "end" or "complete" => mapping with { Timestamp = column },
                "start" => mapping with { StartTimestamp = column },
                "resource" => mapping with { Resource = column },
                "lifecycle" => mapping with { Lifecycle = column },
                "role" => mapping with { Role = column },
                _ => throw new FormatException($"unknown column role '{role}' (roles: case, activity, timestamp, start, resource, lifecycle, role)"),
            };
        }

        return mapping;
    }
}

/// <summary>The columns a CSV reader settled on, as ordinals, with how each was chosen.</summary>
public sealed record ResolvedColumns(
    int Case,
    int Activity,
    int Timestamp,
    int StartTimestamp,
    int Resource,
    int Lifecycle,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Notes,
    int Role = -1)
{
    public const int Absent = -1;

    public string NameOf(int ordinal) => ordinal >= 0 && ordinal < Names.Count ? Names[ordinal] : "(none)";
}
