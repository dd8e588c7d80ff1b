namespace AutomationScanner.Core.Classification.Llm;

/// <summary>Settings of the LLM assessment that do not depend on the transport.</summary>
public sealed record LlmAssessorSettings
{
    public int TasksPerRequest { get; init; } = 20;

    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Input plus output tokens one scan may spend; requests that would exceed it are not sent.</summary>
    public long TokenBudgetPerScan { get; init; } = 2_000_000;

    public LlmPriceTable Prices { get; init; } = LlmPriceTable.Gpt5Mini;
}
