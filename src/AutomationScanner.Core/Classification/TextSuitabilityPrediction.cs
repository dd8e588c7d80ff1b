using System.Runtime.CompilerServices;

namespace AutomationScanner.Core.Classification;

/// <summary>The text model's verdict on one text.</summary>
public sealed record TextSuitabilityPrediction
{
    /// <summary>Most probable exposure class (E0-E2, human labels of Eloundou et al. 2023).</summary>
    public required ExposureClass Class { get; init; }

    /// <summary>P(E0), P(E1), P(E2).</summary>
    public required IReadOnlyList<float> Probabilities { get; init; }

    /// <summary>P(E1) + P(E2).</summary>
    public double ExposedProbability => 1.0 - Probabilities[(int)ExposureClass.NoExposure];

    /// <summary>P(T0) .. P(T4): GPT-4's automation rating as the model predicts it.</summary>
    public required IReadOnlyList<float> AutomationProbabilities { get; init; }

    /// <summary>Expected automation rating / 4, in 0..1: the score that ranks automation potential.</summary>
    public double AutomationScore => SuitabilityModelFormat.ExpectedRating(AutomationProbabilities);

    /// <summary>Content words (stop words removed) in the text.</summary>
    public required int Words { get; init; }

    /// <summary>Content words the model saw in training.</summary>
    public required int KnownWords { get; init; }

    /// <summary>True when fewer than half of the content words are known (non-English text, jargon, codes).</summary>
    public bool LowConfidence => Words == 0 || KnownWords * 2 < Words;

    /// <summary>Largest contributions by magnitude; empty when not asked for or when the model has no named features.</summary>
    public IReadOnlyList<TextFeatureContribution> TopFeatures { get; init; } = [];

    /// <summary>A verdict from the class probabilities; <see cref="Class"/> is the most probable exposure class (first on ties).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TextSuitabilityPrediction From(
        float[] exposure, float[] automation, int words, int knownWords, IReadOnlyList<TextFeatureContribution> topFeatures)
    {
        var best = 0;
        for (var i = 1; i < exposure.Length; i++)
        {
            if (exposure[i] > exposure[best])
            {
                best = i;
            }
        }

        return new TextSuitabilityPrediction
        {
            Class = (ExposureClass)best,
            Probabilities = exposure,
            AutomationProbabilities = automation,
            Words = words,
            KnownWords = knownWords,
            TopFeatures = topFeatures,
        };
    }
}
