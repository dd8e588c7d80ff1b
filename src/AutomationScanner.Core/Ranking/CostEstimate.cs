namespace AutomationScanner.Core.Ranking;

/// <summary>
/// What automating a task costs and returns. Effort and cost ranges are P10 / P50 / P90 effort scenarios; the
/// returns pair them with the value model's scenarios: P10 is the pessimistic case (low benefit, high cost), P90 the
/// optimistic one. Payback months run the other way: P10 is the shortest.
/// </summary>
public sealed record CostEstimate
{
    /// <summary>Implementation effort in person-days.</summary>
    public required ValueRange EffortDays { get; init; }

    /// <summary>The parts of the P50 effort; they add up to <see cref="EffortDays"/>.P50.</summary>
    public required IReadOnlyList<CostPart> EffortParts { get; init; }

    /// <summary>Effort x day rate.</summary>
    public required ValueRange ImplementationCost { get; init; }

    /// <summary>Licence, maintenance and LLM tokens a year; maintenance follows the implementation cost scenario.</summary>
    public required ValueRange RunningCostPerYear { get; init; }

    /// <summary>The parts of the P50 running cost; they add up to <see cref="RunningCostPerYear"/>.P50.</summary>
    public required IReadOnlyList<CostPart> RunningParts { get; init; }

    /// <summary>Whether the automation would call an LLM on each run (unstructured input).</summary>
    public required bool UsesLlm { get; init; }

    /// <summary>Money benefit a year minus running cost a year (P10 pessimistic, P90 optimistic).</summary>
    public required ValueRange NetBenefitPerYear { get; init; }

    /// <summary>Implementation cost / (net yearly benefit / 12).</summary>
    public required MonthsRange PaybackMonths { get; init; }

    /// <summary>Net yearly benefit x horizon - implementation cost.</summary>
    public required ValueRange NetValue { get; init; }

    public required int HorizonYears { get; init; }

    /// <summary>Systems counted for the effort (documents, else the LLM's estimate); null when unknown.</summary>
    public int? Systems { get; init; }

    public required string Currency { get; init; }
}
