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
