using System.Text.RegularExpressions;
using System.Globalization;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Everyone's logged work across all tasks of a scan, so that a task's hours can be expressed as a share
/// of each resource's (and each role's: documented, or named in the log) total. Resource ids that stand for a role
/// or a group (a catch-all such as "STAFF MEMBER": found by name and roles in mining, or here by logging more work
/// than <see cref="SharedAccountHoursPerYear"/>) are counted as roles, never as one person.
/// </summary>
public sealed partial class WorkloadIndex
{
    private const double DaysPerYear = 365.2425;
    private readonly Dictionary<string, double> _loggedHoursByResource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _hoursPerYearByRole = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, double> _hoursPerYearByResource = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Process, string Resource), SharedResource> _shared = [];

    private readonly Func<TaskCandidate, double> _handlingSeconds;

    private WorkloadIndex(Func<TaskCandidate, double> handlingSeconds) => _handlingSeconds = handlingSeconds;

    /// <summary>More logged work a year than two people's working years (2 x 1,800 h): not one person's id.</summary>
    public const double SharedAccountHoursPerYear = 3_600;

    /// <param name="candidates">Every task of the scan.</param>
    /// <param name="handlingSeconds">Seconds one execution of a task takes (the value model's P50).</param>
    /// <param name="sharedResources">Catch-all resources found in mining, per process (raw names).</param>
    /// <param name="measuredHandling">
    /// Which tasks' handling times are measured: only their hours count towards the volume test, so an estimated or
    /// assumed handling time never turns a busy person into a "shared id". Null: every task counts.
    /// </param>
    public static WorkloadIndex Build(IEnumerable<TaskCandidate> candidates, Func<TaskCandidate, double> handlingSeconds,
        IReadOnlyDictionary<string, IReadOnlyList<SharedResource>>? sharedResources = null, Func<TaskCandidate, bool>? measuredHandling = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(handlingSeconds);
        var index = new WorkloadIndex(handlingSeconds);
        var list = candidates as IReadOnlyCollection<TaskCandidate> ?? [.. candidates];
        foreach (var (process, shared) in sharedResources ?? new Dictionary<string, IReadOnlyList<SharedResource>>())
        {
            foreach (var resource in shared)
            {
                index._shared[(process, resource.Who)] = resource;
            }
        }

        // Volume: an id that logs more than two working years a year is several people (or a role), whatever its name.
        var perYear = new Dictionary<(string Process, string Resource), (double Hours, long Executions, HashSet<string> Activities)>();
        foreach (var candidate in list.Where(c => measuredHandling?.Invoke(c) != false))
        {
            var annual = AnnualisationFactor(candidate);
            foreach (var (resource, hours) in index.LoggedHoursByHumanResource(candidate))
            {
                ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(perYear, (candidate.Process, resource), out var existed);
                if (!existed)
                {
                    entry = (0, 0, new HashSet<string>(StringComparer.Ordinal));
                }

                entry.Hours += hours * annual;
                entry.Executions += candidate.Statistics!.ExecutionsByResource.GetValueOrDefault(resource);
                entry.Activities.Add(candidate.Name);
            }
        }

        foreach (var ((process, resource), (hours, executions, activities)) in perYear)
        {
            if (hours > SharedAccountHoursPerYear && !index._shared.ContainsKey((process, resource)))
            {
                index._shared[(process, resource)] = new SharedResource(resource,
                    string.Create(CultureInfo.InvariantCulture, $"it logs {hours:N0} h/year of work at measured handling times, more than two people's working year ({SharedAccountHoursPerYear:N0} h); {executions:N0} executions of {activities.Count} activities"),
                    GenericName: false, Roles: 0, executions, activities.Count);
            }
        }

        foreach (var candidate in list)
        {
            foreach (var (resource, hours) in index.LoggedHoursByHumanResource(candidate))
            {
                if (index.IsShared(candidate, resource))
                {
                    index._hoursPerYearByRole[SharedLabelKey(candidate, resource)] =
                        index._hoursPerYearByRole.GetValueOrDefault(SharedLabelKey(candidate, resource)) + (hours * AnnualisationFactor(candidate));
                }
                else
                {
                    index._loggedHoursByResource[resource] = index._loggedHoursByResource.GetValueOrDefault(resource) + hours;
                }
            }

            foreach (var (role, hours) in index.HoursPerYearByRole(candidate))
            {
                index._hoursPerYearByRole[role] = index._hoursPerYearByRole.GetValueOrDefault(role) + hours;
            }
        }

        return index;
    }

    /// <summary>Catch-all resources of the scan: found in mining, plus those found here by their volume.</summary>
    public IReadOnlyDictionary<(string Process, string Resource), SharedResource> SharedResources => _shared;

    private bool IsShared(TaskCandidate candidate, string resource) => _shared.ContainsKey((candidate.Process, resource));

    private static string SharedLabelKey(TaskCandidate candidate, string resource) => "\0shared\0" + candidate.Process + "\0" + resource;

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
        var human = LoggedHoursByHumanResource(candidate).ToList();
        var shared = human.Where(r => IsShared(candidate, r.Resource)).ToList();
        var byResource = human.Where(r => !IsShared(candidate, r.Resource))
            .Select(r => new DisplacementShare(
                pseudonymizer.Pseudonymize(r.Resource),
                r.Hours * annual,
                Share(r.Hours, _loggedHoursByResource.GetValueOrDefault(r.Resource))))
            .OrderByDescending(s => s.HoursPerYear).ThenBy(s => s.Who, StringComparer.Ordinal)
            .ToList();
        var roles = HoursPerYearByRole(candidate).ToList();
        var byRole = roles
            .Select(r => new DisplacementShare(r.Role, r.Hours, Share(r.Hours, _hoursPerYearByRole.GetValueOrDefault(r.Role))))
            .ToList();
        var notes = new List<string>();
        foreach (var (resource, hours) in shared)
        {
            var info = _shared[(candidate.Process, resource)];
            var who = info.GenericName ? resource : pseudonymizer.Pseudonymize(resource);
            notes.Add($"'{who}' is a shared id, counted as a role, not a person: {info.Evidence}");
            // Roles named in the log already carry this work; without them the shared id stands in as a role.
            if (!HasLogRoles(candidate))
            {
                var key = SharedLabelKey(candidate, resource);
                byRole.Add(new DisplacementShare(who + " (shared id)", hours * annual, Share(hours * annual, _hoursPerYearByRole.GetValueOrDefault(key))));
            }
        }

        byRole = [.. byRole.OrderByDescending(s => s.HoursPerYear).ThenBy(s => s.Who, StringComparer.Ordinal)];
        var total = byResource.Count > 0 || shared.Count > 0
            ? byResource.Sum(s => s.HoursPerYear) + shared.Sum(s => s.Hours * annual)
            : byRole.Sum(s => s.HoursPerYear);
        return new DisplacementEstimate(total, byResource, byRole) { SharedIds = notes };
    }

    private static bool HasLogRoles(TaskCandidate candidate) =>
        candidate.Statistics?.ExecutionsByRole.Keys.Any(r => !SharedResourceDetector.IsPlaceholderRole(r)) == true;

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
        // Roles named in the log: each role's share of the executions, placeholders ("UNDEFINED") left out.
        if (candidate.Statistics is { } statistics && HasLogRoles(candidate))
        {
            var perExecution = AnnualisationFactor(candidate) * _handlingSeconds(candidate) / 3600;
            foreach (var (role, executions) in statistics.ExecutionsByRole)
            {
                if (!SharedResourceDetector.IsPlaceholderRole(role))
                {
                    yield return (role, executions * perExecution);
                }
            }

            yield break;
        }

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
