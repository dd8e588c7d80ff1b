using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Planning;

/// <summary>One opportunity in the plan.</summary>
public sealed record RoadmapItem
{
    public required string OpportunityId { get; init; }

    public required int Rank { get; init; }

    public required string Process { get; init; }

    public required string Task { get; init; }

    public required RiskTier Tier { get; init; }

    public OpportunityStatus? Status { get; init; }

    public required double BenefitHoursP50 { get; init; }

    public required double EffortDaysP50 { get; init; }

    public required double ImplementationCostP50 { get; init; }

    public required MonthsRange PaybackMonths { get; init; }

    public required ValueRange NetValue { get; init; }

    /// <summary>Why it is in this phase.</summary>
    public required string Reason { get; init; }

    public required IReadOnlyList<SafeguardStep> Safeguards { get; init; }

    public required IReadOnlyList<FreedHours> FreedHours { get; init; }
}
