namespace AutomationScanner.Core.Tracking;

/// <summary>An opportunity's current status, its baseline and how it got there.</summary>
public sealed record OpportunityMark
{
    public required string OpportunityId { get; init; }

    public required string Process { get; init; }

    public required string Task { get; init; }

    public required OpportunityStatus Status { get; init; }

    public string? Reason { get; init; }

    public required DateTimeOffset MarkedAt { get; init; }

    public string? MarkedBy { get; init; }

    /// <summary>Set when the opportunity was first marked piloting or automated; kept through later marks.</summary>
    public MarkBaseline? Baseline { get; init; }

    public IReadOnlyList<StatusChange> History { get; set; } = [];
}
