namespace AutomationScanner.Core.Model;

/// <summary>How a step is carried out, after Leopold et al. (2018).</summary>
public enum InteractionKind
{
    Manual,
    UserSystem,
    Automated,
}
