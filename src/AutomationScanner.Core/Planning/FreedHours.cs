namespace AutomationScanner.Core.Planning;

/// <summary>Hours a year freed for one role (or pseudonymised worker): whom the reskilling plan is for.</summary>
public sealed record FreedHours(string Who, double HoursPerYear);
