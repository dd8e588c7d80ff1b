namespace AutomationScanner.Core.Model;

/// <summary>Where a piece of kind evidence came from.</summary>
public static class KindSignalSources
{
    /// <summary>How the activity's resources behave (one resource in nearly all cases, system-like ids, all hours).</summary>
    public const string Resource = "resource";

    /// <summary>Timing: near-zero duration, firing within seconds of the previous event.</summary>
    public const string Timing = "timing";

    /// <summary>Lifecycle transitions (start/complete pairs, status values).</summary>
    public const string Lifecycle = "lifecycle";

    /// <summary>The name: status words, past participles, ALL-CAPS codes, verbs.</summary>
    public const string Naming = "naming";

    /// <summary>A prefix group of the log (e.g. BPIC 2012's A_/O_/W_) and how its members behave.</summary>
    public const string PrefixGroup = "prefix-group";

    /// <summary>Attributes carried by the activity's events (numeric values, outcomes).</summary>
    public const string Attributes = "attributes";

    /// <summary>Where the activity sits in the control flow (e.g. followed by a decision outcome).</summary>
    public const string Sequence = "sequence";

    /// <summary>A matched document statement (manual / user-system / automated).</summary>
    public const string Document = "document";

    /// <summary>The LLM's validated kind field (never the only source).</summary>
    public const string Llm = "llm";

    /// <summary>An override from the command line (<c>--kind</c>) or configuration.</summary>
    public const string Override = "override";
}
