namespace AutomationScanner.Core.Model;

/// <summary>One visible part of a score: the input value, its weight and what it contributed.</summary>
public sealed record ScoreFactor(string Name, double Value, double Weight, double Contribution, string Explanation);
