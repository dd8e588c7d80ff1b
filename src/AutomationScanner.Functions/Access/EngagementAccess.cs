using System.Text;
using System.Text.Json;
using AutomationScanner.Azure.Storage;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Functions.Access;

/// <summary>The engagements a request may read: all, a named set, or none (no valid principal where one is required).</summary>
public sealed class AccessScope
{
    private readonly HashSet<string>? allowed;

    private AccessScope(bool authenticated, HashSet<string>? allowed)
    {
        IsAuthenticated = authenticated;
        this.allowed = allowed;
    }

    public static AccessScope All { get; } = new(true, null);

    public static AccessScope Unauthenticated { get; } = new(false, []);

    public bool IsAuthenticated { get; }

    public static AccessScope Only(IEnumerable<string> engagements) => new(true, new HashSet<string>(engagements, StringComparer.Ordinal));

    public bool Allows(string engagement) => IsAuthenticated && (allowed is null || allowed.Contains(engagement));
}

/// <summary>Reads <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON claims from App Service Authentication) into an <see cref="AccessScope"/>.</summary>
public sealed class EngagementAccess(IOptions<EngagementAccessOptions> options)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    private static readonly string[] RoleClaimTypes = ["roles", "role", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    public AccessScope ScopeOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[PrincipalHeader].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return options.Value.RequirePrincipal ? AccessScope.Unauthenticated : AccessScope.All;
        }

        // The platform sets this header and strips it from outside requests; one we cannot read is refused, not ignored.
        if (!TryReadClaims(header, out var claims, out var roleType))
        {
            return AccessScope.Unauthenticated;
        }

        var o = options.Value;
        var roles = claims.Where(c => RoleClaimTypes.Contains(c.Type, StringComparer.OrdinalIgnoreCase) || (roleType is not null && c.Type == roleType))
            .Select(c => c.Value).ToList();
        if (roles.Contains(o.AdminRole, StringComparer.Ordinal))
        {
            return AccessScope.All;
        }

        var engagements = roles.Where(r => r.StartsWith(o.RolePrefix, StringComparison.Ordinal)).Select(r => r[o.RolePrefix.Length..]);
        var fromGroups = claims.Where(c => string.Equals(c.Type, "groups", StringComparison.OrdinalIgnoreCase))
            .SelectMany(c => o.Groups.TryGetValue(c.Value, out var list) ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : []);
        return AccessScope.Only(engagements.Concat(fromGroups).Where(EngagementName.IsValid));
    }

    private static bool TryReadClaims(string header, out List<(string Type, string Value)> claims, out string? roleType)
    {
        claims = [];
        roleType = null;
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            if (root.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String)
            {
                roleType = rt.GetString();
            }

            if (!root.TryGetProperty("claims", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var claim in list.EnumerateArray())
            {
                if (claim.TryGetProperty("typ", out var typ) && claim.TryGetProperty("val", out var val)
                    && typ.ValueKind == JsonValueKind.String && val.ValueKind == JsonValueKind.String)
                {
                    claims.Add((typ.GetString()!, val.GetString()!));
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
