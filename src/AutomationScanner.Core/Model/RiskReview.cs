namespace AutomationScanner.Core.Model;

/// <summary>A catalogue rule offered to the LLM for one task: its id, legal reference and a short description.</summary>
/// <param name="Id">The catalogue rule id ("H4b-creditworthiness").</param>
/// <param name="Clause">The legal reference ("EU AI Act Annex III 5(b)").</param>
/// <param name="Text">What the rule covers, written from the legal text (the rule's title and first exemplar).</param>
public sealed record CandidateRule(string Id, string Clause, string Text);

/// <summary>
/// What the LLM is told about a task's risk context: its process's inferred domain and the catalogue rules that may
/// apply (the rules the task matched by pattern, the rules its domain passes on, and the rules nearest in meaning).
/// The model may flag only these rules; the tier of a flag is the catalogue's, capped at High.
/// </summary>
/// <param name="Domain">The domain id ("lending"), or null when none was inferred.</param>
/// <param name="DomainTitle">The domain's title ("Lending and credit"), or null.</param>
/// <param name="Rules">The candidate rules, at most <see cref="Ethics.RiskScreen.MaxCandidateRules"/>.</param>
public sealed record RiskReviewInput(string? Domain, string? DomainTitle, IReadOnlyList<CandidateRule> Rules);
