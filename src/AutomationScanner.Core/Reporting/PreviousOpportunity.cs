using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Reporting;

/// <summary>An opportunity as a previous report listed it: enough to compare scans.</summary>
public sealed record PreviousOpportunity(string Id, string Process, string Task, int Rank, RiskTier? Tier);
