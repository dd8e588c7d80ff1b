namespace AutomationScanner.Core.Model;

/// <summary>XES lifecycle transitions (IEEE 1849 standard model) that matter for mining.</summary>
public enum Lifecycle : byte
{
    /// <summary>No lifecycle information: the event is taken as a completed execution.</summary>
    None = 0,
    Complete,
    Start,
    Schedule,
    Assign,
    Suspend,
    Resume,

    /// <summary>ate_abort, pi_abort, withdraw: the instance ended without completing.</summary>
    Abort,

    /// <summary>Any other XES transition (autoskip, manualskip, unknown...).</summary>
    Other,

    /// <summary>
    /// Not an XES transition but a status ("In Progress", "Awaiting Assignment", "Wait - User"): the event records that
    /// the case entered that status. Such logs are read as status logs (volumes, transitions, time in status).
    /// </summary>
    Status,
}
