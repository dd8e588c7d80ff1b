namespace AutomationScanner.Core.Classification.Llm;

/// <summary>One structured-output chat request: a fixed system prompt, the task data, and the strict JSON schema.</summary>
public sealed record LlmPrompt(string SystemMessage, string UserMessage, string SchemaName, string JsonSchema, int MaxOutputTokens);
