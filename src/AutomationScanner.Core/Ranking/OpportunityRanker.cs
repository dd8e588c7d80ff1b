using System.Globalization;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ranking;

/// <summary>
/// Risk-adjusted priority:
/// priority = 100 x (wV x value + wS x suitability + wE x ease) x (0.5 + 0.5 x confidence) x risk multiplier.
/// Prohibited items get multiplier 0, are never recommended and rank last.
/// </summary>
public sealed class OpportunityRanker(RankingOptions options, ValueOptions valueOptions)
{
    private const double KindWeight = 0.4;
    private const double VariabilityWeight = 0.4;
    private const double SystemsWeight = 0.2;

    public IReadOnlyList<RankedOpportunity> Rank(IEnumerable<RankingInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var scored = inputs.Select(Score).ToList();
        // What cannot be sized (assumed handling time: needs data) follows everything sized from the data, whatever its score.
        return [.. scored
            .OrderBy(o => o.Risk.IsProhibited)
            .ThenBy(o => o.Recommendation == Recommendation.NeedsData)
            .ThenByDescending(o => o.Priority)
            .ThenByDescending(o => o.Value.BenefitHours.P50)
            .ThenBy(o => o.Candidate.Id, StringComparer.Ordinal)
            .Select((o, i) => o with { Rank = i + 1 })];
    }

    /// <summary>Scores one task; its rank is 0 until <see cref="Rank"/> orders the whole list.</summary>
    public RankedOpportunity Score(RankingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var value = input.Value;
        var saturation = options.ValueSaturationHours ?? valueOptions.HoursPerFte;
        var valueScore = Math.Min(1, Math.Log(1 + Math.Max(0, value.BenefitHours.P50)) / Math.Log(1 + saturation));
        var (kind, kindText) = KindEase(input.Candidate);
        var (variability, variabilityText) = VariabilityEase(input.Candidate);
        var (systems, systemsText) = SystemsEase(input.Candidate);
        var ease = (KindWeight * kind) + (VariabilityWeight * variability) + (SystemsWeight * systems);

        var why = new List<ScoreFactor>
        {
            Additive("value", valueScore, options.ValueWeight, Invariant($"{value.BenefitHours.P50:0} benefit h/year (P50), log scale saturating at {saturation:0} h")),
            Additive("suitability", value.Suitability, options.SuitabilityWeight, Invariant($"automation potential {value.Suitability:P0}")),
            Additive("ease: automation kind", kind, options.EaseWeight * KindWeight, kindText),
            Additive("ease: variability", variability, options.EaseWeight * VariabilityWeight, variabilityText),
            Additive("ease: systems", systems, options.EaseWeight * SystemsWeight, systemsText),
        };
        var basePoints = why.Sum(f => f.Contribution);

        var confidenceFactor = 0.5 + (0.5 * value.Confidence);
        why.Add(new ScoreFactor(
            "confidence",
            value.Confidence,
            confidenceFactor,
            basePoints * (confidenceFactor - 1),
            value.ConfidenceReasons.Count == 0 ? "no data-quality problems" : string.Join("; ", value.ConfidenceReasons)));

        var riskFactor = input.Risk.Tier switch
        {
            RiskTier.Prohibited => 0,
            RiskTier.High => options.HighRiskMultiplier,
            RiskTier.Limited => options.LimitedRiskMultiplier,
            _ => 1,
        };
        why.Add(new ScoreFactor(
            "risk",
            (double)input.Risk.Tier,
            riskFactor,
            basePoints * confidenceFactor * (riskFactor - 1),
            $"{input.Risk.Tier} risk" + (input.Risk.Hits.Count > 0 ? ": " + string.Join(", ", input.Risk.Hits.Where(h => h.Applied).Select(h => h.RuleId).Distinct()) : "")));

        var priority = Math.Round(basePoints * confidenceFactor * riskFactor, 6);
        // Only work and decisions are opportunities; a task whose handling time is only assumed needs data first.
        var recommendation = input.Risk.IsProhibited ? Recommendation.NotRecommended
            : !input.Candidate.Kind.IsTask() ? Recommendation.Backlog
            : value.HandlingBasis == HandlingTimeBasis.Assumed ? Recommendation.NeedsData
            : priority < options.RecommendThreshold ? Recommendation.Backlog
            : input.Risk.Safeguards.Count > 0 ? Recommendation.RecommendedWithSafeguards
            : Recommendation.Recommended;
        return new RankedOpportunity
        {
            Rank = 0,
            Candidate = input.Candidate,
            Priority = priority,
            Recommendation = recommendation,
            Ease = ease,
            Value = value,
            Risk = input.Risk,
            Why = why,
        };
    }

    private static ScoreFactor Additive(string name, double value, double weight, string explanation) =>
        new(name, value, weight, 100 * weight * value, explanation);

    /// <summary>User-system steps are what software automates best; manual (physical) steps least.</summary>
    private static (double Score, string Text) KindEase(TaskCandidate candidate)
    {
        var statements = candidate.Statements.Where(s => !s.SuspectedInjection).ToList();
        if (statements.Count == 0)
        {
            return (1.0, "system activity in an event log (user-system)");
        }

        var kind = statements.GroupBy(s => s.Interaction).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return kind switch
        {
            InteractionKind.UserSystem => (1.0, "user-system steps"),
            InteractionKind.Automated => (0.8, "already partly automated steps"),
            _ => (0.4, "manual steps"),
        };
    }

    /// <summary>1 / (1 + mean of predecessor and successor entropy in bits): 1 for a fixed sequence.</summary>
    private static (double Score, string Text) VariabilityEase(TaskCandidate candidate)
    {
        if (candidate.Statistics is not { } s)
        {
            return (0.5, "variability unknown (no log)");
        }

        var entropy = (s.PredecessorEntropy + s.SuccessorEntropy) / 2;
        return (1 / (1 + entropy), Invariant($"mean predecessor/successor entropy {entropy:0.##} bits"));
    }

    /// <summary>1 / (1 + 0.25 x (systems - 1)); unknown counts as 0.8.</summary>
    private static (double Score, string Text) SystemsEase(TaskCandidate candidate)
    {
        var systems = candidate.Statements.Where(s => !s.SuspectedInjection).SelectMany(s => s.Systems).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        return systems == 0
            ? (0.8, "systems unknown")
            : (1 / (1 + (0.25 * (systems - 1))), Invariant($"{systems} system(s)"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
