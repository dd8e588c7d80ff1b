namespace AutomationScanner.Core.Ethics;

/// <summary>Job-displacement sizing, kept apart from savings.</summary>
public sealed record DisplacementEstimate(
    double HoursPerYear,
    IReadOnlyList<DisplacementShare> ByResource,
    IReadOnlyList<DisplacementShare> ByRole)
{
    public static DisplacementEstimate None { get; } = new(0, [], []);

    /// <summary>
    /// Resource ids of this task that stand for a role or a group ("STAFF MEMBER"), with the evidence: their hours are
    /// counted as roles, never as one person's.
    /// </summary>
    public IReadOnlyList<string> SharedIds { get; init; } = [];

    public double MaxShare => Math.Max(
        ByResource.Count == 0 ? 0 : ByResource.Max(s => s.ShareOfLoggedWork),
        ByRole.Count == 0 ? 0 : ByRole.Max(s => s.ShareOfLoggedWork));
}
