namespace AutomationScanner.Core.Classification.Llm;

public enum LlmFinish
{
    Completed,
    ContentFilter,
    Length,
    Other,
}
