using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Classification;

/// <summary>The suitability of one task: the combined score, every part of it, and the text model's view.</summary>
public sealed record SuitabilityAssessment
{
    public required string TaskId { get; init; }

    /// <summary>0..1, the sum of the contributions in <see cref="Factors"/>.</summary>
    public required double Score { get; init; }

    public required IReadOnlyList<ScoreFactor> Factors { get; init; }

    /// <summary>Class the text model predicts for the main text.</summary>
    public required ExposureClass Class { get; init; }

    /// <summary>The text model's automation score (expected GPT-4 automation rating T0-T4 / 4), averaged over the texts scored.</summary>
    public required double TextProbability { get; init; }

    /// <summary>P(E1) + P(E2) from the text model's exposure head, averaged over the texts scored.</summary>
    public double ExposedProbability { get; init; }

    /// <summary>The process criteria score, when the task was mined from a log.</summary>
    public double? ProcessScore { get; init; }

    /// <summary>The texts the model read: the normalised activity name, then document statements.</summary>
    public required IReadOnlyList<string> ScoredTexts { get; init; }

    /// <summary>O*NET task statements nearest to the name (cosine similarity of sentence embeddings); those read are in the score.</summary>
    public IReadOnlyList<TaskNeighbour> NearestTasks { get; init; } = [];

    public required IReadOnlyList<TextFeatureContribution> TopTextFeatures { get; init; }

    /// <summary>True when the text model knew too few of the words (non-English names, codes).</summary>
    public required bool LowConfidence { get; init; }

    public string? ConfidenceNote { get; init; }

    /// <summary>
    /// Blends in a second opinion (the LLM's validated suitability) with <paramref name="weight"/>: every existing part
    /// is scaled by 1 - weight and one part is added, so the parts still add up to the score.
    /// </summary>
    public SuitabilityAssessment WithSecondOpinion(double opinion, double weight, string source)
    {
        weight = Math.Clamp(weight, 0, 1);
        opinion = Math.Clamp(opinion, 0, 1);
        return this with
        {
            Score = (1 - weight) * Score + weight * opinion,
            Factors =
            [
                .. Factors.Select(f => f with { Weight = f.Weight * (1 - weight), Contribution = f.Contribution * (1 - weight) }),
                new ScoreFactor("LLM second opinion", opinion, weight, weight * opinion, source),
            ],
        };
    }
}
