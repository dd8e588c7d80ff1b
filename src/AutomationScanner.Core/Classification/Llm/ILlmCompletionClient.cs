namespace AutomationScanner.Core.Classification.Llm;

/// <summary>
/// The transport to a chat model (Azure OpenAI in production). Retries belong to the implementation; what it
/// cannot recover from it throws as <see cref="LlmCallException"/> with the reason the tasks fall back for.
/// </summary>
public interface ILlmCompletionClient
{
    string Deployment { get; }

    Task<LlmCompletion> CompleteAsync(LlmPrompt prompt, CancellationToken cancellationToken);
}
