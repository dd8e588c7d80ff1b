namespace AutomationScanner.Core.Mining;

/// <summary>One kind of data problem with how often it occurred and the first few occurrences.</summary>
public sealed record DataQualityIssue(string Kind, long Count, IReadOnlyList<string> Examples);
