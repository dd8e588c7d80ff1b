using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Planning;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Reporting;

/// <summary>The result of one scan: what was read, what it found, and how it ranked it.</summary>
public sealed class ScanReport
{
    /// <summary>Major changes break readers; minor ones only add fields. See docs/report-schema.md.</summary>
    public const string CurrentSchemaVersion = "3.5";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string ScanId { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public required IReadOnlyList<InputOutcome> Inputs { get; init; }

    public required IReadOnlyList<LogSummary> Processes { get; init; }

    /// <summary>The domain inferred for each process (lending, healthcare...), with its evidence; the risk screen uses it.</summary>
    public IReadOnlyList<ProcessDomainProfile> ProcessDomains { get; init; } = [];

    public required IReadOnlyList<Opportunity> Opportunities { get; init; }

    /// <summary>Activities that are not tasks (states, system steps, requester actions...): context, never ranked.</summary>
    public IReadOnlyList<ContextActivity> Context { get; init; } = [];

    /// <summary>The benefit split by handling-time basis (measured, estimated, assumed): the headline's footing.</summary>
    public IReadOnlyList<BenefitByBasis> BenefitByBasis { get; init; } = [];

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

    /// <summary>The phased plan: pilots, waves by payback within risk gates, and what is not planned; null when not built.</summary>
    public Roadmap? Roadmap { get; init; }

    /// <summary>Marked opportunities and their realised versus estimated benefit; null when nothing is marked.</summary>
    public RealisationSummary? Realisation { get; init; }

    /// <summary>The figures a mark's baseline needs, taken from this report (<see cref="BaselineReport.ReadAsync"/> reads the same from its JSON).</summary>
    public BaselineReport ToBaseline() =>
        new(ScanId, GeneratedAt, ValueAssumptions.HourlyCost, ValueAssumptions.Currency,
            [.. Opportunities.Select(o => new BaselineItem(o.Id, o.Process, o.Task, o.Statistics?.AutomationRate, o.ExecutionsPerYear,
                o.ManualHoursPerYear, o.HandlingSeconds, o.HandlingBasis.ToString(), o.Value.BenefitHours))]);
}
