namespace AutomationScanner.Core.Planning;

/// <summary>The phased plan: pilots, then waves by payback within risk gates; prohibited items never.</summary>
public sealed record Roadmap
{
    public required IReadOnlyList<RoadmapPhase> Phases { get; init; }

    public required IReadOnlyList<NotPlanned> NotPlanned { get; init; }

    /// <summary>When fewer pilots than wanted were found: why the best-ranked items could not be pilots.</summary>
    public IReadOnlyList<string> PilotNotes { get; init; } = [];

    public required string Currency { get; init; }

    public required int HorizonYears { get; init; }

    public required string Method { get; init; }
}
