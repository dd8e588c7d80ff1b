namespace AutomationScanner.Core.Ethics;

/// <summary>Risk tier of an opportunity, ordered so that a larger value is a stricter tier.</summary>
public enum RiskTier
{
    Minimal = 0,
    Limited = 1,
    High = 2,
    Prohibited = 3,
}

/// <summary>What must be in place before the task is automated.</summary>
public enum Safeguard
{
    /// <summary>Art. 5 practice: the task must not be automated this way at all.</summary>
    DoNotAutomate,
    HumanInTheLoop,
    Dpia,
    BiasAudit,
    TransparencyNotice,
    ReskillingPlan,
    WorkerInformation,

    /// <summary>Art. 6(4): record why an Annex III task is not high-risk under Art. 6(3).</summary>
    HighRiskExemptionRecord,

    /// <summary>Drop or pseudonymise personal columns before the automation reads them.</summary>
    DataMinimisation,
}

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

/// <summary>Where a rule looks for evidence.</summary>
public enum EvidenceScope
{
    /// <summary>The task name and the text of its document statements.</summary>
    Text,

    /// <summary>Data categories attached to document statements ("health", "personal").</summary>
    DataCategory,

    /// <summary>Column (attribute) names of the event-log export.</summary>
    Column,

    /// <summary>Resource identifiers in the log (never reported in clear).</summary>
    Resource,

    /// <summary>Figures computed from the mined statistics.</summary>
    Statistics,

    /// <summary>A flag raised by the language-model reviewer.</summary>
    Llm,

    /// <summary>The process the task belongs to: its inferred domain (lending, healthcare...) and the step's role in it.</summary>
    ProcessContext,
}
