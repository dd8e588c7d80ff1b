namespace AutomationScanner.Core.Ethics;

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
