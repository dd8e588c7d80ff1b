namespace AutomationScanner.Core.Tracking;

/// <summary>Where a consultant says an opportunity stands.</summary>
public enum OpportunityStatus
{
    Candidate,
    Piloting,
    Automated,

    /// <summary>Not to be automated; a reason is required.</summary>
    Rejected,
}
