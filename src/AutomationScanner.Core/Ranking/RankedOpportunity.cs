using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ranking;

/// <summary>A ranked opportunity with its priority and the factors that produced it.</summary>
public sealed record RankedOpportunity
{
    public required int Rank { get; init; }

    public required TaskCandidate Candidate { get; init; }

    /// <summary>0..100; the sum of the contributions in <see cref="Why"/>.</summary>
    public required double Priority { get; init; }

    public required Recommendation Recommendation { get; init; }

    /// <summary>Ease of implementation 0..1 (automation kind, variability, number of systems).</summary>
    public required double Ease { get; init; }

    public required ValueEstimate Value { get; init; }

    public required RiskAssessment Risk { get; init; }

    public required IReadOnlyList<ScoreFactor> Why { get; init; }
}
