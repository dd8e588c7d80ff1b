namespace AutomationScanner.Core.Classification.Llm;

public enum FallbackReason
{
    None,
    NotConfigured,
    BudgetExhausted,
    Throttled,
    ServerError,
    Timeout,
    ContentFilter,
    MalformedResponse,
    RejectedByValidation,
    MissingFromResponse,
    Unauthorized,
    Error,
}
