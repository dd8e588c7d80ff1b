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

    /// <summary>O*NET task statements nearest to the name (by embedding) that are read with it.</summary>
    public int NearestTasks { get; init; } = 3;

    /// <summary>A nearest statement is read only when its cosine similarity to the name is at least this.</summary>
    public double NeighbourSimilarity { get; init; } = 0.45;

    /// <summary>
    /// A name whose best neighbour is less similar than this is not recognised as an occupational task (codes,
    /// abbreviations, foreign words); it is low-confidence even when its words look known.
    /// </summary>
    public double ReadableSimilarity { get; init; } = 0.35;

    /// <summary>Weight of the name's own prediction against its neighbours (each weighs its similarity).</summary>
    public double NameWeight { get; init; } = 1.0;

    /// <summary>
    /// The text score of a task the model cannot read: the mean automation score of the training statements
    /// (expected rating (0 x 4,654 + 1 x 4,675 + 2 x 2,366 + 3 x 2,846 + 4 x 92) / 14,633 / 4), neither high nor low.
    /// </summary>
    public double UnreadableTextScore { get; init; } = 0.313;

    public ProcessCriteriaWeights Criteria { get; init; } = new();
}
