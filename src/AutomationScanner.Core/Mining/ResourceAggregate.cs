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

    /// <summary>As plain data: [Executions, Cases, QuickFollows, InstantExecutions, TimedExecutions, WeekendExecutions, 24 hours].</summary>
    public long[] ToState() => [Executions, Cases, QuickFollows, InstantExecutions, TimedExecutions, WeekendExecutions, .. Hours];

    internal void Restore(IReadOnlyList<long> state)
    {
        if (state.Count != 6 + Hours.Length)
        {
            throw new ArgumentException($"A resource aggregate has {6 + Hours.Length} values, not {state.Count}.", nameof(state));
        }

        (Executions, Cases, QuickFollows, InstantExecutions, TimedExecutions, WeekendExecutions) = (state[0], state[1], state[2], state[3], state[4], state[5]);
        for (var h = 0; h < Hours.Length; h++)
        {
            Hours[h] = state[6 + h];
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
    }

    /// <summary>Hours of the day with at least 0.5 % of the resource's executions.</summary>
    public int ActiveHours()
    {
        var threshold = Executions * 0.005;
        return Hours.Count(h => h > 0 && h >= threshold);
    }

    /// <summary>Share of executions between midnight and 06:00.</summary>
    public double NightShare() => Executions == 0 ? 0 : Hours.Take(6).Sum() / (double)Executions;
}
