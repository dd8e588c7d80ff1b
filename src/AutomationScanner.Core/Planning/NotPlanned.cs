using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Planning;

/// <summary>An opportunity the plan leaves out, and why.</summary>
public sealed record NotPlanned(string OpportunityId, int Rank, string Process, string Task, RiskTier Tier, string Reason);
