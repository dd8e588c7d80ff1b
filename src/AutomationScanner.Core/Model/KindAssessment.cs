namespace AutomationScanner.Core.Model;

/// <summary>An activity's kind with its confidence and evidence.</summary>
/// <param name="Kind">The kind decided.</param>
/// <param name="Confidence">Share of the evidence weight behind <paramref name="Kind"/>, 0..1.</param>
/// <param name="Evidence">Every signal seen, strongest first.</param>
/// <param name="Overridden">True when a <c>--kind</c> or configuration override decided it.</param>
public sealed record KindAssessment(ActivityKind Kind, double Confidence, IReadOnlyList<KindSignal> Evidence, bool Overridden = false)
{
    public static KindAssessment Unknown { get; } = new(ActivityKind.Work, 0, []);

    /// <summary>Work and decisions are tasks a person performs: the only kinds ranked as opportunities.</summary>
    public bool IsTask => Kind is ActivityKind.Work or ActivityKind.Decision;
}
