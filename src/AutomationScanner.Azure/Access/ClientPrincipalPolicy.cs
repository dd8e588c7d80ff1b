using System.Text;
using System.Text.Json;
using AutomationScanner.Azure.Storage;

namespace AutomationScanner.Azure.Access;

/// <summary>
/// Who may read which engagement, from <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON claims set by App Service
/// Authentication). The header is trusted only when the platform's authentication is on
/// (<c>WEBSITE_AUTH_ENABLED=true</c>): only then does the platform set it and strip it from outside requests. With
/// authentication off the header is anyone's to forge and is ignored; a host that requires a principal then refuses
/// to start (<see cref="Validate"/>). Roles come from the fixed role claim types only: the header's own
/// <c>role_typ</c> is not trusted to say which claim grants roles.
/// </summary>
public sealed class ClientPrincipalPolicy(bool platformAuthenticationEnabled, bool requirePrincipal, string adminRole, string rolePrefix, IReadOnlyDictionary<string, string> groups)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>App Service sets this to "true" when App Service Authentication (Easy Auth) is on.</summary>
    public const string PlatformAuthenticationSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>A principal header larger than this is refused unread.</summary>
    public const int MaxHeaderLength = 64 * 1024;

    private static readonly string[] RoleClaimTypes = ["roles", "role", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    public static bool IsPlatformAuthenticationEnabled(string? setting) => bool.TryParse(setting?.Trim(), out var on) && on;

    /// <summary>Null when the settings are consistent; otherwise why the host must not start.</summary>
    public static string? Validate(bool requirePrincipal, string? platformAuthenticationSetting) =>
        requirePrincipal && !IsPlatformAuthenticationEnabled(platformAuthenticationSetting)
            ? $"EngagementAccess:RequirePrincipal is true but App Service Authentication is off ({PlatformAuthenticationSetting} is not 'true'): the {HeaderName} header could be forged. Turn authentication on, or RequirePrincipal off."
            : null;

    public EngagementScope ScopeOf(string? header)
    {
        if (!platformAuthenticationEnabled || string.IsNullOrEmpty(header))
        {
            // Without platform authentication a principal header proves nothing: the function key is the only gate.
            return requirePrincipal ? EngagementScope.Unauthenticated : EngagementScope.All;
        }

        // The platform sets this header; one we cannot read is refused, not ignored.
        if (!TryReadClaims(header, out var claims))
        {
            return EngagementScope.Unauthenticated;
        }

        var roles = claims.Where(c => RoleClaimTypes.Contains(c.Type, StringComparer.OrdinalIgnoreCase)).Select(c => c.Value).ToList();
        if (roles.Contains(adminRole, StringComparer.Ordinal))
        {
            return EngagementScope.All;
        }

        var engagements = roles.Where(r => r.StartsWith(rolePrefix, StringComparison.Ordinal)).Select(r => r[rolePrefix.Length..]);
        var fromGroups = claims.Where(c => string.Equals(c.Type, "groups", StringComparison.OrdinalIgnoreCase))
            .SelectMany(c => groups.TryGetValue(c.Value, out var list) ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []);
        return EngagementScope.Only(engagements.Concat(fromGroups).Where(EngagementName.IsValid));
    }

    /// <summary>The claims of a principal header: <c>{"claims":[{"typ":..,"val":..}]}</c>, base64. Any other shape is refused.</summary>
    public static bool TryReadClaims(string header, out List<(string Type, string Value)> claims)
    {
        ArgumentNullException.ThrowIfNull(header);
        claims = [];
        if (header.Length > MaxHeaderLength)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)), new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var claim in list.EnumerateArray())
            {
                if (claim.ValueKind == JsonValueKind.Object && claim.TryGetProperty("typ", out var typ) && claim.TryGetProperty("val", out var val)
                    && typ.ValueKind == JsonValueKind.String && val.ValueKind == JsonValueKind.String)
                {
                    claims.Add((typ.GetString()!, val.GetString()!));
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or DecoderFallbackException)
        {
            return false;
        }
    }
}
