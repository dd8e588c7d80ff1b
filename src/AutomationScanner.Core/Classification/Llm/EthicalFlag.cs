namespace AutomationScanner.Core.Classification.Llm;

/// <summary>An ethical or regulatory concern the LLM raised, with the inputs (metrics, document lines) it cites.</summary>
public sealed record EthicalFlag(
    EthicalFlagCategory Category,
    EthicalSeverity Severity,
    string Rationale,
    IReadOnlyList<string> Evidence);
