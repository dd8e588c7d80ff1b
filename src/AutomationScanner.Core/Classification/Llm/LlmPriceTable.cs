namespace AutomationScanner.Core.Classification.Llm;

/// <summary>Prices per million tokens of the deployed model, for the scan's cost estimate.</summary>
public sealed record LlmPriceTable(decimal InputPerMillion, decimal CachedInputPerMillion, decimal OutputPerMillion, string Currency = "USD")
{
    /// <summary>gpt-5-mini list prices in USD (the infra's default deployment); see shared reference, performance section 6.</summary>
    public static LlmPriceTable Gpt5Mini { get; } = new(0.25m, 0.025m, 2.00m);

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

    public LlmPriceTable Prices { get; init; } = LlmPriceTable.Gpt5Mini;
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
