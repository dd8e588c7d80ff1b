namespace AutomationScanner.Core.Ranking;

/// <summary>How much of the benefit rests on measured, estimated or assumed handling times.</summary>
/// <param name="Basis">The handling-time basis.</param>
/// <param name="Opportunities">Opportunities on this basis.</param>
/// <param name="Recommended">Of which recommended (with or without safeguards).</param>
/// <param name="BenefitHours">Benefit hours a year (P50) of all opportunities on this basis.</param>
/// <param name="RecommendedBenefitHours">Benefit hours a year (P50) of the recommended ones.</param>
/// <param name="ShareOfRecommendedBenefit">RecommendedBenefitHours over the recommended benefit of every basis, 0..1.</param>
/// <param name="RecommendedMoney">Money a year (P50) of the recommended ones, in the report's currency.</param>
public sealed record BenefitByBasis(
    HandlingTimeBasis Basis,
    int Opportunities,
    int Recommended,
    double BenefitHours,
    double RecommendedBenefitHours,
    double ShareOfRecommendedBenefit,
    double RecommendedMoney)
{
    public static IReadOnlyList<BenefitByBasis> From(IReadOnlyList<Opportunity> opportunities)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        static bool IsRecommended(Opportunity o) => o.Recommendation is Recommendation.Recommended or Recommendation.RecommendedWithSafeguards;
        var totalRecommended = opportunities.Where(IsRecommended).Sum(o => o.Value.BenefitHours.P50);
        return [.. Enum.GetValues<HandlingTimeBasis>().Select(basis =>
        {
            var on = opportunities.Where(o => o.HandlingBasis == basis).ToList();
            var recommended = on.Where(IsRecommended).ToList();
            var hours = recommended.Sum(o => o.Value.BenefitHours.P50);
            return new BenefitByBasis(basis, on.Count, recommended.Count, on.Sum(o => o.Value.BenefitHours.P50), hours,
                totalRecommended > 0 ? hours / totalRecommended : 0, recommended.Sum(o => o.Value.Money.P50));
        })];
    }
}
