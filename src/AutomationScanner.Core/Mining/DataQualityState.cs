namespace AutomationScanner.Core.Mining;

/// <summary>A <see cref="DataQualityLog"/> as plain data.</summary>
public sealed record DataQualityState(long Total, IReadOnlyList<DataQualityIssue> Issues);
