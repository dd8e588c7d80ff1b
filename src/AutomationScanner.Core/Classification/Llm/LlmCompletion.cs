namespace AutomationScanner.Core.Classification.Llm;

public sealed record LlmCompletion(string? Content, LlmFinish Finish, long InputTokens, long CachedInputTokens, long OutputTokens, int Attempts);
