namespace AutomationScanner.Core.Classification.Llm;

/// <summary>
/// A catalogue rule the LLM says applies to a task: only a rule the task was offered (its candidate rules) is kept.
/// The rule's tier comes from the catalogue, capped at High; the model never sets a tier.
/// </summary>
public sealed record LlmRuleFlag(string RuleId, string Rationale, IReadOnlyList<string> Evidence);
