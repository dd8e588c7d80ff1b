namespace AutomationScanner.Azure.Access;

/// <summary>What a request may read: every engagement, a named set, or nothing (no trusted principal where one is required).</summary>
public sealed class EngagementScope
{
    private readonly HashSet<string>? _allowed;

    private EngagementScope(bool authenticated, HashSet<string>? allowed)
    {
        IsAuthenticated = authenticated;
        _allowed = allowed;
    }

    public static EngagementScope All { get; } = new(true, null);

    public static EngagementScope Unauthenticated { get; } = new(false, []);

    public bool IsAuthenticated { get; }

    /// <summary>True when the scope is every engagement (admin role, or a function key without App Service Authentication).</summary>
    public bool IsAll => IsAuthenticated && _allowed is null;

    public static EngagementScope Only(IEnumerable<string> engagements) => new(true, new HashSet<string>(engagements, StringComparer.Ordinal));

    public bool Allows(string engagement) => IsAuthenticated && (_allowed is null || _allowed.Contains(engagement));
}
