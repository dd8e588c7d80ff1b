namespace AutomationScanner.Core.Classification.Llm;

/// <summary>Token and cost accounting of one scan's LLM use.</summary>
public sealed record LlmUsage
{
    public static LlmUsage Disabled { get; } = new() { Enabled = false, PromptVersion = AssessmentPrompt.Version };

    public required bool Enabled { get; init; }

    public string? Deployment { get; init; }

    public required string PromptVersion { get; init; }

    /// <summary>Logical requests sent to the model (retries of one request are counted in <see cref="Retries"/>).</summary>
    public int Requests { get; init; }

    public int Retries { get; init; }

    public long InputTokens { get; init; }

    /// <summary>Input tokens the service served from its prompt cache (billed at the cached price).</summary>
    public long CachedInputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long TokenBudget { get; init; }

    public int TasksAssessed { get; init; }

    public int CacheHits { get; init; }

    public int Fallbacks { get; init; }

    public IReadOnlyDictionary<FallbackReason, int> FallbacksByReason { get; init; } = new Dictionary<FallbackReason, int>();

    public decimal EstimatedCost { get; init; }

    public string Currency { get; init; } = "USD";
}
