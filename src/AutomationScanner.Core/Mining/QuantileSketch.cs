using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Mining;

/// <summary>
/// Mergeable quantile sketch for non-negative durations (DDSketch, Masson et al. 2019): logarithmic buckets give
/// every quantile within 1% relative error in a few KB, whatever the number of values.
/// </summary>
public sealed class QuantileSketch
{
    private const double RelativeAccuracy = 0.01;

    /// <summary>Values below a millisecond count as zero: timestamps rarely carry more precision.</summary>
    private const double MinValue = 0.001;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    private long[] _bins = [];
    private int _offset;
    private long _zeroCount;

    /// <summary>The sum in 100 ns ticks: exact, so sketches merged in any order give the same mean as one pass.</summary>
    private Int128 _sumTicks;

    public long Count { get; private set; }

    public double Sum => (double)_sumTicks / TimeSpan.TicksPerSecond;

    public void Add(double seconds)
    {
        if (seconds < 0 || double.IsNaN(seconds))
        {
            seconds = 0;
        }

        Count++;
        _sumTicks += (long)Math.Round(seconds * TimeSpan.TicksPerSecond);
        if (seconds < MinValue)
        {
            _zeroCount++;
            return;
        }

        var index = (int)Math.Ceiling(Math.Log(seconds) / LogGamma);
        EnsureIndex(index);
        _bins[index - _offset]++;
    }

    public void Merge(QuantileSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Count += other.Count;
        _sumTicks += other._sumTicks;
        _zeroCount += other._zeroCount;
        for (var i = 0; i < other._bins.Length; i++)
        {
            if (other._bins[i] == 0)
            {
                continue;
            }

            var index = i + other._offset;
            EnsureIndex(index);
            _bins[index - _offset] += other._bins[i];
        }
    }

    /// <summary>The sketch's whole content, for sending a partial aggregate between processes.</summary>
    public QuantileSketchState ToState() => new(Count, _sumTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), _zeroCount, _offset, [.. _bins]);

    public static QuantileSketch FromState(QuantileSketchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sketch = new QuantileSketch();
        sketch.Restore(state);
        return sketch;
    }

    /// <summary>Replaces this (empty) sketch's content with <paramref name="state"/>.</summary>
    internal void Restore(QuantileSketchState state)
    {
        Count = state.Count;
        _sumTicks = Int128.Parse(state.SumTicks, System.Globalization.CultureInfo.InvariantCulture);
        _zeroCount = state.ZeroCount;
        _offset = state.Offset;
        _bins = [.. state.Bins];
    }

    /// <summary>The value at quantile <paramref name="q"/> (0..1); 0 when the sketch is empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Floor(Math.Clamp(q, 0, 1) * (Count - 1));
        if (rank < _zeroCount)
        {
            return 0;
        }

        var seen = _zeroCount;
        for (var i = 0; i < _bins.Length; i++)
        {
            seen += _bins[i];
            if (seen > rank)
            {
                var index = i + _offset;
                return 2 * Math.Pow(Gamma, index) / (Gamma + 1);
            }
        }

        return 2 * Math.Pow(Gamma, _bins.Length - 1 + _offset) / (Gamma + 1);
    }

    public DurationSummary ToSummary() => Count == 0
        ? DurationSummary.Empty
        : new DurationSummary(Count, Quantile(0.1), Quantile(0.5), Quantile(0.9), Sum / Count);

    private void EnsureIndex(int index)
    {
        if (_bins.Length == 0)
        {
            _bins = new long[16];
            _offset = index - 8;
            return;
        }

        if (index >= _offset && index < _offset + _bins.Length)
        {
            return;
        }

        var low = Math.Min(index, _offset);
        var high = Math.Max(index, _offset + _bins.Length - 1);
        var size = Math.Max(high - low + 1, _bins.Length * 2);
        var newOffset = index < _offset ? high - size + 1 : low;
        var grown = new long[size];
        Array.Copy(_bins, 0, grown, _offset - newOffset, _bins.Length);
        _bins = grown;
        _offset = newOffset;
    }
}

/// <summary>A <see cref="QuantileSketch"/> as plain data (the tick sum as a decimal string: it may exceed a long).</summary>
public sealed record QuantileSketchState(long Count, string SumTicks, long ZeroCount, int Offset, long[] Bins);
