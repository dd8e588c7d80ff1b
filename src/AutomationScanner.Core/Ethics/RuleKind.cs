namespace AutomationScanner.Core.Ethics;

/// <summary>The family a rule belongs to; it decides how hits combine.</summary>
public enum RuleKind
{
    Prohibited,
    HighRisk,
    NarrowProceduralFilter,
    ProfilingOverride,
    Gdpr22,
    Gdpr9,
    PersonalData,
    CustomerFacing,
    Displacement,
    WorkerInformation,
    LlmFlag,
}
