using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Tests.Mining;

public sealed class QuantileSketchTests
{
    [Fact]
    public void Quantile_UniformValues_WithinOnePercent()
    {
        var sut = new QuantileSketch();
        for (var i = 1; i <= 10_000; i++)
        {
            sut.Add(i);
        }

        Assert.Equal(5000, sut.Quantile(0.5), tolerance: 50);
        Assert.Equal(9000, sut.Quantile(0.9), tolerance: 90);
        Assert.Equal(1000, sut.Quantile(0.1), tolerance: 10);
        Assert.Equal(5000.5, sut.ToSummary().MeanSeconds, tolerance: 6.0);
    }

    [Fact]
    public void Merge_TwoHalves_EqualsWhole()
    {
        var whole = new QuantileSketch();
        var left = new QuantileSketch();
        var right = new QuantileSketch();
        var random = new Random(3);
        for (var i = 0; i < 5000; i++)
        {
            var value = Math.Exp(random.NextDouble() * 12);
            whole.Add(value);
            (i % 2 == 0 ? left : right).Add(value);
        }

        left.Merge(right);

        Assert.Equal(whole.Count, left.Count);
        foreach (var q in new[] { 0.01, 0.1, 0.5, 0.9, 0.99 })
        {
            Assert.Equal(whole.Quantile(q), left.Quantile(q));
        }
    }

    [Fact]
    public void Quantile_ZerosAndNegatives_CountAsZero()
    {
        var sut = new QuantileSketch();
        sut.Add(0);
        sut.Add(-5);
        sut.Add(100);

        Assert.Equal(0, sut.Quantile(0.5));
        Assert.Equal(100, sut.Quantile(1), tolerance: 1);
        Assert.Equal(0, new QuantileSketch().Quantile(0.5));
    }
}
