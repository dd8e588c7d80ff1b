namespace AutomationScanner.Core.Model;

/// <summary>A catalogue rule offered to the LLM for one task: its id, legal reference and a short description.</summary>
/// <param name="Id">The catalogue rule id ("H4b-creditworthiness").</param>
/// <param name="Clause">The legal reference ("EU AI Act Annex III 5(b)").</param>
/// <param name="Text">What the rule covers, written from the legal text (the rule's title and first exemplar).</param>
public sealed record CandidateRule(string Id, string Clause, string Text);
