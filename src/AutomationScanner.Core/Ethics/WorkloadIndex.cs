using System.Text.RegularExpressions;
using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Scanning;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Everyone's logged work across all tasks of a scan, so that a task's hours can be expressed as a share
/// of each resource's (and each documented role's) total.
/// </summary>
public sealed partial class WorkloadIndex
{
    private const double DaysPerYear = 365.2425;
    private readonly Dictionary<string, double> _loggedHoursByResource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _hoursPerYearByRole = new(StringComparer.OrdinalIgnoreCase);

    private readonly Func<TaskCandidate, double> _handlingSeconds;

    private WorkloadIndex(Func<TaskCandidate, double> handlingSeconds) => _handlingSeconds = handlingSeconds;

    /// <param name="candidates">Every task of the scan.</param>
    /// <param name="handlingSeconds">Seconds one execution of a task takes (the value model's P50).</param>
    public static WorkloadIndex Build(IEnumerable<TaskCandidate> candidates, Func<TaskCandidate, double> handlingSeconds)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(handlingSeconds);
        var index = new WorkloadIndex(handlingSeconds);
        foreach (var candidate in candidates)
        {
            foreach (var (resource, hours) in index.LoggedHoursByHumanResource(candidate))
            {
                index._loggedHoursByResource[resource] = index._loggedHoursByResource.GetValueOrDefault(resource) + hours;
            }

            foreach (var (role, hours) in index.HoursPerYearByRole(candidate))
            {
                index._hoursPerYearByRole[role] = index._hoursPerYearByRole.GetValueOrDefault(role) + hours;
            }
        }

        return index;
    }

    /// <summary>Bots, system accounts and batch jobs do not lose work; they are left out of displacement.</summary>
    public static bool IsSystemResource(string resource) => SystemResourcePattern().IsMatch(resource);

    /// <summary>Factor that turns logged counts into counts per year (log span from executions per week).</summary>
    public static double AnnualisationFactor(TaskCandidate candidate) =>
        candidate.Statistics is { Executions: > 0, ExecutionsPerWeek: > 0 } s
            ? s.ExecutionsPerWeek * (DaysPerYear / 7) / s.Executions
            : 0;

    /// <summary>Displacement figures for one task, with resources already pseudonymised.</summary>
    public DisplacementEstimate Estimate(TaskCandidate candidate, ResourcePseudonymizer pseudonymizer)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        var annual = AnnualisationFactor(candidate);
        var byResource = LoggedHoursByHumanResource(candidate)
            .Select(r => new DisplacementShare(
                pseudonymizer.Pseudonymize(r.Resource),
                r.Hours * annual,
                Share(r.Hours, _loggedHoursByResource.GetValueOrDefault(r.Resource))))
            .OrderByDescending(s => s.HoursPerYear).ThenBy(s => s.Who, StringComparer.Ordinal)
            .ToList();
        var byRole = HoursPerYearByRole(candidate)
            .Select(r => new DisplacementShare(r.Role, r.Hours, Share(r.Hours, _hoursPerYearByRole.GetValueOrDefault(r.Role))))
            .OrderByDescending(s => s.HoursPerYear).ThenBy(s => s.Who, StringComparer.Ordinal)
            .ToList();
        var total = byResource.Count > 0 ? byResource.Sum(s => s.HoursPerYear) : byRole.Sum(s => s.HoursPerYear);
        return new DisplacementEstimate(total, byResource, byRole);
    }

    private static double Share(double part, double whole) => whole > 0 ? Math.Min(1, part / whole) : 0;

    private IEnumerable<(string Resource, double Hours)> LoggedHoursByHumanResource(TaskCandidate candidate)
    {
        if (candidate.Statistics is null)
        {
            yield break;
        }

        var seconds = _handlingSeconds(candidate);
        foreach (var (resource, executions) in candidate.Statistics.ExecutionsByResource)
        {
            if (!string.IsNullOrWhiteSpace(resource) && !IsSystemResource(resource))
            {
                yield return (resource, executions * seconds / 3600);
            }
        }
    }

    private IEnumerable<(string Role, double Hours)> HoursPerYearByRole(TaskCandidate candidate)
    {
        var roles = candidate.Statements
            .Select(s => s.Role?.Trim())
            .Where(r => !string.IsNullOrEmpty(r))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (roles.Count == 0)
        {
            yield break;
        }

        var executionsPerYear = candidate.Statistics is not null
            ? candidate.Statistics.Executions * AnnualisationFactor(candidate)
            : DocumentSizing.ExecutionsPerYearHint(candidate) ?? 0;
        var hours = executionsPerYear * _handlingSeconds(candidate) / 3600 / roles.Count;
        foreach (var role in roles)
        {
            yield return (role!, hours);
        }
    }

    [GeneratedRegex(@"(^|[^a-z])(bots?|robots?|rpa|system|sys|batch|auto|automat\w*|service|daemon|scheduler|job|interface|api|workflow)([^a-z]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SystemResourcePattern();
}
