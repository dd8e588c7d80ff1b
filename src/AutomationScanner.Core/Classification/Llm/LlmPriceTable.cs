namespace AutomationScanner.Core.Classification.Llm;

/// <summary>Prices per million tokens of the deployed model (defaults: gpt-4.1-mini list price, USD).</summary>
public sealed record LlmPriceTable(decimal InputPerMillion, decimal CachedInputPerMillion, decimal OutputPerMillion, string Currency = "USD")
{
    public static LlmPriceTable Gpt41Mini { get; } = new(0.40m, 0.10m, 1.60m);

    public decimal Estimate(long inputTokens, long cachedInputTokens, long outputTokens)
    {
        var cached = Math.Clamp(cachedInputTokens, 0, inputTokens);
        return (((inputTokens - cached) * InputPerMillion) + (cached * CachedInputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
    }
}

/// <summary>Settings of the LLM assessment that do not depend on the transport.</summary>
public sealed record LlmAssessorSettings
{
    public int TasksPerRequest { get; init; } = 20;

    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Input plus output tokens one scan may spend; requests that would exceed it are not sent.</summary>
    public long TokenBudgetPerScan { get; init; } = 2_000_000;

    public LlmPriceTable Prices { get; init; } = LlmPriceTable.Gpt41Mini;
}

/// <summary>
/// Thread-safe token ledger of one scan. A request reserves its estimated tokens before it is sent, so concurrent
/// requests cannot overrun the budget together; once answered, the reservation is replaced by the real usage.
/// </summary>
internal sealed class TokenLedger(long budget)
{
    private readonly Lock _gate = new();
    private long _committed;
    private long _reserved;

    public bool TryReserve(long tokens)
    {
        lock (_gate)
        {
            if (_committed + _reserved + tokens > budget)
            {
                return false;
            }

            _reserved += tokens;
            return true;
        }
    }

    public void Settle(long reserved, long used)
    {
        lock (_gate)
        {
            _reserved -= reserved;
            _committed += used;
        }
    }
}
