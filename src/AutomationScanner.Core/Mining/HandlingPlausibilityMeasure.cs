using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Mining;

/// <summary>Measures <see cref="HandlingPlausibility"/> from a mined log's resource aggregates.</summary>
public static class HandlingPlausibilityMeasure
{
    /// <summary>Computes the plausibility figures of one activity.</summary>
    public static HandlingPlausibility Of(LogAggregate log, ActivityAggregate activity, IReadOnlySet<int> excluded, double? logError, long logErrorInstances)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(excluded);
        double weight = 0, capacity = 0, utilisation = 0;
        long byResource = 0;
        // In name order: merged parts number resources differently, and the sums must not depend on it.
        foreach (var (id, count) in activity.ResourceExecutions.OrderBy(r => log.ResourceNames[r.Key], StringComparer.Ordinal))
        {
            byResource += count;
            var resource = log.Resources[id];
            if (excluded.Contains(id) || resource.TaskExecutions < HandlingPlausibility.MinTaskExecutions || resource.ActiveDays.Count < 2)
            {
                continue;
            }

            weight += count;
            capacity += count * resource.CapacitySecondsPerTask(HandlingPlausibility.WorkingHoursPerDay)!.Value;
            utilisation += count * resource.Utilisation(HandlingPlausibility.WorkingHoursPerDay)!.Value;
        }

        var executions = Math.Max(activity.Executions, 1);
        var known = weight > 0 && weight >= 0.5 * Math.Max(byResource, 1) && weight >= 0.5 * executions;
        var overnight = activity.ServiceTime.Count == 0 ? 0 : Math.Min(1, activity.OvernightPairs / (double)activity.ServiceTime.Count);
        return new HandlingPlausibility(
            known ? capacity / weight : null,
            known ? utilisation / weight : null,
            overnight,
            logError,
            logErrorInstances);
    }
}
