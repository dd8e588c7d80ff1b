namespace AutomationScanner.Core.Ranking;

/// <summary>What the ranking says to do with an opportunity.</summary>
public enum Recommendation
{
    Recommended,
    RecommendedWithSafeguards,
    Backlog,

    /// <summary>The handling time is only assumed: collect times (or a work study) before deciding.</summary>
    NeedsData,

    /// <summary>Prohibited practice (Art. 5): never recommended, whatever its value.</summary>
    NotRecommended,
}
