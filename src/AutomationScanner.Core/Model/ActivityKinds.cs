namespace AutomationScanner.Core.Model;

public static class ActivityKinds
{
    /// <summary>Work and decisions are tasks a person performs: the only kinds ranked as opportunities.</summary>
    public static bool IsTask(this ActivityKind kind) => kind is ActivityKind.Work or ActivityKind.Decision;
}
