namespace AutomationScanner.Core.Classification.Llm;

/// <summary>One structured-output chat request: a fixed system prompt, the task data, and the strict JSON schema.</summary>
public sealed record LlmPrompt(string SystemMessage, string UserMessage, string SchemaName, string JsonSchema, int MaxOutputTokens);

public enum LlmFinish
{
    Completed,
    ContentFilter,
    Length,
    Other,
}

public sealed record LlmCompletion(string? Content, LlmFinish Finish, long InputTokens, long CachedInputTokens, long OutputTokens, int Attempts);

/// <summary>
/// The transport to a chat model (Azure OpenAI in production). Retries belong to the implementation; what it
/// cannot recover from it throws as <see cref="LlmCallException"/> with the reason the tasks fall back for.
/// </summary>
public interface ILlmCompletionClient
{
    string Deployment { get; }

    Task<LlmCompletion> CompleteAsync(LlmPrompt prompt, CancellationToken cancellationToken);
}

public sealed class LlmCallException : Exception
{
    public LlmCallException()
    {
    }

    public LlmCallException(string message)
        : base(message)
    {
    }

    public LlmCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LlmCallException(FallbackReason reason, string message, int attempts, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        Attempts = attempts;
    }

    public FallbackReason Reason { get; } = FallbackReason.Error;

    public int Attempts { get; } = 1;
}
