using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Mining;

/// <summary>Log-level facts the report states next to the activities.</summary>
public sealed record LogSummary
{
    public required string Process { get; init; }

    public required IReadOnlyList<string> Files { get; init; }

    public required long Events { get; init; }

    public required long Cases { get; init; }

    public required int Activities { get; init; }

    public required int Variants { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public required double SpanDays { get; init; }

    public required DurationSummary CaseDuration { get; init; }

    /// <summary>Events whose timestamps had no offset and were read in <see cref="TimeZone"/>.</summary>
    public required long EventsWithoutOffset { get; init; }

    public required string TimeZone { get; init; }

    /// <summary>Plain statement of how timestamps were read, for the report.</summary>
    public required string TimeZoneNote { get; init; }

    public required IReadOnlyList<string> Attributes { get; init; }

    public required IReadOnlyList<DataQualityIssue> DataQuality { get; init; }

    /// <summary>Set when the process was flattened from an object-centric log (OCEL): its case notion and context.</summary>
    public ObjectCentricSummary? ObjectCentric { get; init; }

    /// <summary>Resources judged to be systems (by name or behaviour); their executions are automation already achieved.</summary>
    public int AutomatedResources { get; init; }

    /// <summary>Why, grouped by reason (never resource names).</summary>
    public IReadOnlyList<string> AutomatedResourceReasons { get; init; } = [];

    /// <summary>True when lifecycle values are statuses, not XES transitions: the log is read as a status log.</summary>
    public bool StatusLog { get; init; }

    /// <summary>Where the log has real starts: the start-time estimator's error per activity, measured on this log.</summary>
    public IReadOnlyList<StartEstimateValidation> StartEstimateValidation { get; init; } = [];

    /// <summary>Distinct resources (people, systems, shared accounts) named in the log.</summary>
    public long Resources { get; init; }

    /// <summary>Distinct roles named in the log (XES <c>org:role</c>, a CSV role column); 0 when it has none.</summary>
    public int Roles { get; init; }

    /// <summary>
    /// Resource ids that stand for a role or a group, not a person (a catch-all such as "STAFF MEMBER"): job
    /// displacement counts them as roles. In a report, <see cref="SharedResource.Who"/> is a pseudonym unless the
    /// name itself is a generic role word.
    /// </summary>
    public IReadOnlyList<SharedResource> SharedResources { get; init; } = [];

    /// <summary>Events that came after cases starting more than a day later (log not ordered by case start): their estimated starts may come out early.</summary>
    public long StartEstimateLateEvents { get; init; }

    /// <summary>
    /// Median relative error of the start-time estimator over the validated executions of the log whose true times are
    /// effort (activities whose start/complete pairs are elapsed time, see <see cref="HandlingPlausibility"/>, are left
    /// out); null without such starts.
    /// </summary>
    public double? StartEstimateMedianRelativeError { get; init; }
}
