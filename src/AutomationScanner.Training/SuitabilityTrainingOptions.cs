namespace AutomationScanner.Training;

public enum SuitabilityTrainer
{
    /// <summary>Multinomial logistic regression by L-BFGS with L1 + L2 regularisation.</summary>
    LbfgsMaximumEntropy,

    /// <summary>Multinomial logistic regression by SDCA.</summary>
    SdcaMaximumEntropy,

    /// <summary>Gradient-boosted trees (LightGBM, multiclass).</summary>
    LightGbm,
}

public enum TextFeaturization
{
    /// <summary>The 384-dimensional sentence embedding (all-MiniLM-L6-v2) of the text, nothing else.</summary>
    Embedding,

    /// <summary>The sentence embedding plus word unigrams and bigrams (TF-IDF, L2-normalised), English stop words removed.</summary>
    EmbeddingAndWordNgrams,

    /// <summary>Word unigrams and bigrams (TF-IDF, L2-normalised), English stop words removed: the n-gram baseline.</summary>
    WordNgrams,

    /// <summary>Word unigrams and bigrams plus character trigrams, each block TF-IDF and L2-normalised (the model before #13).</summary>
    WordAndCharNgramsTfIdf,
}

/// <summary>How the suitability model is trained. The defaults are the configuration of the shipped model.</summary>
public sealed record SuitabilityTrainingOptions
{
    public SuitabilityTrainer Trainer { get; init; } = SuitabilityTrainer.LbfgsMaximumEntropy;

    public TextFeaturization Featurization { get; init; } = TextFeaturization.EmbeddingAndWordNgrams;

    /// <summary>Seed of every <c>MLContext</c> (CONVENTIONS: 1); the same data and seed give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>L2 regularisation of the maximum-entropy trainers; null keeps the default here (L-BFGS 1, SDCA auto).</summary>
    public float? L2Regularization { get; init; }

    /// <summary>L1 regularisation of the L-BFGS trainer; null keeps the default here (0.01).</summary>
    public float? L1Regularization { get; init; }

    /// <summary>
    /// Boosting rounds of the LightGBM trainer (200, the configuration compared in the model evaluation). Tests that only
    /// check the shape of a LightGBM model train with fewer (round 49, CI time: 200 rounds on 384 dense features were
    /// 54 of the Core tests' test-seconds).
    /// </summary>
    public int BoostingRounds { get; init; } = 200;

    /// <summary>Whether the features need the sentence embedding of the text.</summary>
    public bool UsesEmbedding => Featurization is TextFeaturization.Embedding or TextFeaturization.EmbeddingAndWordNgrams;

    public override string ToString() =>
        $"{Featurization} + {Trainer}{(L2Regularization is { } l2 ? FormattableString.Invariant($" L2={l2}") : string.Empty)}{(L1Regularization is { } l1 ? FormattableString.Invariant($" L1={l1}") : string.Empty)}{(Trainer == SuitabilityTrainer.LightGbm && BoostingRounds != 200 ? FormattableString.Invariant($" rounds={BoostingRounds}") : string.Empty)}";
}
