namespace AutomationScanner.Core.Ingestion;

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

    /// <summary>Any other transition (reassign, autoskip, manualskip, unknown...).</summary>
    Other,
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

        return Lifecycle.Other;
    }
}
