using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Reporting;

/// <summary>An input the scan read, or could not read, and why.</summary>
public sealed record InputOutcome(string Name, string Kind, bool Read, string? Error);

/// <summary>One ranked automation opportunity: a task with its evidence and every part of its score.</summary>
public sealed class Opportunity
{
    public required int Rank { get; set; }

    /// <summary>Stable id of the task (process + name): the same across scans.</summary>
    public required string Id { get; init; }

    public required string Process { get; init; }

    public required string Task { get; init; }

    public ActivityStatistics? Statistics { get; init; }

    public required double ExecutionsPerYear { get; init; }

    public required double HandlingSeconds { get; init; }

    public required HandlingTimeBasis HandlingBasis { get; init; }

    public required double ManualHoursPerYear { get; init; }

    /// <summary>The ranking score; its parts are in <see cref="Why"/>.</summary>
    public required double Score { get; set; }

    public required IReadOnlyList<ScoreFactor> Why { get; set; }

    /// <summary>Automation suitability (text model + process criteria) with all its parts; null when no model was used.</summary>
    public SuitabilityAssessment? Suitability { get; init; }
}

/// <summary>The result of one scan: what was read, what it found, and how it ranked it.</summary>
public sealed class ScanReport
{
    public const string CurrentSchemaVersion = "1.0";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string ScanId { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required IReadOnlyList<InputOutcome> Inputs { get; init; }

    public required IReadOnlyList<LogSummary> Processes { get; init; }

    public required IReadOnlyList<Opportunity> Opportunities { get; init; }

    /// <summary>How the score is computed, in words, so a reader of the file alone can follow it.</summary>
    public required string ScoreDescription { get; init; }

    /// <summary>Assumptions the scan made (time zone, handling-time rules, automated resources...).</summary>
    public required IReadOnlyList<string> Assumptions { get; init; }
}
