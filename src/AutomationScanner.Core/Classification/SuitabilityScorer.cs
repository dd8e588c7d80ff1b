using System.Globalization;
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

    private readonly SuitabilityScoringOptions options = options ?? new SuitabilityScoringOptions();

    public SuitabilityModel Model => model;

    /// <param name="candidates">The tasks to assess.</param>
    /// <param name="cancellationToken">Stops the assessment.</param>
    /// <param name="embedded">Called once every text is embedded, before the statement index is read (a scan frees the
    /// embedding model there, so the model and the index are never in memory together).</param>
    public IReadOnlyList<SuitabilityAssessment> Assess(IReadOnlyList<TaskCandidate> candidates, CancellationToken cancellationToken = default, Action? embedded = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        // Activities that are not tasks (states, measurements, waits, system steps...) are not read as tasks at all.
        // Normalising names is independent per candidate, so it runs in the same parallel partitions as the rest.
        var textsPerCandidate = new List<string>[candidates.Count];
        Parallel.For(0, (candidates.Count + ParallelChunk - 1) / ParallelChunk, new ParallelOptions { CancellationToken = cancellationToken }, chunk =>
        {
            var last = Math.Min(candidates.Count, (chunk + 1) * ParallelChunk);
            for (var i = chunk * ParallelChunk; i < last; i++)
            {
                textsPerCandidate[i] = candidates[i].Kind.IsTask() ? TextsOf(candidates[i]) : [];
            }
        });
        var flat = textsPerCandidate.SelectMany(t => t).ToArray();
        var embeddings = flat.Length == 0 ? [] : model.Embedder.Embed(flat, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        embedded?.Invoke();
        var predictions = flat.Length == 0 ? [] : model.PredictBatch(flat, embeddings, options.TopFeatures);
        var index = options.NearestTasks > 0 ? model.Index : null;

        var offsets = new int[candidates.Count];
        for (var i = 1; i < candidates.Count; i++)
        {
            offsets[i] = offsets[i - 1] + textsPerCandidate[i - 1].Count;
        }

        // The nearest-statement search (the costly part) runs once per distinct name vector: the embedder hands out one
        // array per distinct text, so candidates that share a name (the same activity in several processes or exports)
        // share one search. Searches and candidates are each independent, so both run in parallel partitions without
        // changing any result.
        var queryOf = new int[candidates.Count];
        var queries = new List<float[]>();
        var queryIds = new Dictionary<float[], int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (index is not null && textsPerCandidate[i].Count > 0)
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

        var nearest = new IReadOnlyList<TaskNeighbour>[queries.Count];
        Parallel.For(0, (queries.Count + ParallelChunk - 1) / ParallelChunk, new ParallelOptions { CancellationToken = cancellationToken }, chunk =>
        {
            var first = chunk * ParallelChunk;
            var found = index!.Nearest(queries.GetRange(first, Math.Min(ParallelChunk, queries.Count - first)), options.NearestTasks);
            found.CopyTo(nearest, first);
        });

        var results = new SuitabilityAssessment[candidates.Count];
        Parallel.For(0, (candidates.Count + ParallelChunk - 1) / ParallelChunk, new ParallelOptions { CancellationToken = cancellationToken }, chunk =>
        {
            var first = chunk * ParallelChunk;
            var last = Math.Min(candidates.Count, (chunk + 1) * ParallelChunk);
            for (var i = first; i < last; i++)
            {
                var count = textsPerCandidate[i].Count;
                if (count == 0)
                {
                    results[i] = NotATask(candidates[i]);
                    continue;
                }

                var own = new TextSuitabilityPrediction[count];
                for (var k = 0; k < count; k++)
                {
                    own[k] = predictions[offsets[i] + k];
                }

                var neighbours = index is null ? [] : nearest[queryOf[i]];
                results[i] = Combine(candidates[i], textsPerCandidate[i], own, neighbours);
            }
        });

        return results;
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

    private List<string> TextsOf(TaskCandidate candidate)
    {
        var texts = new List<string> { ActivityNameNormalizer.Normalize(candidate.Name) };
        texts.AddRange(candidate.Statements.Take(options.MaximumStatements).Select(s => s.Text));
        return texts;
    }

    private SuitabilityAssessment Combine(
        TaskCandidate candidate, List<string> texts, TextSuitabilityPrediction[] predictions, IReadOnlyList<TaskNeighbour> neighbours)
    {
        var name = predictions[0];
        var best = neighbours.Count == 0 ? 0 : neighbours[0].Similarity;
        var nameReadable = !name.LowConfidence && (neighbours.Count == 0 || best >= options.ReadableSimilarity);

        // (automation score, exposed probability, weight) of each text read.
        var parts = new List<(double Automation, double Exposed, double Weight)>();
        var read = new List<TaskNeighbour>();
        if (nameReadable)
        {
            parts.Add((name.AutomationScore, name.ExposedProbability, options.NameWeight));
            foreach (var neighbour in neighbours.Where(n => n.Similarity >= options.NeighbourSimilarity))
            {
                parts.Add((neighbour.AutomationScore, neighbour.ExposedProbability, neighbour.Similarity));
                read.Add(neighbour);
            }
        }

        var statementsRead = 0;
        for (var k = 1; k < predictions.Length; k++)
        {
            if (!predictions[k].LowConfidence)
            {
                parts.Add((predictions[k].AutomationScore, predictions[k].ExposedProbability, 1.0));
                statementsRead++;
            }
        }

        var lowConfidence = parts.Count == 0;
        var weightSum = parts.Sum(p => p.Weight);
        var textScore = lowConfidence ? options.UnreadableTextScore : parts.Sum(p => p.Automation * p.Weight) / weightSum;
        var exposed = lowConfidence ? name.ExposedProbability : parts.Sum(p => p.Exposed * p.Weight) / weightSum;
        var description = lowConfidence
            ? "no readable text: neutral score (mean of the training statements)"
            : string.Create(CultureInfo.InvariantCulture,
                $"{(nameReadable ? "name" : "name not read")}, {read.Count} nearest O*NET task(s), {statementsRead} document statement(s)");

        var factors = new List<ScoreFactor>();
        double? processScore = null;
        var textWeight = 1.0;
        if (candidate.Statistics is { } statistics)
        {
            var criteria = ProcessCriteria.Evaluate(statistics, options.Criteria);
            processScore = criteria.Score;
            textWeight = lowConfidence ? options.LowConfidenceTextWeight : options.TextWeight;
            factors.Add(TextFactor(textScore, textWeight, description, name));
            factors.AddRange(criteria.Factors.Select(f => f with
            {
                Name = "Process: " + f.Name,
                Weight = f.Weight * (1 - textWeight),
                Contribution = f.Contribution * (1 - textWeight),
            }));
        }
        else
        {
            factors.Add(TextFactor(textScore, textWeight, description, name));
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

        return new SuitabilityAssessment
        {
            TaskId = candidate.Id,
            Score = factors.Sum(f => f.Contribution),
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
    }

    private static ScoreFactor TextFactor(double score, double weight, string description, TextSuitabilityPrediction main) => new(
        "Text model: automation rating",
        score,
        weight,
        score * weight,
        string.Create(CultureInfo.InvariantCulture,
            $"ML.NET model on sentence embeddings, trained on GPT-4's automation ratings T0-T4 of O*NET tasks (Eloundou et al. 2023): expected rating / 4 from {description}; exposure class of the name {main.Class.ToCode()}"));
}
