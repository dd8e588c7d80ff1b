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

    /// <summary>
    /// Starts loading the model on another thread, for a caller that knows texts are coming (a scan whose embedding
    /// cache held nothing): the load then overlaps the caller's own work, and the first <see cref="Embed"/> waits for
    /// it. <see cref="ReleaseModel"/> stops a load that has not begun and frees one that has. Embedders without a model
    /// to load do nothing.
    /// </summary>
    void PreloadModel()
    {
    }
}
