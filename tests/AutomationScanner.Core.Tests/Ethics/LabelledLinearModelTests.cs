using System.Runtime.CompilerServices;
using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 24: the learned linear signal's shipped weights are those trained on the labelled cases, and the evaluation
/// rates each batch with a signal trained without it. Regenerate the file after editing the cases (and rebuilding the
/// labelled-case index, whose rules it takes):
/// <c>UPDATE_LABELLED_LINEAR=1 dotnet test --project tests/AutomationScanner.Core.Tests -- --filter-class "*LabelledLinearModelTests"</c>
/// (it writes the shipped weights and the evaluation's per-batch weights, TestData/labelled-linear-by-batch.bin).
/// </summary>
public sealed class LabelledLinearModelTests
{
    [Fact]
    public void ShippedWeights_AreTrainedOnTheLabelledCases()
    {
        var trained = LabelledLinearModel.Train(RiskEvaluation.LinearCases);
        if (Environment.GetEnvironmentVariable("UPDATE_LABELLED_LINEAR") == "1")
        {
            File.WriteAllBytes(ShippedFile(), trained.Write());
            return;
        }

        var shipped = LabelledLinearModel.Shipped;
        Assert.NotNull(shipped);
        Assert.Equal(trained.Fingerprint, shipped.Fingerprint);
        Assert.Equal(trained.Labels, shipped.Labels);
        var a = trained.Weights.ToArray();
        var b = shipped.Weights.ToArray();
        Assert.Equal(a.Length, b.Length);
        Assert.All(Enumerable.Range(0, a.Length), i => Assert.True(Math.Abs(a[i] - b[i]) < 1e-3 * Math.Max(1, Math.Abs(a[i])), $"weight {i}: {a[i]} vs {b[i]}"));
    }

    /// <summary>
    /// Round 26: the evaluation reads the per-batch signals from TestData/labelled-linear-by-batch.bin rather than
    /// training 26 models in every test run; the file must be current (trained from today's cases, rules and spellings)
    /// and hold what training gives (checked on the newest batch, whose model differs most from an older file's).
    /// </summary>
    [Fact]
    public void StoredPerBatchWeights_AreTrainedWithoutEachBatch()
    {
        var batches = RiskEvaluation.BatchOrder;
        if (Environment.GetEnvironmentVariable("UPDATE_LABELLED_LINEAR") == "1")
        {
            var models = new LabelledLinearModel[batches.Length];
            Parallel.For(0, batches.Length, i => models[i] = RiskEvaluation.TrainLinearWithout(batches[i]));
            File.WriteAllBytes(StoredFile(), RiskEvaluation.WriteLinearByBatch(batches.Select((b, i) => (b, models[i])), RiskEvaluation.LinearInputsHash));
            return;
        }

        Assert.True(File.Exists(RiskEvaluation.LinearByBatchFile), "TestData/labelled-linear-by-batch.bin is missing: regenerate it with UPDATE_LABELLED_LINEAR=1 (see this class)");
        var stored = RiskEvaluation.ReadLinearByBatch(File.ReadAllBytes(RiskEvaluation.LinearByBatchFile), RiskEvaluation.LinearInputsHash);
        Assert.True(stored is not null, "TestData/labelled-linear-by-batch.bin was trained from other cases, rules or spellings: regenerate it with UPDATE_LABELLED_LINEAR=1 (see this class)");
        Assert.Equal(batches.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        var newest = batches[^1];
        var trained = RiskEvaluation.TrainLinearWithout(newest);
        Assert.Equal(trained.Fingerprint, stored[newest].Fingerprint);
        Assert.Equal(trained.Labels, stored[newest].Labels);
        var a = trained.Weights.ToArray();
        var b = stored[newest].Weights.ToArray();
        Assert.Equal(a.Length, b.Length);
        Assert.All(Enumerable.Range(0, a.Length), i => Assert.True(Math.Abs(a[i] - b[i]) < 1e-3 * Math.Max(1, Math.Abs(a[i])), $"weight {i}: {a[i]} vs {b[i]}"));
    }

    [Fact]
    public void StoredPerBatchWeights_FromOtherInputs_AreNotUsed()
    {
        var model = LabelledLinearModel.Train([.. RiskEvaluation.LinearCases.Where(c => c.Batch == "cases")]);
        var bytes = RiskEvaluation.WriteLinearByBatch([("cases", model)], "inputs-a");
        Assert.Null(RiskEvaluation.ReadLinearByBatch(bytes, "inputs-b"));
        var read = RiskEvaluation.ReadLinearByBatch(bytes, "inputs-a");
        Assert.NotNull(read);
        Assert.Equal(model.Write(), read["cases"].Write());
    }

    [Fact]
    public void TheEvaluation_RatesEachBatchWithASignalTrainedWithoutIt()
    {
        var screen = RiskEvaluation.ForBatch(RiskEvaluation.LinearScreen(), "fresh-r23");
        Assert.NotNull(screen.LabelledLinear);
        var without = RiskEvaluation.LinearCases.Where(c => c.Batch != "fresh-r23").ToList();
        Assert.Equal(LabelledLinearModel.FingerprintOf(without), screen.LabelledLinear.Fingerprint);
    }

    [Fact]
    public void Training_IsDeterministic()
    {
        var cases = RiskEvaluation.LinearCases.Where(c => c.Batch == "cases").ToList();
        Assert.Equal(LabelledLinearModel.Train(cases).Write(), LabelledLinearModel.Train(cases).Write());
    }

    private static string StoredFile([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "TestData", "labelled-linear-by-batch.bin"));

    private static string ShippedFile([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "AutomationScanner.Core", "Ethics", "labelled-linear.bin"));
}
