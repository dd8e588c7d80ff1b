namespace AutomationScanner.Core.Ranking;

/// <summary>Months as P10 / P50 / P90; null where the automation never pays back (net yearly benefit not positive).</summary>
public sealed record MonthsRange(double? P10, double? P50, double? P90);
