using System.IO.Compression;
using AutomationScanner.Core.Embeddings;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;

using AutomationScanner.Core.Classification;

namespace AutomationScanner.Training;

/// <summary>
/// The training path of the suitability model: one pipeline with two heads on the same text features, the automation
/// head (GPT-4's rating T0-T4 as five ordered classes; the score is the expected rating) and the exposure head (human
/// labels E0-E2). Cross-validates with folds grouped by occupation and saves the model. Prediction lives in
/// <see cref="SuitabilityModel"/>; nothing here runs on the scan path.
/// </summary>
public static class SuitabilityModelTrainer
{
    /// <summary>Name of the text column the saved model reads.</summary>
    public const string TextColumn = SuitabilityPipeline.TextColumn;

    /// <summary>Name of the sentence-embedding column the saved model reads.</summary>
    public const string EmbeddingColumn = SuitabilityPipeline.EmbeddingColumn;

    /// <summary>Dimensions of the embedding the model reads (all-MiniLM-L6-v2).</summary>
    public const int EmbeddingDimensions = SuitabilityModelFormat.EmbeddingDimensions;

    /// <summary>Automation ratings T0..T4.</summary>
    public const int AutomationLevels = SuitabilityModelFormat.AutomationLevels;

    internal const string WordFeaturesColumn = SuitabilityPipeline.WordFeaturesColumn;
    internal const string FeaturesColumn = SuitabilityPipeline.FeaturesColumn;
    internal const string ScoreColumn = SuitabilityPipeline.ScoreColumn;
    internal const string ExposureScoreColumn = SuitabilityPipeline.ExposureScoreColumn;
    internal const string AutomationScoreColumn = SuitabilityPipeline.AutomationScoreColumn;
    internal const string WordKeysColumn = SuitabilityPipeline.WordKeysColumn;

    private static readonly string[] AutomationCodes = ["T0", "T1", "T2", "T3", "T4"];

    /// <summary>Embeds the texts (through the cache) and trains on all rows; reproducible for the same data and seed.</summary>
    public static ITransformer Train(
        IReadOnlyList<LabelledTask> tasks, ITextEmbedder embedder, SuitabilityTrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(options);
        return Train(tasks, EmbedAll(tasks, embedder, options, cancellationToken), options);
    }

    /// <summary>The embedding of every task text (zero vectors when the featurization does not use them).</summary>
    public static float[][] EmbedAll(
        IReadOnlyList<LabelledTask> tasks, ITextEmbedder embedder, SuitabilityTrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(embedder);
        if (!options.UsesEmbedding)
        {
            var zero = new float[EmbeddingDimensions];
            return tasks.Select(_ => zero).ToArray();
        }

        if (embedder.Dimensions != EmbeddingDimensions)
        {
            throw new ArgumentException($"The model reads {EmbeddingDimensions}-dimensional embeddings; {embedder.ModelId} gives {embedder.Dimensions}.", nameof(embedder));
        }

        return embedder.Embed(tasks.Select(t => t.Text).ToArray(), cancellationToken);
    }

    /// <summary>Trains on all rows with precomputed embeddings (row i of <paramref name="embeddings"/> is task i).</summary>
    public static ITransformer Train(IReadOnlyList<LabelledTask> tasks, IReadOnlyList<float[]> embeddings, SuitabilityTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(options);
        if (tasks.Count == 0)
        {
            throw new ArgumentException("No labelled tasks to train on.", nameof(tasks));
        }

        if (embeddings.Count != tasks.Count)
        {
            throw new ArgumentException("One embedding per task is needed.", nameof(embeddings));
        }

        var rated = Enumerable.Range(0, tasks.Count).Where(i => tasks[i].Automation is not null).ToArray();
        if (rated.Length == 0)
        {
            throw new ArgumentException($"No task has an automation rating ('{LabelSetReader.AutomationColumn}'); the model ranks by it.", nameof(tasks));
        }

        var ml = new MLContext(options.Seed);
        var all = ToKeyedDataView(ml, Enumerable.Range(0, tasks.Count).Select(i => Row(tasks[i], embeddings[i])));
        var ratedData = ToKeyedDataView(ml, rated.Select(i => Row(tasks[i], embeddings[i])));

        var featurizer = BuildFeaturizer(ml, options).Fit(all);
        var exposureFeatures = featurizer.Transform(all);
        var exposure = BuildTrainer(ml, options, "Label").Fit(exposureFeatures);
        var afterExposure = exposure.Transform(exposureFeatures);
        var exposureCopy = ml.Transforms.CopyColumns(ExposureScoreColumn, ScoreColumn).Fit(afterExposure);

        var automation = BuildTrainer(ml, options, "AutomationLabel").Fit(featurizer.Transform(ratedData));
        var afterAutomation = automation.Transform(exposureCopy.Transform(afterExposure));
        var automationCopy = ml.Transforms.CopyColumns(AutomationScoreColumn, ScoreColumn).Fit(afterAutomation);

        return new TransformerChain<ITransformer>(featurizer, exposure, exposureCopy, automation, automationCopy);
    }

    /// <summary>
    /// Writes what training produced: the model file scans load (<paramref name="path"/>, the compiled text model and
    /// the task-statement index in the flat format, when the pipeline compiles) and the ML.NET pipeline
    /// (<paramref name="pipelinePath"/>, for evaluation and the compiled model's equivalence check). Same model, same
    /// bytes. Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Save(ITransformer model, TaskStatementIndex? index, LinearTextModel? textModel, string path, string pipelinePath)
    {
        ArgumentNullException.ThrowIfNull(model);
        var written = new List<string>();
        if (textModel is not null)
        {
            WriteFile(path, SuitabilityModelFormat.Write(textModel, index));
            written.Add(path);
        }

        WriteFile(pipelinePath, SavePipeline(model));
        written.Add(pipelinePath);
        return written;
    }

    /// <summary>The ML.NET pipeline as a zip whose entries carry a fixed timestamp, so the same model gives the same bytes.</summary>
    public static byte[] SavePipeline(ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ml = new MLContext(1);
        using var pipeline = new MemoryStream();
        ml.Model.Save(model, InputSchema(ml), pipeline);
        return Repack(pipeline.ToArray());
    }

    private static void WriteFile(string path, byte[] content)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, content);
    }

    /// <summary>
    /// The index of the training statements a shipped model carries for reading activity names: each statement with
    /// its embedding and the trained model's own scores for it.
    /// </summary>
    public static TaskStatementIndex BuildIndex(ITransformer model, IReadOnlyList<LabelledTask> tasks, IReadOnlyList<float[]> embeddings, int seed)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var (exposure, automation) = ScoreBatch(new MLContext(seed), model, tasks.Select(t => t.Text).ToArray(), embeddings);
        return TaskStatementIndex.Build(
            tasks.Select(t => t.Text).ToArray(), tasks.Select(t => t.Automation).ToArray(), embeddings, automation.Select(ExpectedRating).ToArray(), exposure.Select(p => 1.0 - p[(int)ExposureClass.NoExposure]).ToArray(), seed: seed);
    }

    /// <summary>
    /// How far the compiled pipeline is from the ML.NET pipeline on <paramref name="texts"/>: the largest difference of
    /// any class probability, and the texts whose content-word or known-word counts differ.
    /// </summary>
    public static (double MaxProbabilityDifference, int CountMismatches) CompareCompiled(
        ITransformer model, LinearTextModel compiled, IReadOnlyList<string> texts, IReadOnlyList<float[]> embeddings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(texts);
        var reference = new MlNetTextModel(model).PredictBatch(texts, embeddings);
        var maximum = 0.0;
        var mismatches = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var actual = compiled.Predict(texts[i], embeddings[i]);
            for (var k = 0; k < actual.Probabilities.Count; k++)
            {
                maximum = Math.Max(maximum, Math.Abs(actual.Probabilities[k] - reference[i].Probabilities[k]));
            }

            for (var k = 0; k < actual.AutomationProbabilities.Count; k++)
            {
                maximum = Math.Max(maximum, Math.Abs(actual.AutomationProbabilities[k] - reference[i].AutomationProbabilities[k]));
            }

            if (actual.Words != reference[i].Words || actual.KnownWords != reference[i].KnownWords)
            {
                mismatches++;
            }
        }

        return (maximum, mismatches);
    }

    /// <summary>
    /// The compiled form (<see cref="LinearTextModel"/>) of a pipeline of <see cref="Train(IReadOnlyList{LabelledTask}, IReadOnlyList{float[]}, SuitabilityTrainingOptions)"/>
    /// trained on <paramref name="tasks"/>, or null when its heads are not maximum-entropy linear models or its features
    /// are not the embedding and/or word n-grams.
    /// </summary>
    public static LinearTextModel? Compile(ITransformer model, IReadOnlyList<LabelledTask> tasks, SuitabilityTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(options);
        return options.Featurization is TextFeaturization.Embedding or TextFeaturization.EmbeddingAndWordNgrams or TextFeaturization.WordNgrams
            ? LinearTextModelCompiler.Compile(model, tasks.Select(t => t.Text).ToArray(), options.UsesEmbedding, usesWordNgrams: options.Featurization != TextFeaturization.Embedding)
            : null;
    }

    /// <summary>The largest probability difference allowed between the compiled and the ML.NET pipeline (float rounding).</summary>
    public const double CompiledTolerance = 1e-4;

    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static void WriteEntry(ZipArchive archive, string name, byte[] content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using var target = entry.Open();
        target.Write(content);
    }

    /// <summary>The ML.NET zip again, its entries in the same order with a fixed timestamp.</summary>
    private static byte[] Repack(byte[] zip)
    {
        using var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var content = entry.Open();
                using var buffer = new MemoryStream();
                content.CopyTo(buffer);
                WriteEntry(target, entry.FullName, buffer.ToArray());
            }
        }

        return output.ToArray();
    }

    internal static DataViewSchema InputSchema(MLContext ml) => SuitabilityPipeline.InputSchema(ml);

    /// <summary>
    /// k-fold cross-validation with whole occupations per fold (the same task text appears under several occupations,
    /// so a row split would leak). Returns the pooled out-of-fold evaluation and one per fold.
    /// </summary>
    public static CrossValidationResult CrossValidate(
        IReadOnlyList<LabelledTask> tasks, ITextEmbedder embedder, SuitabilityTrainingOptions options, int folds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var embeddings = EmbedAll(tasks, embedder, options, cancellationToken);
        return CrossValidate(tasks, embeddings, options, folds, cancellationToken);
    }

    /// <summary>As above with precomputed embeddings (row i is task i).</summary>
    public static CrossValidationResult CrossValidate(
        IReadOnlyList<LabelledTask> tasks, IReadOnlyList<float[]> embeddings, SuitabilityTrainingOptions options, int folds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CrossValidateWith(options.ToString(), tasks, folds, options.Seed, (train, test) =>
        {
            var model = Train(train.Select(i => tasks[i]).ToArray(), train.Select(i => embeddings[i]).ToArray(), options);
            var (exposure, automation) = ScoreBatch(new MLContext(options.Seed), model, test.Select(i => tasks[i].Text).ToArray(), test.Select(i => embeddings[i]).ToArray());
            return test.Select((row, k) => Scored(tasks[row], exposure[k], ExpectedRating(automation[k]))).ToArray();
        }, cancellationToken);
    }

    /// <summary>
    /// Grouped cross-validation of any learner: <paramref name="fitAndScore"/> gets the training and test row indices
    /// of one fold and returns the scored test rows in order.
    /// </summary>
    public static CrossValidationResult CrossValidateWith(
        string name, IReadOnlyList<LabelledTask> tasks, int folds, int seed,
        Func<IReadOnlyList<int>, IReadOnlyList<int>, IReadOnlyList<ScoredExample>> fitAndScore, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(fitAndScore);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var foldOf = AssignFolds(tasks.Select(t => t.Occupation), folds, seed);
        var pooled = new List<ScoredExample>(tasks.Count);
        var perFold = new List<SuitabilityEvaluation>(folds);
        for (var fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = Enumerable.Range(0, tasks.Count).Where(i => foldOf[tasks[i].Occupation] != fold).ToArray();
            var test = Enumerable.Range(0, tasks.Count).Where(i => foldOf[tasks[i].Occupation] == fold).ToArray();
            var scored = fitAndScore(train, test);
            pooled.AddRange(scored);
            perFold.Add(SuitabilityEvaluation.Compute(scored.ToArray()));
        }

        return new CrossValidationResult(name, folds, SuitabilityEvaluation.Compute(pooled), perFold);
    }

    /// <summary>A scored row for the evaluation.</summary>
    public static ScoredExample Scored(LabelledTask task, IReadOnlyList<float> exposure, double automationScore) =>
        new(task.Label, exposure, task.Occupation, task.Automation, automationScore);

    /// <summary>Expected rating sum_k k p_k / 4 in 0..1 from the probabilities of T0..T4.</summary>
    public static double ExpectedRating(IReadOnlyList<float> probabilities) => SuitabilityModelFormat.ExpectedRating(probabilities);

    /// <summary>Deterministic fold per group: groups sorted, shuffled with the seed, dealt round-robin.</summary>
    internal static Dictionary<string, int> AssignFolds(IEnumerable<string> groups, int folds, int seed)
    {
        var distinct = groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(distinct);
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Length; i++)
        {
            result[distinct[i]] = i % folds;
        }

        return result;
    }

    /// <summary>Exposure probabilities (E0-E2) and automation probabilities (T0-T4) for each text.</summary>
    internal static (float[][] Exposure, float[][] Automation) ScoreBatch(
        MLContext ml, ITransformer model, IReadOnlyList<string> texts, IReadOnlyList<float[]> embeddings)
    {
        var scored = model.Transform(ToInputView(ml, texts, embeddings));
        return (scored.GetColumn<float[]>(ExposureScoreColumn).ToArray(), scored.GetColumn<float[]>(AutomationScoreColumn).ToArray());
    }

    internal static IDataView ToInputView(MLContext ml, IReadOnlyList<string> texts, IReadOnlyList<float[]> embeddings) =>
        SuitabilityPipeline.ToInputView(ml, texts, embeddings);

    private static LabelledInput Row(LabelledTask task, float[] embedding) => new()
    {
        Text = task.Text,
        Embedding = embedding,
        Label = task.Label.ToCode(),
        AutomationLabel = task.Automation is { } t ? AutomationCodes[t] : AutomationCodes[0],
    };

    private static IDataView ToKeyedDataView(MLContext ml, IEnumerable<LabelledInput> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows);

        // Fixed key orders E0, E1, E2 and T0..T4 so that score slot i is always class i. Mapped outside the saved
        // pipeline: the prediction path has no label column.
        var exposureKeys = ml.Data.LoadFromEnumerable(ExposureClassLabels.Codes.Select(c => new LabelKey { Label = c }));
        var automationKeys = ml.Data.LoadFromEnumerable(AutomationCodes.Select(c => new LabelKey { Label = c }));
        return ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyData: exposureKeys)
            .Append(ml.Transforms.Conversion.MapValueToKey("AutomationLabel", "AutomationLabel", keyData: automationKeys))
            .Fit(data).Transform(data);
    }

    private static IEstimator<ITransformer> BuildFeaturizer(MLContext ml, SuitabilityTrainingOptions options)
    {
        // Words are always keyed: the prediction path counts the content words the model knows (confidence).
        var words = ml.Transforms.Text.NormalizeText(
                "NormalizedText", TextColumn, TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: false,
                keepPunctuations: false, keepNumbers: false)
            .Append(ml.Transforms.Text.TokenizeIntoWords("Words", "NormalizedText"))
            .Append(ml.Transforms.Text.RemoveDefaultStopWords("Words"))
            .Append(ml.Transforms.Conversion.MapValueToKey(WordKeysColumn, "Words"));
        var wordNgrams = words
            .Append(ml.Transforms.Text.ProduceNgrams(WordFeaturesColumn, WordKeysColumn, ngramLength: 2, useAllLengths: true,
                weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
            .Append(ml.Transforms.NormalizeLpNorm(WordFeaturesColumn));

        return options.Featurization switch
        {
            TextFeaturization.Embedding => words.Append(ml.Transforms.CopyColumns(FeaturesColumn, EmbeddingColumn)),
            TextFeaturization.EmbeddingAndWordNgrams => wordNgrams.Append(ml.Transforms.Concatenate(FeaturesColumn, EmbeddingColumn, WordFeaturesColumn)),
            TextFeaturization.WordNgrams => wordNgrams.Append(ml.Transforms.CopyColumns(FeaturesColumn, WordFeaturesColumn)),
            TextFeaturization.WordAndCharNgramsTfIdf => wordNgrams
                .Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", "NormalizedText"))
                .Append(ml.Transforms.Text.ProduceNgrams("CharFeatures", "Chars", ngramLength: 3, useAllLengths: false,
                    weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
                .Append(ml.Transforms.NormalizeLpNorm("CharFeatures"))
                .Append(ml.Transforms.Concatenate(FeaturesColumn, WordFeaturesColumn, "CharFeatures")),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Featurization, "Unknown featurization."),
        };
    }

    private static IEstimator<ITransformer> BuildTrainer(MLContext ml, SuitabilityTrainingOptions options, string label) => options.Trainer switch
    {
        // One thread: SDCA, L-BFGS and LightGBM are only reproducible single-threaded.
        SuitabilityTrainer.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = label,
                FeatureColumnName = FeaturesColumn,
                NumberOfThreads = 1,
                L2Regularization = options.L2Regularization,
                MaximumNumberOfIterations = 30,
            }),
        SuitabilityTrainer.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = label,
                FeatureColumnName = FeaturesColumn,
                NumberOfThreads = 1,
                L2Regularization = options.L2Regularization ?? 1f,
                L1Regularization = options.L1Regularization ?? 0.01f,
            }),
        SuitabilityTrainer.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(
            new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = label,
                FeatureColumnName = FeaturesColumn,
                NumberOfIterations = options.BoostingRounds,
                LearningRate = 0.05,
                NumberOfLeaves = 15,
                MinimumExampleCountPerLeaf = 20,
                NumberOfThreads = 1,
                Seed = options.Seed,
                Verbose = false,
                Silent = true,
            }),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Trainer, "Unknown trainer."),
    };

    private sealed class LabelledInput
    {
        public string Text { get; set; } = string.Empty;

        [VectorType(EmbeddingDimensions)]
        public float[] Embedding { get; set; } = [];

        public string Label { get; set; } = string.Empty;

        public string AutomationLabel { get; set; } = string.Empty;
    }

    private sealed class LabelKey
    {
        public string Label { get; set; } = string.Empty;
    }
}

public sealed record CrossValidationResult(string Name, int Folds, SuitabilityEvaluation Pooled, IReadOnlyList<SuitabilityEvaluation> PerFold);
