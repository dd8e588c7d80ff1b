using System.Globalization;

namespace AutomationScanner.Core.Model;

/// <summary>
/// Whether an activity's logged or estimated handling times can be a person's effort, from the throughput of the people
/// who do it. A person logging N task executions on a working day cannot spend more than the working day / N on each on
/// average (<see cref="CapacitySecondsPerExecution"/>); people whose start-to-complete times add up to more than their
/// working days (<see cref="Utilisation"/> well above 1) hold many cases open at once, so those times are elapsed time,
/// not effort; and a start and completion on different days span off-duty time (<see cref="OvernightShare"/>).
/// Systems and shared ids (a role, a team) are left out: their capacity is not one person's.
/// </summary>
/// <param name="CapacitySecondsPerExecution">
/// Execution-weighted mean, over the activity's people, of active days x <see cref="WorkingHoursPerDay"/> / their task
/// executions; null when fewer than half of the executions are by people with enough history.
/// </param>
/// <param name="Utilisation">Execution-weighted mean of the people's start-to-complete time / working time of their active days (0 without starts).</param>
/// <param name="OvernightShare">Share of the start/complete pairs whose start and completion fall on different local days.</param>
/// <param name="LogEstimateMedianRelativeError">The start-time estimator's pooled median relative error on this log's own real starts; null without starts.</param>
/// <param name="LogEstimateInstances">Executions behind <paramref name="LogEstimateMedianRelativeError"/>.</param>
public sealed record HandlingPlausibility(
    double? CapacitySecondsPerExecution,
    double? Utilisation,
    double OvernightShare,
    double? LogEstimateMedianRelativeError,
    long LogEstimateInstances)
{
    /// <summary>Hours of effort in a person's working day.</summary>
    public const double WorkingHoursPerDay = 8;

    /// <summary>A resource needs at least this many task executions and two active days for its capacity to say anything.</summary>
    public const int MinTaskExecutions = 10;

    /// <summary>
    /// Logged times adding up to more than twice the people's working days cannot be effort: they hold cases open in
    /// parallel. Twice, not once, because a working day of 8 hours is a convention, not a measurement, and long pairs
    /// (a work item left open over lunch) inflate the sum: BPIC 2012's people reach 0.1 to 0.6, the reviewers of the
    /// reviewing log 3.7.
    /// </summary>
    public const double MaxUtilisation = 2;

    /// <summary>When at least this share of the pairs spans days, the pairs record elapsed time.</summary>
    public const double MaxOvernightShare = 0.5;

    public static HandlingPlausibility None { get; } = new(null, null, 0, null, 0);

    /// <summary>Start-to-complete times that are elapsed time rather than effort, with the reason; null when they can be effort.</summary>
    public string? ElapsedNotEffort()
    {
        if (Utilisation is > MaxUtilisation and var u)
        {
            return Invariant($"the people who do it would need {u:P0} of their working days ({WorkingHoursPerDay:0} h a day on the days they appear in the log) for the times logged: they keep many cases open at once");
        }

        return OvernightShare >= MaxOvernightShare
            ? Invariant($"{OvernightShare:P0} of the start/complete pairs span more than one day (off-duty time inside)")
            : null;
    }

    /// <summary>
    /// Whether a typical (median) handling time exceeds what the people's throughput allows on average. The median, not
    /// the mean: estimates spanning a person's days of absence make a long tail that the cap then trims.
    /// </summary>
    public bool ExceedsCapacity(double medianSeconds) => CapacitySecondsPerExecution is { } cap && medianSeconds > cap;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
