using System.Diagnostics;
using AutomationScanner.Core.Classification;

namespace AutomationScanner.Core.Tests.Classification;

/// <summary>Tests of the model shipped in AutomationScanner.Core.</summary>
public sealed class SuitabilityModelTests
{
    private static readonly Lazy<SuitabilityModel> Shipped = new(() => SuitabilityModel.LoadShipped(SharedEmbedder.Instance));

    [Fact]
    public void LoadShipped_ClearExamples_DataEntryRatedMoreAutomatableThanComforting()
    {
        var sut = Shipped.Value;

        var dataEntry = sut.Predict("Enter invoice data into the ERP system");
        var comforting = sut.Predict("Comfort grieving family members");

        Assert.True(dataEntry.AutomationScore > comforting.AutomationScore + 0.2, $"{dataEntry.AutomationScore} vs {comforting.AutomationScore}");
        Assert.True(dataEntry.ExposedProbability > comforting.ExposedProbability + 0.3);
        Assert.NotEqual(ExposureClass.NoExposure, dataEntry.Class);
        Assert.Equal(ExposureClass.NoExposure, comforting.Class);
    }

    [Theory]
    [InlineData("Write summaries of reports and correspondence", "Lift patients into beds")]
    [InlineData("Translate documents from English into Spanish", "Repair engines of heavy trucks")]
    [InlineData("Compile statistical data for reports", "Climb poles to install power lines")]
    [InlineData("Enter customer orders into the order system", "Negotiate contracts with union representatives")]
    public void Predict_RoutineInformationWorkVersusManualOrInterpersonalWork_RoutineScoresHigher(string routine, string other)
    {
        var sut = Shipped.Value;

        Assert.True(sut.Predict(routine).AutomationScore > sut.Predict(other).AutomationScore);
    }

    [Theory]
    [InlineData("W_Completeren aanvraag")]
    [InlineData("Antrag prüfen und genehmigen")]
    [InlineData("申请审批")]
    [InlineData("")]
    [InlineData("12345 ###")]
    [InlineData("CRP")]
    public void Predict_NonEnglishCodesOrEmpty_DoesNotThrowAndIsLowConfidence(string text)
    {
        var actual = Shipped.Value.Predict(ActivityNameNormalizer.Normalize(text));

        Assert.True(actual.LowConfidence);
        Assert.Equal(1.0, actual.Probabilities.Sum(), 3);
        Assert.Equal(1.0, actual.AutomationProbabilities.Sum(), 3);
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

        var batch = sut.PredictBatch(texts, cancellationToken: TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = sut.Predict(texts[i]);
            Assert.Equal(single.Probabilities, batch[i].Probabilities);
            Assert.Equal(single.AutomationProbabilities, batch[i].AutomationProbabilities);
            Assert.Equal(single.KnownWords, batch[i].KnownWords);
        }
    }

    [Fact]
    public void PredictBatch_ManyThreadsAtOnce_SameResultsAsSequential()
    {
        var sut = Shipped.Value;
        var texts = Enumerable.Range(0, 64).Select(i => i % 2 == 0 ? $"Enter data record {i} into database" : $"Inspect welds on part {i}").ToArray();
        var expected = texts.Select(t => sut.Predict(t).AutomationProbabilities.ToArray()).ToArray();

        var actual = new float[texts.Length][];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken }, i =>
        {
            actual[i] = i % 3 == 0
                ? sut.PredictBatch([texts[i]], cancellationToken: TestContext.Current.CancellationToken)[0].AutomationProbabilities.ToArray()
                : sut.Predict(texts[i]).AutomationProbabilities.ToArray();
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Index_ShortActivityName_NearestStatementsAreAboutTheSameWork()
    {
        var sut = Shipped.Value;

        var actual = sut.Index!.Nearest(SharedEmbedder.Instance.Embed(["Record invoice receipt"], TestContext.Current.CancellationToken)[0], 3);

        Assert.Equal(3, actual.Count);
        Assert.Contains(actual, n => n.Text.Contains("invoice", StringComparison.OrdinalIgnoreCase));
        Assert.True(actual[0].Similarity > 0.45f, $"{actual[0].Text}: {actual[0].Similarity}");
    }

    [Fact]
    public void LoadShipped_Timed_LoadsWellUnderASecondAndIsCompiled()
    {
        using var resource = SuitabilityModel.OpenShipped();
        // The compiled text model and the index of 14,361 statements, uncompressed (read in place).
        Assert.InRange(resource.Length, 10_000, 24_000_000);

        SuitabilityModel.LoadShipped(SharedEmbedder.Instance);
        var watch = Stopwatch.StartNew();
        var loaded = SuitabilityModel.LoadShipped(SharedEmbedder.Instance);
        watch.Stop();

        // The benchmark (scanner evaluate --bench) quotes the figure; this only guards against a regression by orders of magnitude.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed}");
        Assert.NotNull(loaded.Index);
        Assert.True(loaded.IsCompiled);
    }

    [Fact]
    public void CoreAssembly_ReferencesNoMlNet_OnlyOnnxRuntime()
    {
        var references = typeof(SuitabilityModel).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        // The scan path scores the compiled model; ML.NET (training, evaluation) lives in AutomationScanner.Training.
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.ML", StringComparison.Ordinal) && !r.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("AutomationScanner.Training", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("WordFeatures.enter|data", "enter data")]
    [InlineData("enter|data", "enter data")]
    [InlineData("CharFeatures.<␂>|e|n", "chars \"^en\"")]
    [InlineData("Embedding.17", "")]
    public void ReadableFeature_SlotNames_AreReadable(string slot, string expected)
    {
        Assert.Equal(expected, AutomationScanner.Training.MlNetTextModel.ReadableFeature(slot));
    }
}
