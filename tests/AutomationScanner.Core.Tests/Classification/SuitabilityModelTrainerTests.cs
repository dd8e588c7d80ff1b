using AutomationScanner.Core.Classification;
using AutomationScanner.Training;

namespace AutomationScanner.Core.Tests.Classification;

public sealed class SuitabilityModelTrainerTests
{
    private static readonly IReadOnlyList<LabelledTask> Sample =
        LabelSetReader.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "labels", "gpts-are-gpts-sample.tsv"));

    private static readonly Lazy<float[][]> Embeddings = new(() => SuitabilityModelTrainer.EmbedAll(Sample, SharedEmbedder.Instance, new SuitabilityTrainingOptions()));

    [Fact]
    public void TrainAndSave_SameDataAndSeedTwice_GivesTheSameBytes()
    {
        var options = new SuitabilityTrainingOptions();

        var first = TrainAndSave(options);
        var second = TrainAndSave(options);

        Assert.True(first.Length > 1_000);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(first)), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(second)));
    }

    [Fact]
    public void CrossValidate_SameDataAndSeedTwice_GivesIdenticalMetrics()
    {
        var options = new SuitabilityTrainingOptions();
        var cancellationToken = TestContext.Current.CancellationToken;

        var first = SuitabilityModelTrainer.CrossValidate(Sample, Embeddings.Value, options, 3, cancellationToken);
        var second = SuitabilityModelTrainer.CrossValidate(Sample, SharedEmbedder.Instance, options, 3, cancellationToken);

        Assert.Equal(first.Pooled.Accuracy, second.Pooled.Accuracy);
        Assert.Equal(first.Pooled.BinaryAuc, second.Pooled.BinaryAuc);
        Assert.Equal(first.Pooled.MeanWithinOccupationSpearman, second.Pooled.MeanWithinOccupationSpearman);
        Assert.Equal(first.Pooled.ConfusionMatrix, second.Pooled.ConfusionMatrix);
        Assert.Equal(Sample.Count, first.Pooled.Count);
        Assert.Equal(Sample.Count, first.Pooled.RatedCount);
        Assert.Equal(3, first.PerFold.Count);
    }

    [Fact]
    public void CrossValidate_EmbeddingModel_RanksAutomationBetterThanTheBaselines()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var model = SuitabilityModelTrainer.CrossValidate(Sample, Embeddings.Value, new SuitabilityTrainingOptions(), 3, cancellationToken).Pooled;
        var majorityResult = SuitabilityBaselines.CrossValidateMajority(Sample, 3, 1, cancellationToken);
        var majority = majorityResult.Pooled;
        var bayes = SuitabilityBaselines.CrossValidateNaiveBayes(Sample, 3, 1, cancellationToken).Pooled;

        // A constant score ranks nothing: 0 within every occupation, AUC one half in every fold.
        Assert.Equal(0, majority.MeanWithinOccupationSpearman, 9);
        Assert.All(majorityResult.PerFold, f => Assert.Equal(0.5, f.BinaryAuc, 9));
        Assert.True(model.MeanWithinOccupationSpearman > 0.3, $"within-occupation Spearman {model.MeanWithinOccupationSpearman}");
        Assert.True(model.MeanWithinOccupationSpearman > bayes.MeanWithinOccupationSpearman, $"{model.MeanWithinOccupationSpearman} vs naive Bayes {bayes.MeanWithinOccupationSpearman}");
        Assert.True(model.BinaryAuc > 0.75, $"AUC {model.BinaryAuc}");
    }

    [Fact]
    public void AssignFolds_Occupations_EachOccupationInExactlyOneFoldAndFoldsBalanced()
    {
        var occupations = Sample.Select(t => t.Occupation).ToArray();

        var sut = SuitabilityModelTrainer.AssignFolds(occupations, 5, seed: 1);

        Assert.Equal(occupations.Distinct().Count(), sut.Count);
        var sizes = sut.Values.GroupBy(f => f).Select(g => g.Count()).ToArray();
        Assert.Equal(5, sizes.Length);
        Assert.True(sizes.Max() - sizes.Min() <= 1);
        Assert.Equal(sut, SuitabilityModelTrainer.AssignFolds(occupations.Reverse(), 5, seed: 1));
    }

    [Fact]
    public void SaveThenLoad_TrainedModel_PredictsTheSameAndFindsTrainingStatements()
    {
        var model = SuitabilityModelTrainer.Train(Sample, Embeddings.Value, new SuitabilityTrainingOptions());
        using var stream = new MemoryStream(SuitabilityModelFormat.Write(
            SuitabilityModelTrainer.Compile(model, Sample, new SuitabilityTrainingOptions())!, SuitabilityModelTrainer.BuildIndex(model, Sample, Embeddings.Value, 1)));

        var loaded = SuitabilityModel.Load(stream, SharedEmbedder.Instance);

        // The file is scored by the compiled pipeline: the same as ML.NET up to float rounding.
        var expected = new SuitabilityModel(new MlNetTextModel(model), SharedEmbedder.Instance).Predict("Prepare financial reports");
        var actual = loaded.Predict("Prepare financial reports");
        Assert.True(loaded.IsCompiled);
        for (var k = 0; k < expected.Probabilities.Count; k++)
        {
            Assert.Equal(expected.Probabilities[k], actual.Probabilities[k], 4);
        }

        for (var k = 0; k < expected.AutomationProbabilities.Count; k++)
        {
            Assert.Equal(expected.AutomationProbabilities[k], actual.AutomationProbabilities[k], 4);
        }

        Assert.NotNull(loaded.Index);
        Assert.Equal(Sample.Select(t => t.Text).Distinct().Count(), loaded.Index.Count);
        var statement = Sample[10].Text;
        var nearest = loaded.Index.Nearest(SharedEmbedder.Instance.Embed([statement], TestContext.Current.CancellationToken)[0], 3);
        Assert.Equal(statement, nearest[0].Text);
        Assert.True(nearest[0].Similarity > 0.98f);
        Assert.True(nearest[0].Similarity >= nearest[1].Similarity);
    }

    [Fact]
    public void Load_NotAModelFile_FormatExceptionNamesTheProblem()
    {
        using var stream = new MemoryStream("not a model"u8.ToArray());

        var actual = Assert.Throws<FormatException>(() => SuitabilityModel.Load(stream, SharedEmbedder.Instance));

        Assert.Contains("Not a suitability model file", actual.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PipelineZip_FormatExceptionSaysScansReadTheFlatFileAndEvaluateReadsTheZip()
    {
        var model = SuitabilityModelTrainer.Train(Sample, Embeddings.Value, new SuitabilityTrainingOptions());
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, SuitabilityModelTrainer.SavePipeline(model));
        try
        {
            var actual = Assert.Throws<FormatException>(() => SuitabilityModel.Load(path, SharedEmbedder.Instance));

            Assert.Contains("zip", actual.Message, StringComparison.Ordinal);
            Assert.Contains(path, actual.Message, StringComparison.Ordinal);
            var evaluated = MlNetTextModel.LoadAny(path, SharedEmbedder.Instance);
            Assert.False(evaluated.IsCompiled);
            Assert.Equal(5, evaluated.Predict("Prepare financial reports").AutomationProbabilities.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(TextFeaturization.EmbeddingAndWordNgrams, SuitabilityTrainer.LbfgsMaximumEntropy)]
    [InlineData(TextFeaturization.EmbeddingAndWordNgrams, SuitabilityTrainer.SdcaMaximumEntropy)]
    [InlineData(TextFeaturization.Embedding, SuitabilityTrainer.LightGbm)]
    [InlineData(TextFeaturization.WordNgrams, SuitabilityTrainer.LbfgsMaximumEntropy)]
    public void Train_OtherConfigurations_ProduceBothHeads(TextFeaturization featurization, SuitabilityTrainer trainer)
    {
        // Round 49, CI time: the shape of the heads needs no 200 boosting rounds.
        var options = new SuitabilityTrainingOptions { Featurization = featurization, Trainer = trainer, BoostingRounds = 20 };

        var sut = new SuitabilityModel(new MlNetTextModel(SuitabilityModelTrainer.Train(Sample, Embeddings.Value, options)), SharedEmbedder.Instance);

        var actual = sut.PredictBatch(["Answer customer questions by email"], topFeatures: 5, cancellationToken: TestContext.Current.CancellationToken)[0];
        Assert.Equal(3, actual.Probabilities.Count);
        Assert.Equal(1.0, actual.Probabilities.Sum(), 3);
        Assert.Equal(SuitabilityModelTrainer.AutomationLevels, actual.AutomationProbabilities.Count);
        Assert.Equal(1.0, actual.AutomationProbabilities.Sum(), 3);
        Assert.InRange(actual.AutomationScore, 0, 1);
        if (trainer == SuitabilityTrainer.LbfgsMaximumEntropy && featurization != TextFeaturization.Embedding)
        {
            Assert.True(sut.CanExplain);
            Assert.NotEmpty(actual.TopFeatures);
            Assert.All(actual.TopFeatures, f => Assert.DoesNotContain("chars", f.Feature, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Train_NoAutomationRatings_ArgumentExceptionNamesTheColumn()
    {
        var unrated = Sample.Select(t => t with { Automation = null }).ToArray();

        var actual = Assert.Throws<ArgumentException>(() => SuitabilityModelTrainer.Train(unrated, Embeddings.Value, new SuitabilityTrainingOptions()));

        Assert.Contains("gpt4_automation", actual.Message, StringComparison.Ordinal);
    }

    /// <summary>The model file and the ML.NET pipeline, one after the other.</summary>
    private static byte[] TrainAndSave(SuitabilityTrainingOptions options)
    {
        var model = SuitabilityModelTrainer.Train(Sample, Embeddings.Value, options);
        var index = SuitabilityModelTrainer.BuildIndex(model, Sample, Embeddings.Value, options.Seed);
        return [.. SuitabilityModelFormat.Write(SuitabilityModelTrainer.Compile(model, Sample, options)!, index), .. SuitabilityModelTrainer.SavePipeline(model)];
    }
}
