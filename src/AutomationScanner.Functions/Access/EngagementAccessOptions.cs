using System.ComponentModel.DataAnnotations;

namespace AutomationScanner.Functions.Access;

/// <summary>
/// Who may see which engagement when App Service Authentication is on (section <c>EngagementAccess</c>). The rule:
/// a request without <c>X-MS-CLIENT-PRINCIPAL</c> is trusted as far as its function key goes (all engagements),
/// unless <see cref="RequirePrincipal"/>; a request with one sees the engagements that its claims grant: the app
/// role <see cref="AdminRole"/> grants all, an app role <c>{RolePrefix}{engagement}</c> grants that engagement, and
/// a <c>groups</c> claim grants the engagements that <see cref="Groups"/> maps the group id to.
/// </summary>
public sealed class EngagementAccessOptions
{
    public const string SectionName = "EngagementAccess";

    /// <summary>Refuse (401) requests that carry no client principal, for apps where Easy Auth is mandatory.</summary>
    public bool RequirePrincipal { get; set; }

    [Required]
    public string AdminRole { get; set; } = "Scanner.Admin";

    [Required]
    public string RolePrefix { get; set; } = "Engagement.";

    /// <summary>Entra group object id to a comma-separated list of engagement names.</summary>
    public Dictionary<string, string> Groups { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
