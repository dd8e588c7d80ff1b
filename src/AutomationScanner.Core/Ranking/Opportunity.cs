using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ranking;

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

    /// <summary>Basis, method, validated error band and a note: how <see cref="HandlingSeconds"/> was obtained.</summary>
    public required HandlingTimeSource HandlingTime { get; init; }

    /// <summary>What the task is: always <c>work</c> or <c>decision</c> here (other kinds are in <see cref="Reporting.ScanReport.Context"/>).</summary>
    public ActivityKind Kind { get; init; } = ActivityKind.Work;

    /// <summary>Share of the kind evidence's weight behind <see cref="Kind"/>, 0..1.</summary>
    public double KindConfidence { get; init; }

    /// <summary>The evidence for <see cref="Kind"/>, strongest first.</summary>
    public IReadOnlyList<KindSignal> KindEvidence { get; init; } = [];

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

    /// <summary>Implementation effort, running cost, payback and net value, each with its parts; null when not costed.</summary>
    public CostEstimate? Cost { get; set; }

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
            HandlingTime = ranked.Value.HandlingSource,
            Kind = ranked.Candidate.Kind,
            KindConfidence = ranked.Candidate.KindConfidence,
            KindEvidence = ranked.Candidate.KindEvidence,
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

    internal static ActivityStatistics Pseudonymise(ActivityStatistics statistics, ResourcePseudonymizer pseudonymizer)
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
