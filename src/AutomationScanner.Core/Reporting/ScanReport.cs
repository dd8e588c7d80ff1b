using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Ethics;
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

    /// <summary>Mined metrics; resources in <c>ExecutionsByResource</c> are pseudonymised.</summary>
    public ActivityStatistics? Statistics { get; init; }

    public required double ExecutionsPerYear { get; init; }

    public required double HandlingSeconds { get; init; }

    public required HandlingTimeBasis HandlingBasis { get; init; }

    public required double ManualHoursPerYear { get; init; }

    /// <summary>The risk-adjusted priority, 0..100; its parts are in <see cref="Why"/> and add up to it.</summary>
    public required double Score { get; set; }

    public required IReadOnlyList<ScoreFactor> Why { get; set; }

    /// <summary>Document statements (SOP steps) that describe the task: its description and evidence.</summary>
    public IReadOnlyList<TaskStatement> Statements { get; init; } = [];

    /// <summary>The LLM's assessment, or the reason it fell back to ML-only; null when no LLM is configured.</summary>
    public TaskAssessment? Llm { get; set; }

    /// <summary>Automation potential 0..1 used for the benefit.</summary>
    public required double Suitability { get; init; }

    /// <summary>How <see cref="Suitability"/> was reached (text model, process criteria, their parts); null without a classifier.</summary>
    public SuitabilityAssessment? SuitabilityAssessment { get; init; }

    /// <summary>Ease of implementation 0..1 (automation kind, variability, number of systems).</summary>
    public required double Ease { get; init; }

    public required Recommendation Recommendation { get; init; }

    /// <summary>Hours, FTE and money as P10 / P50 / P90, with the confidence and why it is not higher.</summary>
    public required ValueEstimate Value { get; init; }

    /// <summary>Tier, rule hits with evidence and clause, safeguards and job-displacement figures.</summary>
    public required RiskAssessment Risk { get; init; }

    /// <summary>The report line of a ranked task; resource names in its statistics become pseudonyms here.</summary>
    public static Opportunity From(RankedOpportunity ranked, ResourcePseudonymizer pseudonymizer, SuitabilityAssessment? suitability = null)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        return new Opportunity
        {
            Rank = ranked.Rank,
            Id = ranked.Candidate.Id,
            Process = ranked.Candidate.Process,
            Task = ranked.Candidate.Name,
            Statistics = ranked.Candidate.Statistics is { } s ? Pseudonymise(s, pseudonymizer) : null,
            ExecutionsPerYear = ranked.Value.ExecutionsPerYear,
            HandlingSeconds = ranked.Value.HandlingSeconds.P50,
            HandlingBasis = ranked.Value.HandlingBasis,
            ManualHoursPerYear = ranked.Value.Hours.P50,
            Score = ranked.Priority,
            Why = ranked.Why,
            Suitability = ranked.Value.Suitability,
            SuitabilityAssessment = suitability,
            Ease = ranked.Ease,
            Recommendation = ranked.Recommendation,
            Value = ranked.Value,
            Risk = ranked.Risk,
            Statements = [.. ranked.Candidate.Statements],
        };
    }

    private static ActivityStatistics Pseudonymise(ActivityStatistics statistics, ResourcePseudonymizer pseudonymizer)
    {
        var byPseudonym = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (resource, executions) in statistics.ExecutionsByResource)
        {
            var key = pseudonymizer.Pseudonymize(resource);
            byPseudonym[key] = byPseudonym.GetValueOrDefault(key) + executions;
        }

        return statistics with { ExecutionsByResource = byPseudonym };
    }
}

/// <summary>The value-model assumptions a reader needs to check the money and FTE figures.</summary>
public sealed record ValueAssumptions(double WorkingDaysPerYear, double HoursPerDay, double HourlyCost, string Currency, double DefaultHandlingMinutes)
{
    public static ValueAssumptions From(ValueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.WorkingDaysPerYear, options.HoursPerDay, options.HourlyCost, options.Currency, options.DefaultHandlingMinutes);
    }
}

/// <summary>The result of one scan: what was read, what it found, and how it ranked it.</summary>
public sealed class ScanReport
{
    /// <summary>Major changes break readers; minor ones only add fields. See docs/report-schema.md.</summary>
    public const string CurrentSchemaVersion = "2.1";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string ScanId { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required IReadOnlyList<InputOutcome> Inputs { get; init; }

    public required IReadOnlyList<LogSummary> Processes { get; init; }

    /// <summary>The domain inferred for each process (lending, healthcare...), with its evidence; the risk screen uses it.</summary>
    public IReadOnlyList<ProcessDomainProfile> ProcessDomains { get; init; } = [];

    public required IReadOnlyList<Opportunity> Opportunities { get; init; }

    /// <summary>Documents read (SOPs, work instructions): statements found, matched, caps reached, injections flagged.</summary>
    public IReadOnlyList<DocumentSummary> Documents { get; init; } = [];

    /// <summary>How the score is computed, in words, so a reader of the file alone can follow it.</summary>
    public required string ScoreDescription { get; init; }

    /// <summary>Assumptions the scan made (time zone, handling-time rules, automated resources...).</summary>
    public required IReadOnlyList<string> Assumptions { get; init; }

    public required ValueAssumptions ValueAssumptions { get; init; }

    /// <summary>Version of the ethics and regulation rule catalogue the risk screen used.</summary>
    public required string RuleCatalogueVersion { get; init; }

    public required RegulatoryDates RegulatoryDates { get; init; }

    /// <summary>What changed since the previous report of the same engagement; null on a first scan.</summary>
    public ScanDiff? Diff { get; init; }

    /// <summary>Whether the LLM was on, and its token and cost accounting for this scan.</summary>
    public LlmUsage Llm { get; init; } = LlmUsage.Disabled;
}
