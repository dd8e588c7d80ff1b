using AutomationScanner.Core.Classification;

namespace AutomationScanner.Core.Tests.Classification;

/// <summary>Tests of the model shipped in AutomationScanner.Core.</summary>
public sealed class SuitabilityModelTests
{
    private static readonly Lazy<SuitabilityModel> Shipped = new(SuitabilityModel.LoadShipped);

    [Fact]
    public void LoadShipped_ClearExamples_DataEntryMoreSuitableThanComforting()
    {
        var sut = Shipped.Value;

        var dataEntry = sut.Predict("Enter invoice data into the ERP system");
        var comforting = sut.Predict("Comfort grieving family members");

        Assert.True(dataEntry.ExposedProbability > comforting.ExposedProbability + 0.3);
        Assert.NotEqual(ExposureClass.NoExposure, dataEntry.Class);
        Assert.Equal(ExposureClass.NoExposure, comforting.Class);
    }

    [Theory]
    [InlineData("Write summaries of reports and correspondence", "Lift patients into beds")]
    [InlineData("Translate documents from English into Spanish", "Repair engines of heavy trucks")]
    [InlineData("Compile statistical data for reports", "Climb poles to install power lines")]
    public void Predict_KnowledgeWorkVersusManualWork_KnowledgeWorkScoresHigher(string knowledge, string manual)
    {
        var sut = Shipped.Value;

        Assert.True(sut.Predict(knowledge).ExposedProbability > sut.Predict(manual).ExposedProbability);
    }

    [Theory]
    [InlineData("W_Completeren aanvraag")]
    [InlineData("Antrag prüfen und genehmigen")]
    [InlineData("申请审批")]
    [InlineData("")]
    [InlineData("12345 ###")]
    public void Predict_NonEnglishOrEmpty_DoesNotThrowAndIsLowConfidence(string text)
    {
        var actual = Shipped.Value.Predict(ActivityNameNormalizer.Normalize(text));

        Assert.True(actual.LowConfidence);
        Assert.Equal(1.0, actual.Probabilities.Sum(), 3);
    }

    [Fact]
    public void Predict_EnglishTaskText_IsNotLowConfidence()
    {
        var actual = Shipped.Value.Predict(ActivityNameNormalizer.Normalize("Declaration SUBMITTED by EMPLOYEE"));

        Assert.False(actual.LowConfidence);
        Assert.True(actual.KnownWords >= 2);
    }

    [Fact]
    public void PredictBatch_SameTexts_MatchesSinglePredictions()
    {
        var sut = Shipped.Value;
        string[] texts = ["Schedule appointments for patients", "Operate forklifts", "Review loan applications"];

        var batch = sut.PredictBatch(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = sut.Predict(texts[i]);
            Assert.Equal(single.Probabilities, batch[i].Probabilities);
            Assert.Equal(single.KnownWords, batch[i].KnownWords);
        }
    }

    [Fact]
    public void PredictBatch_ManyThreadsAtOnce_SameResultsAsSequential()
    {
        var sut = Shipped.Value;
        var texts = Enumerable.Range(0, 64).Select(i => i % 2 == 0 ? $"Enter data record {i} into database" : $"Inspect welds on part {i}").ToArray();
        var expected = texts.Select(t => sut.Predict(t).Probabilities.ToArray()).ToArray();

        var actual = new float[texts.Length][];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken }, i =>
        {
            actual[i] = i % 3 == 0
                ? sut.PredictBatch([texts[i]])[0].Probabilities.ToArray()
                : sut.Predict(texts[i]).Probabilities.ToArray();
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void PredictBatch_WithTopFeatures_NamesTheWordsOfTheText()
    {
        var sut = Shipped.Value;

        var actual = sut.PredictBatch(["Enter invoice data into the ERP system"], topFeatures: 5)[0];

        Assert.True(sut.CanExplain);
        Assert.InRange(actual.TopFeatures.Count, 1, 5);
        Assert.Contains(actual.TopFeatures, f => f.Feature.Contains("data", StringComparison.Ordinal) || f.Feature.Contains("enter", StringComparison.Ordinal));
        Assert.Equal(
            actual.TopFeatures.Select(f => Math.Abs(f.Contribution)).OrderByDescending(c => c),
            actual.TopFeatures.Select(f => Math.Abs(f.Contribution)));
    }

    [Theory]
    [InlineData("WordFeatures.enter|data", "enter data")]
    [InlineData("CharFeatures.<␂>|e|n", "chars \"^en\"")]
    [InlineData("CharFeatures.a|<␠>|b", "chars \"a b\"")]
    public void ReadableFeature_SlotNames_AreReadable(string slot, string expected)
    {
        Assert.Equal(expected, SuitabilityModel.ReadableFeature(slot));
    }
}
