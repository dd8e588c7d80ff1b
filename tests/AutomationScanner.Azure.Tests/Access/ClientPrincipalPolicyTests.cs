using System.Text;
using System.Text.Json;
using AutomationScanner.Azure.Access;
using AutomationScanner.Azure.Storage;

namespace AutomationScanner.Azure.Tests.Access;

/// <summary>Issue 14's access cases: forged principals, role_typ, and names that end in a newline.</summary>
public sealed class ClientPrincipalPolicyTests
{
    private static readonly Dictionary<string, string> NoGroups = new(StringComparer.OrdinalIgnoreCase);

    private static string Principal(string? roleType, params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["auth_typ"] = "aad",
            ["role_typ"] = roleType,
            ["claims"] = claims.Select(c => new { typ = c.Type, val = c.Value }).ToArray(),
        })));

    private static ClientPrincipalPolicy Policy(bool platformAuth, bool requirePrincipal = false) =>
        new(platformAuth, requirePrincipal, "Scanner.Admin", "Engagement.", NoGroups);

    [Fact]
    public void ForgedAdminHeader_AuthenticationOff_IsIgnored()
    {
        var forged = Principal(null, ("roles", "Scanner.Admin"));

        var open = Policy(platformAuth: false).ScopeOf(forged);
        var required = Policy(platformAuth: false, requirePrincipal: true).ScopeOf(forged);

        // Without platform authentication the function key is the gate: the header neither grants nor narrows.
        Assert.True(open.IsAll);
        Assert.False(required.IsAuthenticated);
    }

    [Fact]
    public void RequirePrincipalWithoutPlatformAuthentication_RefusesToStart()
    {
        Assert.NotNull(ClientPrincipalPolicy.Validate(requirePrincipal: true, platformAuthenticationSetting: null));
        Assert.NotNull(ClientPrincipalPolicy.Validate(requirePrincipal: true, platformAuthenticationSetting: "false"));
        Assert.Null(ClientPrincipalPolicy.Validate(requirePrincipal: true, platformAuthenticationSetting: "True"));
        Assert.Null(ClientPrincipalPolicy.Validate(requirePrincipal: false, platformAuthenticationSetting: null));
    }

    [Fact]
    public void RoleTypeFromTheHeader_IsNotTrusted()
    {
        var sneaky = Principal("name", ("name", "Scanner.Admin"), ("name", "Engagement.acme"));

        var scope = Policy(platformAuth: true).ScopeOf(sneaky);

        Assert.True(scope.IsAuthenticated);
        Assert.False(scope.IsAll);
        Assert.False(scope.Allows("acme"));
    }

    [Fact]
    public void PlatformAuthentication_RolesGrantWhatTheySay()
    {
        var scope = Policy(platformAuth: true).ScopeOf(Principal(null, ("roles", "Engagement.acme")));
        var admin = Policy(platformAuth: true).ScopeOf(Principal(null, ("roles", "Scanner.Admin")));
        var garbage = Policy(platformAuth: true).ScopeOf("not base64!");

        Assert.True(scope.Allows("acme"));
        Assert.False(scope.Allows("beta"));
        Assert.True(admin.IsAll);
        Assert.False(garbage.IsAuthenticated);
    }

    [Theory]
    [InlineData("acme\n")]
    [InlineData("acme\r\n")]
    [InlineData("acme%0A")]
    [InlineData("ac")]
    public void EngagementName_TrailingNewlineOrEscape_Invalid(string name)
    {
        var valid = name == "ac";

        Assert.Equal(valid, EngagementName.IsValid(name));
        Assert.Equal(valid, EngagementName.FromExportBlob(name + "/x.csv") is not null);
    }

    [Fact]
    public void RoleGrantingANameWithNewline_GrantsNothing()
    {
        var scope = Policy(platformAuth: true).ScopeOf(Principal(null, ("roles", "Engagement.acme\n")));

        Assert.False(scope.Allows("acme\n"));
        Assert.False(scope.Allows("acme"));
    }

    [Fact]
    public void ScanId_TrailingNewline_Invalid()
    {
        var id = ScanId.Create(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), new string('c', 64));

        Assert.True(ScanId.IsValid(id));
        Assert.False(ScanId.IsValid(id + "\n"));
    }
}
