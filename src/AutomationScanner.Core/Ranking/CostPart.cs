namespace AutomationScanner.Core.Ranking;

/// <summary>One visible part of the implementation effort or of the running cost.</summary>
/// <param name="Name">What the part is ("base", "systems", "DPIA"...).</param>
/// <param name="Amount">Person-days (effort parts) or money a year (running parts), at P50.</param>
/// <param name="Explanation">Where the figure comes from, in words.</param>
public sealed record CostPart(string Name, double Amount, string Explanation);
