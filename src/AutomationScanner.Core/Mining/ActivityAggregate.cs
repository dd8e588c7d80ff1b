using System.Runtime.InteropServices;

namespace AutomationScanner.Core.Mining;

/// <summary>
/// Running totals for one activity. Keys of the dictionaries are ids in the owning <see cref="LogAggregate"/>'s
/// tables; <see cref="LogAggregate.Merge(LogAggregate, long)"/> re-maps them, so aggregates of split logs add up.
/// </summary>
public sealed class ActivityAggregate
{
    public const int CaseStart = -1;
    public const int CaseEnd = -2;

    public long Events { get; set; }

    public long Executions { get; set; }

    public long Starts { get; set; }

    public long Cases { get; set; }

    public long SelfLoops { get; set; }

    public long RepeatExecutions { get; set; }

    public long CasesWithRepeat { get; set; }

    public long FailureEvents { get; set; }

    public long FailedCases { get; set; }

    public long Handovers { get; set; }

    public long AutomatedExecutions { get; set; }

    public long OffHoursExecutions { get; set; }

    public QuantileSketch ServiceTime { get; } = new();

    /// <summary>Service times with the start estimated (enablement and resource availability, off-duty excluded).</summary>
    public QuantileSketch EstimatedServiceTime { get; } = new();

    /// <summary>Where the true start is known: |estimate - truth| in seconds, the start-time estimator's validation.</summary>
    public QuantileSketch EstimateAbsoluteError { get; } = new();

    /// <summary>Where the true start is known: |estimate - truth| / truth (true service times of at least a second).</summary>
    public QuantileSketch EstimateRelativeError { get; } = new();

    /// <summary>Status logs: working seconds the case stayed in this status until its next event.</summary>
    public QuantileSketch TimeInStatus { get; } = new();

    /// <summary>Events whose lifecycle value was a status rather than an XES transition.</summary>
    public long StatusEvents { get; set; }

    /// <summary>Executions within <see cref="LogAggregate.QuickFollowSeconds"/> of the previous event of the case.</summary>
    public long QuickFollows { get; set; }

    /// <summary>Events carrying a numeric attribute named as the activity itself (a value recorded, e.g. "CRP").</summary>
    public long OwnValueEvents { get; set; }

    /// <summary>Start/complete pairs whose start and completion fall on different local days: elapsed time, not one sitting.</summary>
    public long OvernightPairs { get; set; }

    /// <summary>Executions recorded at the very instant of the neighbouring event of the case (a batch recorded at once).</summary>
    public long SameInstantExecutions { get; set; }

    /// <summary>Executions stamped at exactly 00:00:00 local time: a date recorded without a time of day.</summary>
    public long MidnightExecutions { get; set; }

    /// <summary>Executions per local hour of the day (0..23).</summary>
    public long[] Hours { get; } = new long[24];

    public QuantileSketch WaitingTime { get; } = new();

    public Dictionary<int, long> Predecessors { get; } = [];

    public Dictionary<int, long> Successors { get; } = [];

    /// <summary>
    /// Executions of other activities recorded in the same case while this one was in progress (after its start event,
    /// before its completion), by activity id: a decision outcome recorded there was taken in this step. Only cases with
    /// an activity in progress touch it, so a log without start events pays nothing on its hot path
    /// (see <see cref="RecordedInOrAfter"/>).
    /// </summary>
    public Dictionary<int, long> RecordedInProgress { get; } = [];

    /// <summary>
    /// The part of <see cref="Successors"/> that was recorded while another activity of the case was in progress, and so
    /// counts for that one (<see cref="RecordedInProgress"/>), not for this one, by activity id.
    /// </summary>
    public Dictionary<int, long> SuccessorsRecordedElsewhere { get; } = [];

    /// <summary>
    /// Executions of <paramref name="outcome"/> recorded while this activity was in progress, or directly after it when
    /// no activity of the case was in progress: the direct successors, less those recorded while another step was in
    /// progress, plus those recorded while this one was. Without start events this is the direct successor count.
    /// </summary>
    public long RecordedInOrAfter(int outcome) =>
        Successors.GetValueOrDefault(outcome) - SuccessorsRecordedElsewhere.GetValueOrDefault(outcome) + RecordedInProgress.GetValueOrDefault(outcome);

    public Dictionary<int, long> ResourceExecutions { get; } = [];

    /// <summary>Executions per role (XES <c>org:role</c> or a CSV role column), keyed by role id.</summary>
    public Dictionary<int, long> RoleExecutions { get; } = [];

    /// <summary>Executions per month, keyed year * 12 + month - 1.</summary>
    public Dictionary<int, long> Months { get; } = [];


    internal static void Increment(Dictionary<int, long> counts, int key, long by = 1) =>
        CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += by;

    /// <summary>As plain data; <paramref name="variants"/> are the hashes of the variants holding the activity (kept by the log, <see cref="LogAggregate.VariantsPerActivity"/>).</summary>
    internal ActivityAggregateState ToState(IReadOnlyList<ulong> variants) => new()
    {
        Counts = [Events, Executions, Starts, Cases, SelfLoops, RepeatExecutions, CasesWithRepeat, FailureEvents, FailedCases, Handovers, AutomatedExecutions, OffHoursExecutions,
            StatusEvents, QuickFollows, OwnValueEvents, OvernightPairs, SameInstantExecutions, MidnightExecutions],
        ServiceTime = ServiceTime.ToState(),
        EstimatedServiceTime = EstimatedServiceTime.ToState(),
        EstimateAbsoluteError = EstimateAbsoluteError.ToState(),
        EstimateRelativeError = EstimateRelativeError.ToState(),
        TimeInStatus = TimeInStatus.ToState(),
        Hours = [.. Hours],
        WaitingTime = WaitingTime.ToState(),
        Predecessors = [.. Predecessors.Select(p => new[] { p.Key, p.Value })],
        Successors = [.. Successors.Select(p => new[] { p.Key, p.Value })],
        RecordedInProgress = [.. RecordedInProgress.Select(p => new[] { p.Key, p.Value })],
        SuccessorsRecordedElsewhere = [.. SuccessorsRecordedElsewhere.Select(p => new[] { p.Key, p.Value })],
        ResourceExecutions = [.. ResourceExecutions.Select(p => new[] { p.Key, p.Value })],
        RoleExecutions = [.. RoleExecutions.Select(p => new[] { p.Key, p.Value })],
        Months = [.. Months.Select(p => new[] { p.Key, p.Value })],
        Variants = [.. variants.Select(v => unchecked((long)v))],
    };

    internal void Restore(ActivityAggregateState state)
    {
        // States written before the overnight and same-instant counts existed have 15 counts, before the midnight count 17.
        if (state.Counts.Count is not (15 or 17 or 18) || state.Hours.Count != Hours.Length)
        {
            throw new ArgumentException($"An activity aggregate has 18 counts and 24 hours, not {state.Counts.Count} and {state.Hours.Count}.", nameof(state));
        }

        (Events, Executions, Starts, Cases, SelfLoops, RepeatExecutions) = (state.Counts[0], state.Counts[1], state.Counts[2], state.Counts[3], state.Counts[4], state.Counts[5]);
        (CasesWithRepeat, FailureEvents, FailedCases, Handovers, AutomatedExecutions, OffHoursExecutions) = (state.Counts[6], state.Counts[7], state.Counts[8], state.Counts[9], state.Counts[10], state.Counts[11]);
        (StatusEvents, QuickFollows, OwnValueEvents) = (state.Counts[12], state.Counts[13], state.Counts[14]);
        if (state.Counts.Count >= 17)
        {
            (OvernightPairs, SameInstantExecutions) = (state.Counts[15], state.Counts[16]);
        }

        if (state.Counts.Count == 18)
        {
            MidnightExecutions = state.Counts[17];
        }

        ServiceTime.Restore(state.ServiceTime);
        EstimatedServiceTime.Restore(state.EstimatedServiceTime);
        EstimateAbsoluteError.Restore(state.EstimateAbsoluteError);
        EstimateRelativeError.Restore(state.EstimateRelativeError);
        TimeInStatus.Restore(state.TimeInStatus);
        state.Hours.ToArray().CopyTo(Hours, 0);
        WaitingTime.Restore(state.WaitingTime);
        Fill(Predecessors, state.Predecessors);
        Fill(Successors, state.Successors);
        Fill(RecordedInProgress, state.RecordedInProgress);
        Fill(SuccessorsRecordedElsewhere, state.SuccessorsRecordedElsewhere);
        Fill(ResourceExecutions, state.ResourceExecutions);
        Fill(RoleExecutions, state.RoleExecutions);
        Fill(Months, state.Months);
    }

    private static void Fill(Dictionary<int, long> target, IReadOnlyList<long[]> pairs)
    {
        foreach (var pair in pairs)
        {
            target[checked((int)pair[0])] = pair[1];
        }
    }

    internal void MergeFrom(ActivityAggregate other, int[] activityMap, int[] resourceMap, int[]? roleMap = null)
    {
        Events += other.Events;
        Executions += other.Executions;
        Starts += other.Starts;
        Cases += other.Cases;
        SelfLoops += other.SelfLoops;
        RepeatExecutions += other.RepeatExecutions;
        CasesWithRepeat += other.CasesWithRepeat;
        FailureEvents += other.FailureEvents;
        FailedCases += other.FailedCases;
        Handovers += other.Handovers;
        AutomatedExecutions += other.AutomatedExecutions;
        OffHoursExecutions += other.OffHoursExecutions;
        ServiceTime.Merge(other.ServiceTime);
        EstimatedServiceTime.Merge(other.EstimatedServiceTime);
        EstimateAbsoluteError.Merge(other.EstimateAbsoluteError);
        EstimateRelativeError.Merge(other.EstimateRelativeError);
        TimeInStatus.Merge(other.TimeInStatus);
        StatusEvents += other.StatusEvents;
        QuickFollows += other.QuickFollows;
        OwnValueEvents += other.OwnValueEvents;
        OvernightPairs += other.OvernightPairs;
        SameInstantExecutions += other.SameInstantExecutions;
        MidnightExecutions += other.MidnightExecutions;
        for (var h = 0; h < Hours.Length; h++)
        {
            Hours[h] += other.Hours[h];
        }
        WaitingTime.Merge(other.WaitingTime);
        foreach (var (key, count) in other.Predecessors)
        {
            Increment(Predecessors, key < 0 ? key : activityMap[key], count);
        }

        foreach (var (key, count) in other.Successors)
        {
            Increment(Successors, key < 0 ? key : activityMap[key], count);
        }

        foreach (var (key, count) in other.RecordedInProgress)
        {
            Increment(RecordedInProgress, activityMap[key], count);
        }

        foreach (var (key, count) in other.SuccessorsRecordedElsewhere)
        {
            Increment(SuccessorsRecordedElsewhere, activityMap[key], count);
        }

        foreach (var (key, count) in other.ResourceExecutions)
        {
            Increment(ResourceExecutions, resourceMap[key], count);
        }

        foreach (var (key, count) in other.RoleExecutions)
        {
            Increment(RoleExecutions, roleMap is null ? key : roleMap[key], count);
        }

        foreach (var (key, count) in other.Months)
        {
            Increment(Months, key, count);
        }

    }
}

/// <summary>An <see cref="ActivityAggregate"/> as plain data: counts in declaration order, maps as [key, count] pairs.</summary>
public sealed record ActivityAggregateState
{
    public required IReadOnlyList<long> Counts { get; init; }

    public required QuantileSketchState ServiceTime { get; init; }

    public required QuantileSketchState EstimatedServiceTime { get; init; }

    public required QuantileSketchState EstimateAbsoluteError { get; init; }

    public required QuantileSketchState EstimateRelativeError { get; init; }

    public required QuantileSketchState TimeInStatus { get; init; }

    public required IReadOnlyList<long> Hours { get; init; }

    public required QuantileSketchState WaitingTime { get; init; }

    public required IReadOnlyList<long[]> Predecessors { get; init; }

    public required IReadOnlyList<long[]> Successors { get; init; }

    /// <summary>Pairs [activity id, executions recorded while this activity was in progress]; empty in states written before it existed.</summary>
    public IReadOnlyList<long[]> RecordedInProgress { get; init; } = [];

    /// <summary>Pairs [activity id, direct successions recorded while another activity of the case was in progress].</summary>
    public IReadOnlyList<long[]> SuccessorsRecordedElsewhere { get; init; } = [];

    public required IReadOnlyList<long[]> ResourceExecutions { get; init; }

    /// <summary>Pairs [role id, executions]; empty for a log without roles.</summary>
    public IReadOnlyList<long[]> RoleExecutions { get; init; } = [];

    public required IReadOnlyList<long[]> Months { get; init; }

    public required IReadOnlyList<long> Variants { get; init; }
}
