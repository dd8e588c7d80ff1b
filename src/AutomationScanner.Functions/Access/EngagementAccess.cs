using AutomationScanner.Azure.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Functions.Access;

/// <summary>
/// The engagements a request may read, by <see cref="ClientPrincipalPolicy"/> (in AutomationScanner.Azure, so the rule
/// does not depend on this host's plumbing): the principal header counts only when App Service Authentication is on.
/// </summary>
public sealed class EngagementAccess(IOptions<EngagementAccessOptions> options, IConfiguration configuration)
{
    public const string PrincipalHeader = ClientPrincipalPolicy.HeaderName;

    private readonly ClientPrincipalPolicy policy = new(
        ClientPrincipalPolicy.IsPlatformAuthenticationEnabled(configuration[ClientPrincipalPolicy.PlatformAuthenticationSetting]),
        options.Value.RequirePrincipal, options.Value.AdminRole, options.Value.RolePrefix, options.Value.Groups);

    public EngagementScope ScopeOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return policy.ScopeOf(request.Headers[PrincipalHeader].ToString());
    }
}
