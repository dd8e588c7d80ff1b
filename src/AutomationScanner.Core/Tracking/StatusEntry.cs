namespace AutomationScanner.Core.Tracking;

/// <summary>A mark as the report lists it (every status, rejected ones with their reason).</summary>
public sealed record StatusEntry(string OpportunityId, string Process, string Task, OpportunityStatus Status, string? Reason, DateTimeOffset MarkedAt, string? MarkedBy);
