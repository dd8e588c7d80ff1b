using System.Globalization;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Scanning;

namespace AutomationScanner.Core.Classification;

/// <summary>How the text model and the process criteria are combined.</summary>
public sealed record SuitabilityScoringOptions
{
    /// <summary>Share of the text model in the score when the task has process metrics (the rest is the criteria).</summary>
    public double TextWeight { get; init; } = 0.6;

    /// <summary>Share of the text model when its input was mostly unknown words (non-English, codes).</summary>
    public double LowConfidenceTextWeight { get; init; } = 0.3;

    /// <summary>How many text features to report per task.</summary>
    public int TopFeatures { get; init; } = 5;

    /// <summary>Document statements scored per task, besides its name.</summary>
    public int MaximumStatements { get; init; } = 3;

    public ProcessCriteriaWeights Criteria { get; init; } = new();
}

/// <summary>The suitability of one task: the combined score, every part of it, and the text model's view.</summary>
public sealed record SuitabilityAssessment
{
    public required string TaskId { get; init; }

    /// <summary>0..1, the sum of the contributions in <see cref="Factors"/>.</summary>
    public required double Score { get; init; }

    public required IReadOnlyList<ScoreFactor> Factors { get; init; }

    /// <summary>Class the text model predicts for the main text.</summary>
    public required ExposureClass Class { get; init; }

    /// <summary>P(E1) + P(E2) from the text model, averaged over the texts scored.</summary>
    public required double TextProbability { get; init; }

    /// <summary>The process criteria score, when the task was mined from a log.</summary>
    public double? ProcessScore { get; init; }

    /// <summary>The texts the model read: the normalised activity name, then document statements.</summary>
    public required IReadOnlyList<string> ScoredTexts { get; init; }

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

/// <summary>
/// Combines the text model (on the normalised activity name and any document statements) with the process criteria
/// into one score whose parts are all visible. Thread-safe: it holds no mutable state.
/// </summary>
public sealed class SuitabilityScorer(SuitabilityModel model, SuitabilityScoringOptions? options = null)
{
    private readonly SuitabilityScoringOptions options = options ?? new SuitabilityScoringOptions();

    public IReadOnlyList<SuitabilityAssessment> Assess(IReadOnlyList<TaskCandidate> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var textsPerCandidate = candidates.Select(TextsOf).ToArray();
        var flat = textsPerCandidate.SelectMany(t => t).ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        var predictions = flat.Length == 0 ? [] : model.PredictBatch(flat, options.TopFeatures);

        var results = new SuitabilityAssessment[candidates.Count];
        var offset = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var count = textsPerCandidate[i].Count;
            var own = new TextSuitabilityPrediction[count];
            for (var k = 0; k < count; k++)
            {
                own[k] = predictions[offset + k];
            }

            results[i] = Combine(candidates[i], textsPerCandidate[i], own);
            offset += count;
        }

        return results;
    }

    private List<string> TextsOf(TaskCandidate candidate)
    {
        var texts = new List<string> { ActivityNameNormalizer.Normalize(candidate.Name) };
        texts.AddRange(candidate.Statements.Take(options.MaximumStatements).Select(s => s.Text));
        return texts;
    }

    private SuitabilityAssessment Combine(TaskCandidate candidate, List<string> texts, TextSuitabilityPrediction[] predictions)
    {
        var confident = predictions.Where(p => !p.LowConfidence).ToArray();
        var lowConfidence = confident.Length == 0;
        var used = lowConfidence ? predictions : confident;
        var textProbability = used.Average(p => p.ExposedProbability);
        var main = used[0];

        var factors = new List<ScoreFactor>();
        double? processScore = null;
        var textWeight = 1.0;
        if (candidate.Statistics is { } statistics)
        {
            var criteria = ProcessCriteria.Evaluate(statistics, options.Criteria);
            processScore = criteria.Score;
            textWeight = lowConfidence ? options.LowConfidenceTextWeight : options.TextWeight;
            factors.Add(TextFactor(textProbability, textWeight, used.Length, main));
            factors.AddRange(criteria.Factors.Select(f => f with
            {
                Name = "Process: " + f.Name,
                Weight = f.Weight * (1 - textWeight),
                Contribution = f.Contribution * (1 - textWeight),
            }));
        }
        else
        {
            factors.Add(TextFactor(textProbability, textWeight, used.Length, main));
        }

        var note = lowConfidence
            ? string.Create(CultureInfo.InvariantCulture,
                $"The text model knew {main.KnownWords} of {main.Words} content words in \"{texts[0]}\" (non-English or coded names?); its share of the score is reduced.")
            : null;

        return new SuitabilityAssessment
        {
            TaskId = candidate.Id,
            Score = factors.Sum(f => f.Contribution),
            Factors = factors,
            Class = main.Class,
            TextProbability = textProbability,
            ProcessScore = processScore,
            ScoredTexts = texts,
            TopTextFeatures = main.TopFeatures,
            LowConfidence = lowConfidence,
            ConfidenceNote = note,
        };
    }

    private static ScoreFactor TextFactor(double probability, double weight, int texts, TextSuitabilityPrediction main) => new(
        "Text model: exposure E1+E2",
        probability,
        weight,
        probability * weight,
        string.Create(CultureInfo.InvariantCulture,
            $"ML.NET model trained on human labels of O*NET tasks (Eloundou et al. 2023); P(E1)+P(E2) averaged over {texts} text(s); class {main.Class.ToCode()}"));
}
