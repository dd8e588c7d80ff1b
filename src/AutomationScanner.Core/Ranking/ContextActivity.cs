using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ranking;

/// <summary>
/// An activity of a log that is not a task a person performs (a state, a system step, the requester's own action, a
/// measurement, a wait, a third party): reported as context, never ranked or recommended.
/// </summary>
public sealed class ContextActivity
{
    /// <summary>Stable id (process + name), as for opportunities.</summary>
    public required string Id { get; init; }

    public required string Process { get; init; }

    public required string Task { get; init; }

    public required ActivityKind Kind { get; init; }

    public required double KindConfidence { get; init; }

    public required IReadOnlyList<KindSignal> KindEvidence { get; init; }

    /// <summary>What the activity means for the analysis, e.g. "automation already achieved" for a system step.</summary>
    public required string Role { get; init; }

    /// <summary>For a decision outcome (a DECLINED-like state): the work steps it marks as decisions.</summary>
    public IReadOnlyList<string> DecidedBy { get; init; } = [];

    public required double ExecutionsPerYear { get; init; }

    /// <summary>Mined metrics; resources are pseudonymised.</summary>
    public ActivityStatistics? Statistics { get; init; }
}
