namespace AutomationScanner.Core.Embeddings;

/// <summary>
/// Turns short texts (task statements, activity names, rule exemplars) into unit-length sentence vectors whose dot
/// product is their cosine similarity. Shared by the risk screen, suitability and statement matching.
/// Implementations are thread-safe.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Identifies the model and its text preparation; cached vectors are only reused for the same id.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>One unit vector per text, in order. Empty or whitespace texts give a zero vector.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Frees the model's memory until the next <see cref="Embed"/> needs it again (which then reloads it). A scan calls
    /// this once its texts are embedded. Embedders without a model to free do nothing.
    /// </summary>
    void ReleaseModel()
    {
    }
}
