namespace AutomationScanner.Core.Classification.Llm;

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
