namespace AutomationScanner.Core.Tracking;

/// <summary>A request to change one opportunity's status.</summary>
public sealed record MarkRequest(string OpportunityId, OpportunityStatus Status, string? Reason = null, string? By = null);
