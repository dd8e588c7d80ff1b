using System.Globalization;
using System.Runtime.CompilerServices;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Classification;

/// <summary>
/// Combines the text model with the process criteria into one score whose parts are all visible. The text part reads
/// the normalised activity name, the O*NET task statements nearest to it (sentence embeddings; each weighs its
/// similarity) and matched document statements; a name the model cannot read (mostly unknown words, or nothing like
/// an occupational task near it) gets a neutral text score and a smaller share. Thread-safe: no mutable state.
/// </summary>
public sealed class SuitabilityScorer(SuitabilityModel model, SuitabilityScoringOptions? options = null)
{
    /// <summary>Candidates per parallel partition.</summary>
    private const int ParallelChunk = 256;

    /// <summary>Neighbour and statement counts below which text explanations are kept (<see cref="TextExplanation"/>).</summary>
    private const int ExplanationCounts = 8;

    private const int ExplanationClasses = 3;

    private readonly SuitabilityScoringOptions options = options ?? new SuitabilityScoringOptions();

    // The text explanations formatted so far, by (text read, neighbours read, statements read, exposure class).
    private readonly string?[] explanations = new string?[3 * ExplanationCounts * ExplanationCounts * ExplanationClasses];

    public SuitabilityModel Model => model;

    /// <param name="candidates">The tasks to assess.</param>
    /// <param name="cancellationToken">Stops the assessment.</param>
    /// <param name="embedded">Called once every text is embedded, before the statement index is read (a scan frees the
    /// embedding model there, so the model and the index are never in memory together).</param>
    public IReadOnlyList<SuitabilityAssessment> Assess(IReadOnlyList<TaskCandidate> candidates, CancellationToken cancellationToken = default, Action? embedded = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        // Every text read, in one array: candidate i's are texts[offsets[i]..offsets[i + 1]], its normalised name first,
        // then its document statements. Activities that are not tasks (states, measurements, waits, system steps...) are
        // not read as tasks at all: they have no texts.
        var offsets = new int[candidates.Count + 1];
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            offsets[i + 1] = offsets[i] + (candidate.Kind.IsTask() ? 1 + Math.Clamp(candidate.Statements.Count, 0, Math.Max(0, options.MaximumStatements)) : 0);
        }

        // Normalising names is independent per candidate, so it runs in parallel partitions.
        var texts = new string[offsets[^1]];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, Chunks(candidates.Count), parallel, chunk => ReadTexts(candidates, offsets, texts, chunk));
        var embeddings = texts.Length == 0 ? [] : model.Embedder.Embed(texts, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        embedded?.Invoke();
        var predictions = texts.Length == 0 ? [] : model.PredictBatch(texts, embeddings, options.TopFeatures);
        var index = options.NearestTasks > 0 ? model.Index : null;

        // The nearest-statement search (the costly part) runs once per distinct name vector: the embedder hands out one
        // array per distinct text, so candidates that share a name (the same activity in several processes or exports)
        // share one search. Searches and candidates are each independent, so both run in parallel partitions without
        // changing any result.
        var queryOf = new int[candidates.Count];
        var queries = new List<float[]>();
        if (index is not null)
        {
            var queryIds = new Dictionary<float[], int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < candidates.Count; i++)
            {
                if (offsets[i + 1] > offsets[i])
                {
                    var vector = embeddings[offsets[i]];
                    if (!queryIds.TryGetValue(vector, out var id))
                    {
                        id = queries.Count;
                        queryIds[vector] = id;
                        queries.Add(vector);
                    }

                    queryOf[i] = id;
                }
            }
        }

        var nearest = new IReadOnlyList<TaskNeighbour>[queries.Count];
        Parallel.For(0, Chunks(queries.Count), parallel, chunk => Search(index!, queries, nearest, chunk));
        var results = new SuitabilityAssessment[candidates.Count];
        Parallel.For(0, Chunks(candidates.Count), parallel, chunk => CombineChunk(candidates, offsets, texts, predictions, index is null ? null : nearest, queryOf, results, chunk));
        return results;
    }

    private static int Chunks(int count) => (count + ParallelChunk - 1) / ParallelChunk;

    /// <summary>The nearest statements of the queries of one partition.</summary>
    /// <remarks>This and the other per-partition methods are fully optimised from their first call (<c>AggressiveOptimization</c>):
    /// a scan runs them once per batch, so tiered compilation would otherwise run them slow, then compile them again.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Search(TaskStatementIndex index, List<float[]> queries, IReadOnlyList<TaskNeighbour>[] nearest, int chunk)
    {
        var first = chunk * ParallelChunk;
        index.Nearest(queries.GetRange(first, Math.Min(ParallelChunk, queries.Count - first)), options.NearestTasks).CopyTo(nearest, first);
    }

    /// <summary>The assessments of the candidates of one partition (<paramref name="nearest"/> null: no index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CombineChunk(
        IReadOnlyList<TaskCandidate> candidates, int[] offsets, string[] texts, IReadOnlyList<TextSuitabilityPrediction> predictions,
        IReadOnlyList<TaskNeighbour>[]? nearest, int[] queryOf, SuitabilityAssessment[] results, int chunk)
    {
        var last = Math.Min(candidates.Count, (chunk + 1) * ParallelChunk);
        for (var i = chunk * ParallelChunk; i < last; i++)
        {
            var count = offsets[i + 1] - offsets[i];
            results[i] = count == 0
                ? NotATask(candidates[i])
                : Combine(candidates[i], texts.AsSpan(offsets[i], count).ToArray(), predictions, offsets[i], nearest is null ? [] : nearest[queryOf[i]]);
        }
    }

    /// <summary>The texts of the candidates of one partition: each task's normalised name, then its first document statements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadTexts(IReadOnlyList<TaskCandidate> candidates, int[] offsets, string[] texts, int chunk)
    {
        var last = Math.Min(candidates.Count, (chunk + 1) * ParallelChunk);
        for (var i = chunk * ParallelChunk; i < last; i++)
        {
            var at = offsets[i];
            if (offsets[i + 1] == at)
            {
                continue;
            }

            texts[at] = ActivityNameNormalizer.Normalize(candidates[i].Name);
            var statements = candidates[i].Statements;
            for (var k = 1; at + k < offsets[i + 1]; k++)
            {
                texts[at + k] = statements[k - 1].Text;
            }
        }
    }

    private static SuitabilityAssessment NotATask(TaskCandidate candidate)
    {
        var kind = candidate.Kind.ToString().ToLowerInvariant();
        return new SuitabilityAssessment
        {
            TaskId = candidate.Id,
            Score = 0,
            Factors = [new ScoreFactor("Not a task", 0, 1, 0, $"Activity kind '{kind}': not work a person performs, so not scored for automation.")],
            Class = ExposureClass.NoExposure,
            TextProbability = 0,
            ScoredTexts = [],
            TopTextFeatures = [],
            LowConfidence = true,
            ConfidenceNote = $"Not scored: the activity is a {kind}, not a task.",
        };
    }

    /// <summary>
    /// One task's assessment from its texts' predictions (<paramref name="predictions"/> from <paramref name="first"/>, the
    /// name's first) and the statements nearest to its name. The text score is the weighted mean over the texts read, summed
    /// in their order: the name, the neighbours read, the readable document statements.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SuitabilityAssessment Combine(
        TaskCandidate candidate, string[] texts, IReadOnlyList<TextSuitabilityPrediction> predictions, int first, IReadOnlyList<TaskNeighbour> neighbours)
    {
        var name = predictions[first];
        var best = neighbours.Count == 0 ? 0 : neighbours[0].Similarity;
        var nameReadable = !name.LowConfidence && (neighbours.Count == 0 || best >= options.ReadableSimilarity);

        // Weighted sums of (automation score, exposed probability) over the texts read.
        double weightSum = 0, automationSum = 0, exposedSum = 0;
        var parts = 0;
        var read = 0;
        if (nameReadable)
        {
            Add(name.AutomationScore, name.ExposedProbability, options.NameWeight);
            for (var n = 0; n < neighbours.Count; n++)
            {
                var neighbour = neighbours[n];
                if (neighbour.Similarity >= options.NeighbourSimilarity)
                {
                    Add(neighbour.AutomationScore, neighbour.ExposedProbability, neighbour.Similarity);
                    read++;
                }
            }
        }

        var statementsRead = 0;
        for (var k = 1; k < texts.Length; k++)
        {
            var statement = predictions[first + k];
            if (!statement.LowConfidence)
            {
                Add(statement.AutomationScore, statement.ExposedProbability, 1.0);
                statementsRead++;
            }
        }

        var lowConfidence = parts == 0;
        var textScore = lowConfidence ? options.UnreadableTextScore : automationSum / weightSum;
        var exposed = lowConfidence ? name.ExposedProbability : exposedSum / weightSum;
        var explanation = TextExplanation(lowConfidence, nameReadable, read, statementsRead, name.Class);

        var factors = new List<ScoreFactor>();
        double? processScore = null;
        var textWeight = 1.0;
        if (candidate.Statistics is { } statistics)
        {
            var criteria = ProcessCriteria.Evaluate(statistics, options.Criteria);
            processScore = criteria.Score;
            textWeight = lowConfidence ? options.LowConfidenceTextWeight : options.TextWeight;
            factors.Add(TextFactor(textScore, textWeight, explanation));
            foreach (var factor in criteria.Factors)
            {
                factors.Add(factor with
                {
                    Name = "Process: " + factor.Name,
                    Weight = factor.Weight * (1 - textWeight),
                    Contribution = factor.Contribution * (1 - textWeight),
                });
            }
        }
        else
        {
            factors.Add(TextFactor(textScore, textWeight, explanation));
        }

        string? note = null;
        if (lowConfidence)
        {
            note = string.Create(CultureInfo.InvariantCulture,
                $"The text model cannot read \"{texts[0]}\" ({name.KnownWords} of {name.Words} content words known; nearest O*NET task similarity {best:0.00}): a code, abbreviation or non-English name? Its text score is neutral and its share reduced.");
        }
        else if (!nameReadable)
        {
            note = string.Create(CultureInfo.InvariantCulture,
                $"The name \"{texts[0]}\" was not read (unknown words or nothing similar among O*NET tasks); the score rests on the task's document statements.");
        }

        var score = 0.0;
        foreach (var factor in factors)
        {
            score += factor.Contribution;
        }

        return new SuitabilityAssessment
        {
            TaskId = candidate.Id,
            Score = score,
            Factors = factors,
            Class = name.Class,
            TextProbability = textScore,
            ExposedProbability = exposed,
            ProcessScore = processScore,
            ScoredTexts = texts,
            NearestTasks = neighbours,
            TopTextFeatures = nameReadable ? name.TopFeatures : [],
            LowConfidence = lowConfidence,
            ConfidenceNote = note,
        };

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        void Add(double automation, double exposedProbability, double weight)
        {
            weightSum += weight;
            automationSum += automation * weight;
            exposedSum += exposedProbability * weight;
            parts++;
        }
    }

    private static ScoreFactor TextFactor(double score, double weight, string explanation) =>
        new("Text model: automation rating", score, weight, score * weight, explanation);

    /// <summary>
    /// The text factor's explanation: what the text score was read from and the name's exposure class. It takes few
    /// values (the counts are small), so the common ones are formatted once per scorer and shared.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string TextExplanation(bool lowConfidence, bool nameReadable, int read, int statementsRead, ExposureClass exposureClass)
    {
        var mode = lowConfidence ? 0 : nameReadable ? 1 : 2;
        var cached = read < ExplanationCounts && statementsRead < ExplanationCounts && (uint)exposureClass < ExplanationClasses;
        var slot = cached ? (((((mode * ExplanationCounts) + read) * ExplanationCounts) + statementsRead) * ExplanationClasses) + (int)exposureClass : -1;
        if (cached && Volatile.Read(ref explanations[slot]) is { } known)
        {
            return known;
        }

        var description = lowConfidence
            ? "no readable text: neutral score (mean of the training statements)"
            : string.Create(CultureInfo.InvariantCulture,
                $"{(nameReadable ? "name" : "name not read")}, {read} nearest O*NET task(s), {statementsRead} document statement(s)");
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"ML.NET model on sentence embeddings, trained on GPT-4's automation ratings T0-T4 of O*NET tasks (Eloundou et al. 2023): expected rating / 4 from {description}; exposure class of the name {exposureClass.ToCode()}");
        if (cached)
        {
            Volatile.Write(ref explanations[slot], explanation);
        }

        return explanation;
    }
}
