namespace AutomationScanner.Core.Ethics;

/// <summary>
/// A rule that the steps of a domain inherit: <c>when</c> is <c>any</c>, <c>decision</c>, <c>assessment</c> (a decision
/// step or a step whose act evaluates, scores, ranks or classifies), <c>contact</c> or a pattern over the normalised step name.
/// </summary>
public sealed record DomainInheritance(string When, string Rule, string Note);
