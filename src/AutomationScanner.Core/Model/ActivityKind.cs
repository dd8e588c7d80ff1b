namespace AutomationScanner.Core.Model;

/// <summary>
/// What an activity of a log is. Only <see cref="Work"/> and <see cref="Decision"/> are tasks a person performs and
/// can be ranked as automation opportunities; the other kinds are context (see docs/MODEL.md, "Activity kinds").
/// </summary>
public enum ActivityKind
{
    /// <summary>A person does it (a work item, a manual or user-system step).</summary>
    Work,

    /// <summary>A person decides (approve, assess, check and choose an outcome).</summary>
    Decision,

    /// <summary>The customer, applicant or claimant acts (self-service): not the organisation's work.</summary>
    Requester,

    /// <summary>Software does it: automation already achieved.</summary>
    System,

    /// <summary>A status change or milestone recorded (SUBMITTED, Closed, Queued).</summary>
    State,

    /// <summary>A value recorded (a lab result, a reading).</summary>
    Measurement,

    /// <summary>Waiting (a timer, a hold, "Wait").</summary>
    Wait,

    /// <summary>A third party acts (a bank, a lab, a court, a supplier).</summary>
    External,
}

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

/// <summary>One piece of evidence for an activity's kind.</summary>
/// <param name="Source">One of <see cref="KindSignalSources"/>.</param>
/// <param name="Kind">The kind the evidence points to.</param>
/// <param name="Weight">How strongly, 0..1 (votes of the same kind add up; the kind with most weight wins).</param>
/// <param name="Description">What was observed, in words a consultant can check in the export.</param>
public sealed record KindSignal(string Source, ActivityKind Kind, double Weight, string Description);

/// <summary>An activity's kind with its confidence and evidence.</summary>
/// <param name="Kind">The kind decided.</param>
/// <param name="Confidence">Share of the evidence weight behind <paramref name="Kind"/>, 0..1.</param>
/// <param name="Evidence">Every signal seen, strongest first.</param>
/// <param name="Overridden">True when a <c>--kind</c> or configuration override decided it.</param>
public sealed record KindAssessment(ActivityKind Kind, double Confidence, IReadOnlyList<KindSignal> Evidence, bool Overridden = false)
{
    public static KindAssessment Unknown { get; } = new(ActivityKind.Work, 0, []);

    /// <summary>Work and decisions are tasks a person performs: the only kinds ranked as opportunities.</summary>
    public bool IsTask => Kind is ActivityKind.Work or ActivityKind.Decision;
}

public static class ActivityKinds
{
    /// <summary>Work and decisions are tasks a person performs: the only kinds ranked as opportunities.</summary>
    public static bool IsTask(this ActivityKind kind) => kind is ActivityKind.Work or ActivityKind.Decision;
}
