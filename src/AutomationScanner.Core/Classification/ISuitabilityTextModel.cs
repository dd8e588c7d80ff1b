namespace AutomationScanner.Core.Classification;

/// <summary>
/// What scores a text with its embedding: the compiled <see cref="LinearTextModel"/> on the scan path, an ML.NET
/// pipeline in training and evaluation (AutomationScanner.Training). Implementations are thread-safe.
/// </summary>
public interface ISuitabilityTextModel
{
    /// <summary>True when the model can name the word n-grams behind a prediction.</summary>
    bool CanExplain { get; }

    /// <summary>Scores many texts (row i of <paramref name="embeddings"/> is text i); <paramref name="topFeatures"/> &gt; 0 adds explanations.</summary>
    IReadOnlyList<TextSuitabilityPrediction> PredictBatch(IReadOnlyList<string> texts, IReadOnlyList<float[]> embeddings, int topFeatures = 0);
}
