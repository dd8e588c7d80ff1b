using System.Globalization;
using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Mining;

/// <summary>
/// Finds resource ids that stand for a role or a group rather than one person: a catch-all such as "STAFF MEMBER"
/// that acts as employee, supervisor and administrator alike. Evidence is the name (made only of generic role or group
/// words) and behaviour (acting in <see cref="MinRoles"/> or more distinct roles of the log). Volume beyond a person's
/// working year is checked later, where handling times are known (<c>WorkloadIndex</c>). Systems are left out: they
/// are automation, not people.
/// </summary>
public static partial class SharedResourceDetector
{
    /// <summary>One person rarely acts in this many distinct roles of one process.</summary>
    public const int MinRoles = 3;

    /// <summary>Role values that say "no role recorded" rather than name one.</summary>
    public static bool IsPlaceholderRole(string role) => PlaceholderRole().IsMatch(role.Trim());

    /// <summary>A name made only of generic role or group words: a label for many people, not a person.</summary>
    public static bool IsGenericName(string resource) => GenericName().IsMatch(resource.Trim());

    public static IReadOnlyList<SharedResource> Detect(LogAggregate log)
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

        var found = new List<SharedResource>();
        for (var id = 0; id < log.ResourceNames.Count; id++)
        {
            var name = log.ResourceNames[id];
            if (log.IsAutomatedResource(id) || executions[id] == 0)
            {
                continue;
            }

            var roles = rolesByResource.TryGetValue(id, out var list)
                ? list.Select(r => log.RoleNames[r]).Where(r => !IsPlaceholderRole(r)).Order(StringComparer.Ordinal).ToList()
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
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"it acts in {roles.Count} roles ({string.Join(", ", roles.Take(6))}{(roles.Count > 6 ? ", ..." : "")})"));
            }

            var evidence = string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(" and ", reasons)}; {executions[id]:N0} executions of {activities[id]} activities");
            found.Add(new SharedResource(name, evidence, generic, roles.Count, executions[id], activities[id]));
        }

        return [.. found.OrderByDescending(s => s.Executions)];
    }

    [GeneratedRegex(@"^(undefined|missing|unknown|none|null|n/?a|-|\?|not (set|applicable|available))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderRole();

    // Every word of the name is a generic word (numbers and "the" allowed): "STAFF MEMBER", "Team 2", "all users".
    [GeneratedRegex(@"^(?=.*[a-z])(?:(?:the|all|any|generic|shared|default|general|common|anonymous|unknown|various|multiple|staff|members?|employees?|users?|clerks?|agents?|operators?|workers?|personnel|people|team|group|pool|department|dept|office|desk|back|front|helpdesk|everyone|someone|admin|administrators?|[0-9]+)[\s_\-.]*)+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenericName();
}
