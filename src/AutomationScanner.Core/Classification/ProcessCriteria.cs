using System.Globalization;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Classification;

/// <summary>The process-metric criteria of one activity: a 0..1 score and the visible parts it is the sum of.</summary>
public sealed record ProcessCriteriaAssessment(double Score, IReadOnlyList<ScoreFactor> Factors);

/// <summary>
/// Weights of the process-metric criteria. Each criterion maps a metric to 0..1 (1 = favours automation); the score is
/// the weighted mean over the criteria the log can show. The split follows the emphasis of Wellmann et al. (2020)
/// and Wanner et al. (2019): frequency and standardisation first; our weights, not published ones.
/// </summary>
public sealed record ProcessCriteriaWeights
{
    public double Frequency { get; init; } = 0.25;

    public double Standardization { get; init; } = 0.20;

    public double ReworkAndFailure { get; init; } = 0.15;

    public double Resources { get; init; } = 0.10;

    public double Handovers { get; init; } = 0.05;

    public double RemainingAutomation { get; init; } = 0.15;

    public double Duration { get; init; } = 0.10;

    /// <summary>Executions per month that count as full frequency (log scale below it).</summary>
    public double FullFrequencyPerMonth { get; init; } = 1000;

    /// <summary>Median handling time, in minutes, that counts as full duration (log scale below it).</summary>
    public double FullDurationMinutes { get; init; } = 60;

    /// <summary>Distinct resources that count as a task shared by a full team (log scale below it).</summary>
    public int FullResources { get; init; } = 50;
}

/// <summary>
/// Process-metric criteria after Wellmann et al. (2020), computed from <see cref="ActivityStatistics"/>: a transparent
/// second signal next to the text model. Criteria the log cannot show (determinism, data structure, interfaces,
/// stability, number of systems) are left to documents and the LLM.
/// </summary>
public static class ProcessCriteria
{
    /// <summary>Entropy (bits) at which predecessors or successors count as fully unstandardised: 8 equally likely.</summary>
    private const double MaximumEntropyBits = 3.0;

    public static ProcessCriteriaAssessment Evaluate(ActivityStatistics statistics, ProcessCriteriaWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        weights ??= new ProcessCriteriaWeights();
        var criteria = new List<(string Name, double? Value, double Weight, string Explanation)>();

        var perMonth = statistics.ExecutionsPerMonth;
        criteria.Add(("Frequency", LogScale(perMonth, weights.FullFrequencyPerMonth), weights.Frequency,
            Invariant($"{perMonth:0.#} executions per month ({statistics.Executions} in all); full marks from {weights.FullFrequencyPerMonth:0} a month")));

        var entropy = (statistics.PredecessorEntropy + statistics.SuccessorEntropy) / 2;
        var flow = 1 - Math.Clamp(entropy / MaximumEntropyBits, 0, 1);
        var variants = 1 - Math.Clamp(statistics.VariantShare, 0, 1);
        criteria.Add(("Standardization", (flow + variants) / 2, weights.Standardization,
            Invariant($"mean predecessor/successor entropy {entropy:0.00} bits; {statistics.VariantShare:P0} of its cases are distinct variants")));

        var rework = Math.Clamp(statistics.ReworkRate + statistics.FailureRate, 0, 1);
        criteria.Add(("Rework and failure", 1 - rework, weights.ReworkAndFailure,
            Invariant($"rework {statistics.ReworkRate:P1} of executions, {statistics.FailureRate:P1} of its cases fail or are cancelled")));

        criteria.Add(("Resources", LogScale(statistics.DistinctResources, weights.FullResources), weights.Resources,
            Invariant($"{statistics.DistinctResources} distinct resources perform it; more people doing the same task, more to gain")));

        var handoverRate = statistics.Executions == 0 ? 0 : Math.Clamp((double)statistics.Handovers / statistics.Executions, 0, 1);
        criteria.Add(("Handovers", 1 - handoverRate, weights.Handovers,
            Invariant($"{handoverRate:P0} of executions follow a different resource's step")));

        criteria.Add(("Automation potential left", 1 - Math.Clamp(statistics.AutomationRate, 0, 1), weights.RemainingAutomation,
            Invariant($"{statistics.AutomationRate:P0} of executions already done by system or bot resources")));

        var service = statistics.ServiceTime;
        criteria.Add(service.HasData
            ? ("Duration", LogScale(service.MedianSeconds / 60, weights.FullDurationMinutes), weights.Duration,
                Invariant($"median handling time {service.MedianSeconds / 60:0.#} min; full marks from {weights.FullDurationMinutes:0} min"))
            : ("Duration", null, weights.Duration, "no start/complete pairs in the log: handling time unknown, criterion left out"));

        var usedWeight = criteria.Where(c => c.Value is not null).Sum(c => c.Weight);
        var factors = criteria.Select(c =>
        {
            var share = c.Value is null || usedWeight <= 0 ? 0 : c.Weight / usedWeight;
            return new ScoreFactor(c.Name, c.Value ?? double.NaN, share, share * (c.Value ?? 0), c.Explanation);
        }).ToList();
        return new ProcessCriteriaAssessment(factors.Sum(f => f.Contribution), factors);
    }

    /// <summary>0 at 0, 1 at <paramref name="full"/> and above, logarithmic in between.</summary>
    internal static double LogScale(double value, double full) =>
        value <= 0 || full <= 0 ? 0 : Math.Clamp(Math.Log(1 + value) / Math.Log(1 + full), 0, 1);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
