using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Model;

/// <summary>
/// Per-activity process metrics (Wellmann et al. 2020, after Wanner et al. 2019), read from the mergeable
/// aggregates once a log (or several) has been mined. Rates are 0..1; times are seconds.
/// </summary>
public sealed record ActivityStatistics
{
    public required string Activity { get; init; }

    /// <summary>Every event of the activity, all lifecycle transitions included.</summary>
    public required long Events { get; init; }

    /// <summary>Executions: completed instances (complete or unlabelled events; starts when nothing completes).</summary>
    public required long Executions { get; init; }

    /// <summary>Cases in which the activity occurs at least once.</summary>
    public required long Cases { get; init; }

    /// <summary>Share of all cases of the log that contain the activity.</summary>
    public required double CaseCoverage { get; init; }

    public required double ExecutionsPerWeek { get; init; }

    public required double ExecutionsPerMonth { get; init; }

    /// <summary>Executions per calendar month (yyyy-MM, in the events' own offsets), for seasonality.</summary>
    public required IReadOnlyDictionary<string, long> ExecutionsByMonth { get; init; }

    /// <summary>Time from start to complete of the same instance; empty when the log has no start/complete pairs.</summary>
    public required DurationSummary ServiceTime { get; init; }

    /// <summary>Time from the previous completed event of the case to the start (or completion) of this one.</summary>
    public required DurationSummary WaitingTime { get; init; }

    /// <summary>Executions directly followed by an execution of the same activity in the same case.</summary>
    public required long SelfLoops { get; init; }

    /// <summary>Executions beyond the first in a case (self-loops and longer loops).</summary>
    public required long RepeatExecutions { get; init; }

    public required long CasesWithRepeat { get; init; }

    /// <summary>RepeatExecutions / Executions.</summary>
    public required double ReworkRate { get; init; }

    /// <summary>Events of this activity that are themselves an abort, cancellation or failure (by name or lifecycle).</summary>
    public required long FailureEvents { get; init; }

    /// <summary>Share of the cases containing the activity that end in a cancellation or failure.</summary>
    public required double FailureRate { get; init; }

    /// <summary>Shannon entropy (bits) of the directly preceding activity ("case start" included).</summary>
    public required double PredecessorEntropy { get; init; }

    /// <summary>Shannon entropy (bits) of the directly following activity ("case end" included).</summary>
    public required double SuccessorEntropy { get; init; }

    /// <summary>Distinct variants among the cases containing the activity, divided by those cases (low = standardised).</summary>
    public required double VariantShare { get; init; }

    public required int DistinctResources { get; init; }

    /// <summary>Executions whose previous event in the case was done by another resource.</summary>
    public required long Handovers { get; init; }

    /// <summary>Share of executions performed by system or bot resources: automation already achieved.</summary>
    public required double AutomationRate { get; init; }

    /// <summary>Share of executions outside 08:00-18:00 local time on weekdays, or on weekends.</summary>
    public required double OffHoursShare { get; init; }

    /// <summary>Executions per role named in the log (XES <c>org:role</c>, a CSV role column). Roles are functions, not persons.</summary>
    public IReadOnlyDictionary<string, long> ExecutionsByRole { get; init; } = new Dictionary<string, long>();

    /// <summary>Objects the activity's events touch, when the log is object-centric (OCEL); null otherwise.</summary>
    public ActivityObjects? Objects { get; init; }

    /// <summary>What the activity is (work, decision, requester, system, state, measurement, wait, external).</summary>
    public ActivityKind Kind { get; init; } = ActivityKind.Work;

    /// <summary>Share of the evidence weight behind <see cref="Kind"/>, 0..1.</summary>
    public double KindConfidence { get; init; }

    /// <summary>The evidence for <see cref="Kind"/>, strongest first: source, kind pointed to, weight, description.</summary>
    public IReadOnlyList<KindSignal> KindEvidence { get; init; } = [];

    /// <summary>For a decision outcome (a DECLINED-like state): the work steps that directly precede it and so decide.</summary>
    public IReadOnlyList<string> DecidedBy { get; init; } = [];

    /// <summary>
    /// Service time with estimated starts where the log has none: the later of the moment the activity was enabled in
    /// its case and the moment its resource became free, off-duty gaps excluded. Empty when nothing could be estimated.
    /// </summary>
    public DurationSummary EstimatedServiceTime { get; init; } = DurationSummary.Empty;

    /// <summary>Status logs: working time the case spent in this status (or with this activity open), off-duty gaps excluded.</summary>
    public DurationSummary TimeInStatus { get; init; } = DurationSummary.Empty;

    /// <summary>Whether the handling times can be effort: the people's throughput, parallel open cases, pairs spanning days.</summary>
    public HandlingPlausibility Plausibility { get; init; } = HandlingPlausibility.None;

    /// <summary>Executions per resource as named in the log. Personal data: never written to a report as it is.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, long> ExecutionsByResource { get; init; } = new Dictionary<string, long>();
}
