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
