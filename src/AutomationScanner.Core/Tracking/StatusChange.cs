namespace AutomationScanner.Core.Tracking;

/// <summary>One status change, kept for the record.</summary>
public sealed record StatusChange(OpportunityStatus Status, string? Reason, DateTimeOffset At, string? By);
