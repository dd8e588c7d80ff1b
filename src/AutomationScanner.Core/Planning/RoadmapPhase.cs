namespace AutomationScanner.Core.Planning;

public sealed record RoadmapPhase
{
    public required int Order { get; init; }

    public required PhaseKind Kind { get; init; }

    public required string Title { get; init; }

    /// <summary>What must hold before the phase starts.</summary>
    public required string Gate { get; init; }

    public required IReadOnlyList<RoadmapItem> Items { get; init; }

    /// <summary>Person-days of the phase, safeguards included (P50).</summary>
    public required double EffortDaysP50 { get; init; }

    public required double ImplementationCostP50 { get; init; }

    public required double BenefitHoursP50 { get; init; }

    /// <summary>Sum of the items' net value over the horizon (P50).</summary>
    public required double NetValueP50 { get; init; }
}
