using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Reporting;

public sealed record RiskChange(string Id, string Process, string Task, RiskTier? PreviousTier, RiskTier Tier);
