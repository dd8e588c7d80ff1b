namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Rules a domain rules out for its steps, with the reason: a business-to-business process's subjects are companies,
/// and Annex III 5(b), 5(c) and GDPR Art. 22 concern natural persons; an employer, lender or hospital is not the
/// law-enforcement, migration or border authority by or for which Annex III 6 and 7 uses are made.
/// </summary>
public sealed record DomainExclusion(IReadOnlyList<string> Rules, string Note);
