namespace AutomationScanner.Core.Mining;

/// <summary>
/// Running totals for one resource, to tell systems from people by behaviour: how many cases it touches, at which
/// hours, and how often it fires within seconds of the previous event. Mergeable like <see cref="ActivityAggregate"/>.
/// </summary>
public sealed class ResourceAggregate
{
    public long Executions { get; set; }

    /// <summary>Cases in which the resource executes at least once.</summary>
    public long Cases { get; set; }

    /// <summary>Executions within <see cref="LogAggregate.QuickFollowSeconds"/> of the previous event of the case.</summary>
    public long QuickFollows { get; set; }

    /// <summary>Executions with a measured service time under a second.</summary>
    public long InstantExecutions { get; set; }

    /// <summary>Executions with a measured service time.</summary>
    public long TimedExecutions { get; set; }

    public long WeekendExecutions { get; set; }

    /// <summary>Executions per local hour of the day.</summary>
    public long[] Hours { get; } = new long[24];

    /// <summary>Executions of task-like activities (names that do not read as a status, wait or requester action).</summary>
    public long TaskExecutions { get; set; }

    /// <summary>
    /// Milliseconds of its start-to-complete pairs of task-like activities, each at most <see cref="Model.HandlingPlausibility.WorkingHoursPerDay"/>
    /// per local day the pair touches (a pair open for a week cannot be more than a week of working days). Integer, so
    /// the sum is the same in whatever order split parts are merged.
    /// </summary>
    public long BusyMilliseconds { get; set; }

    /// <summary>Local days (days since 0001-01-01) on which the resource executed anything: its observed working days.</summary>
    public DaySet ActiveDays { get; } = new();

    private const int FixedValues = 6 + 24;

    /// <summary>
    /// As plain data: [Executions, Cases, QuickFollows, InstantExecutions, TimedExecutions, WeekendExecutions, 24 hours,
    /// TaskExecutions, BusyMilliseconds, the active days...].
    /// </summary>
    public long[] ToState() => [Executions, Cases, QuickFollows, InstantExecutions, TimedExecutions, WeekendExecutions, .. Hours,
        TaskExecutions, BusyMilliseconds, .. ActiveDays.Days().Select(d => (long)d)];

    internal void Restore(IReadOnlyList<long> state)
    {
        // States written before the capacity fields existed end after the hours.
        if (state.Count != FixedValues && state.Count < FixedValues + 2)
        {
            throw new ArgumentException($"A resource aggregate has {FixedValues} values, or {FixedValues + 2} and its active days, not {state.Count}.", nameof(state));
        }

        (Executions, Cases, QuickFollows, InstantExecutions, TimedExecutions, WeekendExecutions) = (state[0], state[1], state[2], state[3], state[4], state[5]);
        for (var h = 0; h < Hours.Length; h++)
        {
            Hours[h] = state[6 + h];
        }

        if (state.Count > FixedValues)
        {
            TaskExecutions = state[FixedValues];
            BusyMilliseconds = state[FixedValues + 1];
            for (var i = FixedValues + 2; i < state.Count; i++)
            {
                ActiveDays.Add((int)state[i]);
            }
        }
    }

    internal void MergeFrom(ResourceAggregate other)
    {
        Executions += other.Executions;
        Cases += other.Cases;
        QuickFollows += other.QuickFollows;
        InstantExecutions += other.InstantExecutions;
        TimedExecutions += other.TimedExecutions;
        WeekendExecutions += other.WeekendExecutions;
        for (var h = 0; h < Hours.Length; h++)
        {
            Hours[h] += other.Hours[h];
        }

        TaskExecutions += other.TaskExecutions;
        BusyMilliseconds += other.BusyMilliseconds;
        ActiveDays.UnionWith(other.ActiveDays.Days());
    }

    /// <summary>
    /// Handling seconds its observed working days allow per task execution: active days x working hours a day / task
    /// executions. A person cannot spend more than this on average; null when the resource did no task.
    /// </summary>
    public double? CapacitySecondsPerTask(double workingHoursPerDay) =>
        TaskExecutions == 0 || ActiveDays.Count == 0 ? null : ActiveDays.Count * workingHoursPerDay * 3600 / TaskExecutions;

    /// <summary>Start-to-complete time logged for it divided by the working time of its active days (above 1: more than a person can do).</summary>
    public double? Utilisation(double workingHoursPerDay) =>
        ActiveDays.Count == 0 || TaskExecutions == 0 ? null : BusyMilliseconds / 1000.0 / (ActiveDays.Count * workingHoursPerDay * 3600);

    /// <summary>Hours of the day with at least 0.5 % of the resource's executions.</summary>
    public int ActiveHours()
    {
        var threshold = Executions * 0.005;
        return Hours.Count(h => h > 0 && h >= threshold);
    }

    /// <summary>Share of executions between midnight and 06:00.</summary>
    public double NightShare() => Executions == 0 ? 0 : Hours.Take(6).Sum() / (double)Executions;
}
