using System.Globalization;
using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Mining;

/// <summary>
/// Finds resource ids that stand for a role or a group rather than one person: a catch-all such as "STAFF MEMBER"
/// that acts as employee, supervisor and administrator alike. Evidence is the name (made only of generic role or group
/// words) and behaviour: doing most (<see cref="DominantShare"/>) of the work of <see cref="MinRoles"/> or more distinct
/// roles of the log. A person who belongs to several groups does a small part of each; an id that does nearly all the
/// work of employee, supervisor and administrator is many people. Volume beyond a person's working year is checked
/// later, where handling times are known (<c>WorkloadIndex</c>). Systems are left out: they are automation, not people.
/// </summary>
public static partial class SharedResourceDetector
{
    /// <summary>One person rarely acts in this many distinct roles of one process.</summary>
    public const int MinRoles = 3;

    /// <summary>Share of a role's executions above which one resource id "does" that role.</summary>
    public const double DominantShare = 0.5;

    /// <summary>Role values that say "no role recorded" rather than name one.</summary>
    public static bool IsPlaceholderRole(string role) => PlaceholderRole().IsMatch(role.Trim());

    /// <summary>A name made only of generic role or group words: a label for many people, not a person.</summary>
    public static bool IsGenericName(string resource) => GenericName().IsMatch(resource.Trim());

    /// <param name="log">The mined log.</param>
    /// <param name="automated">Resources judged to be systems by behaviour (left out, as are those named like systems).</param>
    public static IReadOnlyList<SharedResource> Detect(LogAggregate log, IReadOnlySet<int>? automated = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var rolesByResource = log.RolesByResource();
        var executions = new long[log.ResourceNames.Count];
        var activities = new int[log.ResourceNames.Count];
        foreach (var activity in log.Activities)
        {
            foreach (var (resource, count) in activity.ResourceExecutions)
            {
                executions[resource] += count;
                activities[resource]++;
            }
        }

        var roleTotals = new long[log.RoleNames.Count];
        foreach (var activity in log.Activities)
        {
            foreach (var (role, count) in activity.RoleExecutions)
            {
                roleTotals[role] += count;
            }
        }

        var found = new List<SharedResource>();
        for (var id = 0; id < log.ResourceNames.Count; id++)
        {
            var name = log.ResourceNames[id];
            if (log.IsAutomatedResource(id) || automated?.Contains(id) == true || executions[id] == 0)
            {
                continue;
            }

            // Roles this id does most of the work of (placeholders such as UNDEFINED or EMPTY left out).
            var roles = rolesByResource.TryGetValue(id, out var byRole)
                ? byRole.Where(r => !IsPlaceholderRole(log.RoleNames[r.Key]) && roleTotals[r.Key] > 0 && r.Value >= DominantShare * roleTotals[r.Key])
                    .OrderByDescending(r => r.Value).Select(r => string.Create(CultureInfo.InvariantCulture, $"{log.RoleNames[r.Key]} {r.Value / (double)roleTotals[r.Key]:P0}")).ToList()
                : [];
            var generic = IsGenericName(name);
            if (!generic && roles.Count < MinRoles)
            {
                continue;
            }

            var reasons = new List<string>();
            if (generic)
            {
                reasons.Add("its name is a generic role or group word");
            }

            if (roles.Count >= MinRoles)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"it does most of the work of {roles.Count} roles ({string.Join(", ", roles.Take(6))}{(roles.Count > 6 ? ", ..." : "")} of their executions)"));
            }

            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(" and ", reasons)}; {executions[id]:N0} executions of {activities[id]} activities");
            found.Add(new SharedResource(name, evidence, generic, roles.Count, executions[id], activities[id]));
        }

        return [.. found.OrderByDescending(s => s.Executions)];
    }

    [GeneratedRegex(@"^(undefined|missing|unknown|empty|none|null|n/?a|-|\?|not (set|applicable|available))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderRole();

    // Every word of the name is a generic word: "STAFF MEMBER", "all users". A number makes it an individual id ("User_1", "clerk3").
    [GeneratedRegex(@"^(?=.*[a-z])(?:(?:the|all|any|generic|shared|default|general|common|anonymous|unknown|various|multiple|staff|members?|employees?|users?|clerks?|agents?|operators?|workers?|personnel|people|team|group|pool|department|dept|office|desk|back|front|helpdesk|everyone|someone|admin|administrators?)[\s_\-.]*)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenericName();
}
