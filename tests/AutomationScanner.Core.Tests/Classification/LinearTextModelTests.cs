using AutomationScanner.Core.Classification;
using AutomationScanner.Training;

namespace AutomationScanner.Core.Tests.Classification;

/// <summary>The compiled pipeline the scan path loads, checked against the ML.NET pipeline it was compiled from.</summary>
public sealed class LinearTextModelTests
{
    private static readonly IReadOnlyList<LabelledTask> Sample =
        LabelSetReader.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "labels", "gpts-are-gpts-sample.tsv"));

    private static readonly Lazy<float[][]> Embeddings = new(() => SuitabilityModelTrainer.EmbedAll(Sample, SharedEmbedder.Instance, new SuitabilityTrainingOptions()));

    /// <summary>Names as logs write them, with case, punctuation, digits, diacritics and scripts the normaliser must treat as ML.NET does.</summary>
    private static readonly string[] Names =
    [
        "Declaration SUBMITTED by EMPLOYEE", "A_PARTLYSUBMITTED", "W_Completeren aanvraag", "Antrag prüfen und genehmigen",
        "Ré-évaluer le dossier (étape 2)", "Crème brûlée order", "申请审批", "12345 ###", "CRP", "IV Antibiotics",
        "Record Goods Receipt", "data-entry/validation of invoices", "Check   customer's   credit-score!", "Ƀuild Ǿrder ĳssue",
        "Review loan applications; approve or decline", "", "  ", "Enter data into the ERP system.", "e-mail the customer",
        "Schedule appointments for patients", "Ølstykke depot – ship goods", "NAÏVE café ÄÖÜ ß",
    ];

    [Theory]
    [InlineData(TextFeaturization.EmbeddingAndWordNgrams)]
    [InlineData(TextFeaturization.Embedding)]
    [InlineData(TextFeaturization.WordNgrams)]
    public void Compile_TrainedPipeline_SameProbabilitiesAndWordCountsAsMlNet(TextFeaturization featurization)
    {
        var options = new SuitabilityTrainingOptions { Featurization = featurization };
        var model = SuitabilityModelTrainer.Train(Sample, Embeddings.Value, options);

        var sut = SuitabilityModelTrainer.Compile(model, Sample, options);

        Assert.NotNull(sut);
        var texts = Sample.Select(t => t.Text).Concat(Names).ToArray();
        var embeddings = Embeddings.Value.Concat(SharedEmbedder.Instance.Embed(Names, TestContext.Current.CancellationToken)).ToArray();
        var (difference, mismatches) = SuitabilityModelTrainer.CompareCompiled(model, sut, texts, embeddings);
        Assert.True(difference <= SuitabilityModelTrainer.CompiledTolerance, $"largest probability difference {difference}");
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Compile_LightGbmHeads_NoCompiledPipeline()
    {
        var options = new SuitabilityTrainingOptions { Featurization = TextFeaturization.Embedding, Trainer = SuitabilityTrainer.LightGbm, BoostingRounds = 20 };

        var actual = SuitabilityModelTrainer.Compile(SuitabilityModelTrainer.Train(Sample, Embeddings.Value, options), Sample, options);

        Assert.Null(actual);
    }

    [Fact]
    public void WriteThenLoad_SamePredictionsAndExplanations()
    {
        var options = new SuitabilityTrainingOptions();
        var compiled = SuitabilityModelTrainer.Compile(SuitabilityModelTrainer.Train(Sample, Embeddings.Value, options), Sample, options)!;
        var embedding = SharedEmbedder.Instance.Embed(["Answer customer questions by email"], TestContext.Current.CancellationToken)[0];

        using var file = new MemoryStream(SuitabilityModelFormat.Write(compiled, index: null));
        var loaded = SuitabilityModel.Load(file, SharedEmbedder.Instance);
        var sut = Assert.IsType<LinearTextModel>(loaded.TextModel);

        var expected = compiled.Predict("Answer customer questions by email", embedding, topFeatures: 5);
        var actual = sut.Predict("Answer customer questions by email", embedding, topFeatures: 5);
        Assert.Equal(expected.Probabilities, actual.Probabilities);
        Assert.Equal(expected.AutomationProbabilities, actual.AutomationProbabilities);
        Assert.Equal(expected.TopFeatures, actual.TopFeatures);
        Assert.NotEmpty(actual.TopFeatures);
        Assert.Equal(compiled.NgramSlots, sut.NgramSlots);
        Assert.Null(loaded.Index);
    }

    [Fact]
    public void Load_TruncatedOrForeignBytes_FormatException()
    {
        var options = new SuitabilityTrainingOptions();
        var bytes = SuitabilityModelFormat.Write(SuitabilityModelTrainer.Compile(SuitabilityModelTrainer.Train(Sample, Embeddings.Value, options), Sample, options)!, index: null);

        Assert.Throws<FormatException>(() => SuitabilityModel.Load(new MemoryStream(bytes[..(bytes.Length / 2)]), SharedEmbedder.Instance));
        Assert.Throws<FormatException>(() => SuitabilityModel.Load(new MemoryStream("not a model"u8.ToArray()), SharedEmbedder.Instance));
        Assert.Throws<FormatException>(() => SuitabilityModel.Load(new MemoryStream([]), SharedEmbedder.Instance));
    }

    [Fact]
    public void LoadShipped_CompiledModel_AgreesWithTheShippedMlNetPipelineOnActivityNames()
    {
        var sut = SuitabilityModel.LoadShipped(SharedEmbedder.Instance);
        using var pipelineFile = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "suitability-model.pipeline.zip"));
        var pipeline = MlNetTextModel.Load(pipelineFile);
        var texts = Names.Select(ActivityNameNormalizer.Normalize).Concat(Names).Concat(Sample.Take(40).Select(t => t.Text)).ToArray();
        var embeddings = SharedEmbedder.Instance.Embed(texts, TestContext.Current.CancellationToken);

        var reference = new SuitabilityModel(pipeline, SharedEmbedder.Instance).PredictBatch(texts, embeddings);
        Assert.False(new SuitabilityModel(pipeline, SharedEmbedder.Instance).IsCompiled);
        var actual = sut.PredictBatch(texts, embeddings);

        Assert.True(sut.IsCompiled);
        Assert.True(sut.CanExplain);
        var countMismatches = Enumerable.Range(0, texts.Length)
            .Where(i => reference[i].Words != actual[i].Words || reference[i].KnownWords != actual[i].KnownWords)
            .Select(i => $"'{texts[i]}': ML.NET {reference[i].Words}/{reference[i].KnownWords}, compiled {actual[i].Words}/{actual[i].KnownWords}")
            .ToList();
        Assert.Empty(countMismatches);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(reference[i].AutomationScore, actual[i].AutomationScore, 4);
            Assert.Equal(reference[i].ExposedProbability, actual[i].ExposedProbability, 4);
        }
    }
}
