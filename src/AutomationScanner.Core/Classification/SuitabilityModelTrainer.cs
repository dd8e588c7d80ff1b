using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;

namespace AutomationScanner.Core.Classification;

/// <summary>
/// The training path of the suitability model: builds the text pipeline, trains, cross-validates with folds grouped
/// by occupation, and saves the model. Prediction lives in <see cref="SuitabilityModel"/>.
/// </summary>
public static class SuitabilityModelTrainer
{
    /// <summary>Name of the input column the saved model reads.</summary>
    public const string TextColumn = "Text";

    internal const string WordFeaturesColumn = "WordFeatures";
    internal const string FeaturesColumn = "Features";
    internal const string ScoreColumn = "Score";

    /// <summary>Trains on all rows. Each call uses a fresh <c>MLContext</c> seeded from the options, so it is reproducible.</summary>
    public static ITransformer Train(IReadOnlyList<LabelledTask> tasks, SuitabilityTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(options);
        if (tasks.Count == 0)
        {
            throw new ArgumentException("No labelled tasks to train on.", nameof(tasks));
        }

        var ml = new MLContext(options.Seed);
        var data = ToKeyedDataView(ml, tasks);
        return BuildPipeline(ml, options).Fit(data);
    }

    public static void Save(ITransformer model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = File.Create(path);
        Save(model, stream);
    }

    public static void Save(ITransformer model, Stream stream)
    {
        var ml = new MLContext(1);
        var schema = ml.Data.LoadFromEnumerable(Array.Empty<TextInput>()).Schema;
        ml.Model.Save(model, schema, stream);
    }

    /// <summary>
    /// k-fold cross-validation with whole occupations per fold (the same task text appears under several occupations,
    /// so a row split would leak). Returns the pooled out-of-fold evaluation and one per fold.
    /// </summary>
    public static CrossValidationResult CrossValidate(
        IReadOnlyList<LabelledTask> tasks, SuitabilityTrainingOptions options, int folds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var foldOf = AssignFolds(tasks.Select(t => t.Occupation), folds, options.Seed);
        var pooled = new List<ScoredExample>(tasks.Count);
        var perFold = new List<SuitabilityEvaluation>(folds);
        for (var fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = tasks.Where(t => foldOf[t.Occupation] != fold).ToArray();
            var test = tasks.Where(t => foldOf[t.Occupation] == fold).ToArray();
            var model = Train(train, options);
            var probabilities = SuitabilityModel.ScoreBatch(new MLContext(options.Seed), model, test.Select(t => t.Text).ToArray());
            var scored = test.Select((t, i) => new ScoredExample(t.Label, probabilities[i])).ToArray();
            pooled.AddRange(scored);
            perFold.Add(SuitabilityEvaluation.Compute(scored));
        }

        return new CrossValidationResult(options, folds, SuitabilityEvaluation.Compute(pooled), perFold);
    }

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

    private static IDataView ToKeyedDataView(MLContext ml, IReadOnlyList<LabelledTask> tasks)
    {
        var rows = tasks.Select(t => new LabelledInput { Text = t.Text, Label = t.Label.ToCode() });
        var data = ml.Data.LoadFromEnumerable(rows);

        // Fixed key order E0, E1, E2 so that score slot i is always class i. Mapped outside the saved pipeline:
        // the prediction path has no label column.
        var keys = ml.Data.LoadFromEnumerable(ExposureClassLabels.Codes.Select(c => new LabelKey { Label = c }));
        return ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyData: keys).Fit(data).Transform(data);
    }

    private static IEstimator<ITransformer> BuildPipeline(MLContext ml, SuitabilityTrainingOptions options)
    {
        var weighting = options.Featurization == TextFeaturization.WordAndCharNgramsTfIdf
            ? NgramExtractingEstimator.WeightingCriteria.TfIdf
            : NgramExtractingEstimator.WeightingCriteria.Tf;

        var featurizer = ml.Transforms.Text.NormalizeText(
                "NormalizedText", TextColumn, TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: false,
                keepPunctuations: false, keepNumbers: false)
            .Append(ml.Transforms.Text.TokenizeIntoWords("Words", "NormalizedText"))
            .Append(ml.Transforms.Text.RemoveDefaultStopWords("Words"))
            .Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
            .Append(ml.Transforms.Text.ProduceNgrams(WordFeaturesColumn, "WordKeys", ngramLength: 2, useAllLengths: true, weighting: weighting))
            .Append(ml.Transforms.NormalizeLpNorm(WordFeaturesColumn));

        IEstimator<ITransformer> features;
        if (options.Featurization == TextFeaturization.WordNgrams)
        {
            features = featurizer.Append(ml.Transforms.CopyColumns(FeaturesColumn, WordFeaturesColumn));
        }
        else
        {
            features = featurizer
                .Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", "NormalizedText"))
                .Append(ml.Transforms.Text.ProduceNgrams("CharFeatures", "Chars", ngramLength: 3, useAllLengths: false, weighting: weighting))
                .Append(ml.Transforms.NormalizeLpNorm("CharFeatures"))
                .Append(ml.Transforms.Concatenate(FeaturesColumn, WordFeaturesColumn, "CharFeatures"));
        }

        return features.Append(BuildTrainer(ml, options));
    }

    private static IEstimator<ITransformer> BuildTrainer(MLContext ml, SuitabilityTrainingOptions options) => options.Trainer switch
    {
        // One thread: SDCA and L-BFGS are only reproducible single-threaded.
        SuitabilityTrainer.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = FeaturesColumn,
                NumberOfThreads = 1,
                L2Regularization = options.L2Regularization,
                MaximumNumberOfIterations = 30,
            }),
        SuitabilityTrainer.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = FeaturesColumn,
                NumberOfThreads = 1,
                L2Regularization = options.L2Regularization ?? 1f,
                L1Regularization = options.L1Regularization ?? 0.01f,
            }),
        SuitabilityTrainer.OvaAveragedPerceptron => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.AveragedPerceptron(
                new AveragedPerceptronTrainer.Options { FeatureColumnName = FeaturesColumn, NumberOfIterations = 10 }),
            labelColumnName: "Label"),
        SuitabilityTrainer.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(
            new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = FeaturesColumn,
                NumberOfIterations = 300,
                LearningRate = 0.05,
                NumberOfLeaves = 31,
                MinimumExampleCountPerLeaf = 10,
                NumberOfThreads = 1,
                Seed = options.Seed,
                Verbose = false,
                Silent = true,
            }),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Trainer, "Unknown trainer."),
    };

    internal sealed class TextInput
    {
        public string Text { get; set; } = string.Empty;
    }

    private sealed class LabelledInput
    {
        public string Text { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    private sealed class LabelKey
    {
        public string Label { get; set; } = string.Empty;
    }
}

public sealed record CrossValidationResult(
    SuitabilityTrainingOptions Options, int Folds, SuitabilityEvaluation Pooled, IReadOnlyList<SuitabilityEvaluation> PerFold);
