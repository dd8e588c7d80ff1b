namespace AutomationScanner.Core.Model;

/// <summary>
/// What the LLM is told about a task's risk context: its process's inferred domain and the catalogue rules that may
/// apply (the rules the task matched by pattern, the rules its domain passes on, and the rules nearest in meaning).
/// The model may flag only these rules; the tier of a flag is the catalogue's, capped at High.
/// </summary>
/// <param name="Domain">The domain id ("lending"), or null when none was inferred.</param>
/// <param name="DomainTitle">The domain's title ("Lending and credit"), or null.</param>
/// <param name="Rules">The candidate rules, at most <see cref="Ethics.RiskScreen.MaxCandidateRules"/>.</param>
public sealed record RiskReviewInput(string? Domain, string? DomainTitle, IReadOnlyList<CandidateRule> Rules);
