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

public static class LifecycleParser
{
    public static Lifecycle Parse(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty)
        {
            return Lifecycle.None;
        }

        if (value.Equals("complete", StringComparison.OrdinalIgnoreCase) || value.Equals("completed", StringComparison.OrdinalIgnoreCase))
        {
            return Lifecycle.Complete;
        }

        if (value.Equals("start", StringComparison.OrdinalIgnoreCase) || value.Equals("started", StringComparison.OrdinalIgnoreCase))
        {
            return Lifecycle.Start;
        }

        if (value.Equals("schedule", StringComparison.OrdinalIgnoreCase))
        {
            return Lifecycle.Schedule;
        }

        if (value.Equals("assign", StringComparison.OrdinalIgnoreCase) || value.Equals("reassign", StringComparison.OrdinalIgnoreCase))
        {
            return Lifecycle.Assign;
        }

        if (value.Equals("suspend", StringComparison.OrdinalIgnoreCase))
        {
            return Lifecycle.Suspend;
        }

        if (value.Equals("resume", StringComparison.OrdinalIgnoreCase))
        {
            return Lifecycle.Resume;
        }

        if (value.Equals("ate_abort", StringComparison.OrdinalIgnoreCase) || value.Equals("pi_abort", StringComparison.OrdinalIgnoreCase)
            || value.Equals("withdraw", StringComparison.OrdinalIgnoreCase) || value.Equals("abort", StringComparison.OrdinalIgnoreCase))
        {
            return Lifecycle.Abort;
        }

        if (value.Equals("autoskip", StringComparison.OrdinalIgnoreCase) || value.Equals("manualskip", StringComparison.OrdinalIgnoreCase)
            || value.Equals("unknown", StringComparison.OrdinalIgnoreCase))
        {
            return Lifecycle.Other;
        }

        return Lifecycle.Status;
    }

    /// <summary>The activity name of a status event: "Accepted" in status "In Progress" is "Accepted (In Progress)".</summary>
    public static string StatusActivity(string activity, ReadOnlySpan<char> status) =>
        string.Concat(activity, " (", status.Trim(), ")");
}
