namespace AutomationScanner.Core.Classification;

public enum SuitabilityTrainer
{
    /// <summary>Multinomial logistic regression by SDCA: linear, so its n-gram weights explain each prediction.</summary>
    SdcaMaximumEntropy,

    /// <summary>Multinomial logistic regression by L-BFGS with L1 + L2 regularisation.</summary>
    LbfgsMaximumEntropy,

    /// <summary>One-versus-all averaged perceptrons (calibrated per class).</summary>
    OvaAveragedPerceptron,

    /// <summary>Gradient-boosted trees (LightGBM, multiclass).</summary>
    LightGbm,
}

public enum TextFeaturization
{
    /// <summary>Word unigrams and bigrams (term frequency, L2-normalised), English stop words removed.</summary>
    WordNgrams,

    /// <summary>Word unigrams and bigrams plus character trigrams, each block L2-normalised.</summary>
    WordAndCharNgrams,

    /// <summary>As <see cref="WordAndCharNgrams"/>, weighted by TF-IDF.</summary>
    WordAndCharNgramsTfIdf,
}

/// <summary>How the suitability model is trained. The defaults are the configuration of the shipped model.</summary>
public sealed record SuitabilityTrainingOptions
{
    public SuitabilityTrainer Trainer { get; init; } = SuitabilityTrainer.SdcaMaximumEntropy;

    public TextFeaturization Featurization { get; init; } = TextFeaturization.WordAndCharNgramsTfIdf;

    /// <summary>Seed of every <c>MLContext</c> (CONVENTIONS: 1); the same data and seed give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>L2 regularisation of the linear trainers; null keeps ML.NET's default.</summary>
    public float? L2Regularization { get; init; }

    public override string ToString() => $"{Featurization} + {Trainer}";
}
