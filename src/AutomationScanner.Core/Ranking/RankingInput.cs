using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ranking;

/// <summary>Everything the ranker needs about one task.</summary>
public sealed record RankingInput(TaskCandidate Candidate, ValueEstimate Value, RiskAssessment Risk);
