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
    public SuitabilityTrainer Trainer { get; init; } = SuitabilityTrainer.LbfgsMaximumEntropy;

    public TextFeaturization Featurization { get; init; } = TextFeaturization.WordAndCharNgramsTfIdf;

    /// <summary>Seed of every <c>MLContext</c> (CONVENTIONS: 1); the same data and seed give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>L2 regularisation of the maximum-entropy trainers; null keeps the trainer's default here.</summary>
    public float? L2Regularization { get; init; }

    /// <summary>L1 regularisation of the L-BFGS trainer; null keeps the default here (0.01).</summary>
    public float? L1Regularization { get; init; }

    public override string ToString() =>
        $"{Featurization} + {Trainer}{(L2Regularization is { } l2 ? FormattableString.Invariant($" L2={l2}") : string.Empty)}{(L1Regularization is { } l1 ? FormattableString.Invariant($" L1={l1}") : string.Empty)}";
}
