using AutomationScanner.Core.Classification;

namespace AutomationScanner.Core.Tests.Classification;

public sealed class SuitabilityModelTrainerTests
{
    private static readonly IReadOnlyList<LabelledTask> Sample =
        LabelSetReader.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "labels", "gpts-are-gpts-sample.tsv"));

    [Fact]
    public void Train_SameDataAndSeedTwice_GivesIdenticalPredictions()
    {
        var options = new SuitabilityTrainingOptions();
        string[] probes = ["Enter invoice data into the ERP system", "Comfort grieving family members", "Submit declaration by employee"];

        var first = new SuitabilityModel(SuitabilityModelTrainer.Train(Sample, options)).PredictBatch(probes);
        var second = new SuitabilityModel(SuitabilityModelTrainer.Train(Sample, options)).PredictBatch(probes);

        Assert.Equal(first.Select(p => p.Probabilities.ToArray()), second.Select(p => p.Probabilities.ToArray()));
    }

    [Fact]
    public void CrossValidate_SameDataAndSeedTwice_GivesIdenticalMetrics()
    {
        var options = new SuitabilityTrainingOptions();
        var cancellationToken = TestContext.Current.CancellationToken;

        var first = SuitabilityModelTrainer.CrossValidate(Sample, options, 3, cancellationToken);
        var second = SuitabilityModelTrainer.CrossValidate(Sample, options, 3, cancellationToken);

        Assert.Equal(first.Pooled.Accuracy, second.Pooled.Accuracy);
        Assert.Equal(first.Pooled.BinaryAuc, second.Pooled.BinaryAuc);
        Assert.Equal(first.Pooled.ConfusionMatrix, second.Pooled.ConfusionMatrix);
        Assert.Equal(Sample.Count, first.Pooled.Count);
        Assert.Equal(3, first.PerFold.Count);
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
    public void SaveThenLoad_TrainedModel_PredictsTheSame()
    {
        var model = SuitabilityModelTrainer.Train(Sample, new SuitabilityTrainingOptions());
        using var stream = new MemoryStream();

        SuitabilityModelTrainer.Save(model, stream);
        stream.Position = 0;
        var loaded = SuitabilityModel.Load(stream);

        var expected = new SuitabilityModel(model).Predict("Prepare financial reports");
        var actual = loaded.Predict("Prepare financial reports");
        Assert.Equal(expected.Probabilities, actual.Probabilities);
        Assert.True(loaded.CanExplain);
    }

    [Theory]
    [InlineData(TextFeaturization.WordNgrams, SuitabilityTrainer.OvaAveragedPerceptron)]
    [InlineData(TextFeaturization.WordAndCharNgrams, SuitabilityTrainer.LbfgsMaximumEntropy)]
    [InlineData(TextFeaturization.WordAndCharNgramsTfIdf, SuitabilityTrainer.LightGbm)]
    public void Train_OtherConfigurations_ProduceProbabilities(TextFeaturization featurization, SuitabilityTrainer trainer)
    {
        var options = new SuitabilityTrainingOptions { Featurization = featurization, Trainer = trainer };

        var sut = new SuitabilityModel(SuitabilityModelTrainer.Train(Sample, options));

        var actual = sut.Predict("Answer customer questions by email");
        Assert.Equal(3, actual.Probabilities.Count);
        Assert.Equal(1.0, actual.Probabilities.Sum(), 3);
    }
}
