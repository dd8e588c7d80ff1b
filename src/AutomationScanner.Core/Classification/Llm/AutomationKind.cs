namespace AutomationScanner.Core.Classification.Llm;

/// <summary>The kind of automation the LLM recommends for a task.</summary>
public enum AutomationKind
{
    Rpa,
    ApiIntegration,
    DocumentAi,
    Workflow,
    Chatbot,
    MlDecisionSupport,
    KeepHuman,
}
