namespace AutomationScanner.Core.Planning;

public enum PhaseKind
{
    /// <summary>Small, safe, measurable first automations.</summary>
    Pilot,

    /// <summary>Minimal and limited-risk items, by payback; limited ones bring their safeguards.</summary>
    Wave,

    /// <summary>High-risk items: each starts only once its safeguards are done.</summary>
    GatedWave,
}
