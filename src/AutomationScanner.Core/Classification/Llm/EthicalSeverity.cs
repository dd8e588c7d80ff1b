namespace AutomationScanner.Core.Classification.Llm;

public enum EthicalSeverity
{
    Low,
    Medium,
    High,
}
