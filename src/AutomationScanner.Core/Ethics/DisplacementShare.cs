namespace AutomationScanner.Core.Ethics;

/// <summary>Hours of a task attributed to one worker (pseudonymised) or one role, and the share of their work.</summary>
/// <param name="Who">A stable pseudonym ("R-3f9a1c") or a role name from the documents.</param>
/// <param name="HoursPerYear">Hours per year this worker or role spends on the task.</param>
/// <param name="ShareOfLoggedWork">Share of all the worker's (or role's) logged or documented hours that this task takes, 0..1.</param>
public sealed record DisplacementShare(string Who, double HoursPerYear, double ShareOfLoggedWork);
