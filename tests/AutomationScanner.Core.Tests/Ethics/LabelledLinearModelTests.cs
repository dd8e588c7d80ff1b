using System.Runtime.CompilerServices;
using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 24: the learned linear signal's shipped weights are those trained on the labelled cases, and the evaluation
/// rates each batch with a signal trained without it. Regenerate the file after editing the cases (and rebuilding the
/// labelled-case index, whose rules it takes):
/// <c>UPDATE_LABELLED_LINEAR=1 dotnet test --project tests/AutomationScanner.Core.Tests -- --filter-class "*LabelledLinearModelTests"</c>.
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

    private static string ShippedFile([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "AutomationScanner.Core", "Ethics", "labelled-linear.bin"));
}
