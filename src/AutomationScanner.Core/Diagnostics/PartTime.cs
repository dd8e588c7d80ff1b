namespace AutomationScanner.Core.Diagnostics;

/// <summary>
/// A part of the work timed across phases (the embedding model's load, its runs...): how often it ran, and its wall and
/// CPU time (all threads of the process while it ran) summed over those calls, and the items they handled (texts...).
/// </summary>
public sealed record PartTime(string Part, long Calls, double WallMs, double CpuMs, long Items = 0);
