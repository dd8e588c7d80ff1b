using System.Numerics;

namespace AutomationScanner.Core.Mining;

/// <summary>
/// A set of day numbers as a bitmap from the earliest day seen: a resource's active days over a ten-year log take 460
/// bytes, and adding a day it already has allocates nothing (mining keeps no allocation per event).
/// </summary>
public sealed class DaySet
{
    private ulong[] _bits = [];
    private int _first;

    public int Count { get; private set; }

    public bool Add(int day)
    {
        if (_bits.Length == 0)
        {
            _first = day - (day & 63);
            _bits = new ulong[4];
        }
        else if (day < _first)
        {
            // Earlier than anything seen: move the bitmap up by whole words.
            var shift = (_first - day + 63) / 64;
            var moved = new ulong[_bits.Length + shift];
            Array.Copy(_bits, 0, moved, shift, _bits.Length);
            _bits = moved;
            _first -= shift * 64;
        }

        var offset = day - _first;
        var word = offset >> 6;
        if (word >= _bits.Length)
        {
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        }

        var mask = 1UL << (offset & 63);
        if ((_bits[word] & mask) != 0)
        {
            return false;
        }

        _bits[word] |= mask;
        Count++;
        return true;
    }

    public void UnionWith(IEnumerable<int> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        foreach (var day in days)
        {
            Add(day);
        }
    }

    /// <summary>The days in ascending order.</summary>
    public IEnumerable<int> Days()
    {
        for (var word = 0; word < _bits.Length; word++)
        {
            var bits = _bits[word];
            while (bits != 0)
            {
                var bit = BitOperations.TrailingZeroCount(bits);
                yield return _first + (word * 64) + bit;
                bits &= bits - 1;
            }
        }
    }
}
