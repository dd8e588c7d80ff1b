using System.Globalization;
using System.Text;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// The object table: every object id interned once to a dense index. Ids are kept as UTF-8 in one byte arena (no string
/// per object, nothing for the garbage collector to trace) and found by an open-addressing hash table whose slots hold
/// the hash beside the index, so a lookup touches one slot, one offset and the id's bytes. The JSON reader looks ids up
/// by their raw UTF-8 bytes; XML and SQLite give characters, which are encoded into a scratch buffer first. The hash
/// is seeded per process (<see cref="HashCode"/>), so an uploaded file cannot be crafted to collide.
/// Memory per object: its id's UTF-8 bytes, a 4-byte offset and 16 to 32 bytes of slots (8-byte slots, load factor ≤ 1/2).
/// </summary>
internal sealed class OcelObjectTable
{
    private const int MaxArenaBytes = int.MaxValue - 64;

    private byte[] _bytes = new byte[1 << 16];
    private int[] _starts = new int[1025];
    private ulong[] _slots = new ulong[2048];
    private int _mask = 2047;
    private byte[] _scratch = new byte[256];

    /// <summary>What <see cref="Warm"/> read, kept so that its loads are not optimised away.</summary>
    private long _warmed;

    public int Count { get; private set; }

    /// <summary>Bytes held: arena, offsets and slots (for the memory model in docs/ocel.md).</summary>
    public long AllocatedBytes => _bytes.LongLength + 4L * _starts.Length + 8L * _slots.Length;

    /// <summary>The index of <paramref name="id"/> (UTF-8), or -1.</summary>
    public int Find(ReadOnlySpan<byte> id) => Find(id, Hash(id));

    /// <summary>
    /// The index of <paramref name="id"/> (UTF-8), or -1, by its hash <paramref name="hash"/> from <see cref="HashOf"/>
    /// (the JSON reader hashes each id once, on its own thread, and the lookup and the insertion reuse it).
    /// </summary>
    public int Find(ReadOnlySpan<byte> id, int hash)
    {
        var slot = hash & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >> 32) == (uint)hash)
            {
                var index = (int)(uint)entry - 1;
                if (Bytes(index).SequenceEqual(id))
                {
                    return index;
                }
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// Brings the slots, offsets and id bytes that looking up <paramref name="hashes"/> (from <see cref="HashOf"/>) will
    /// touch into the cache, many at once: each pass is a loop of independent loads, which the processor overlaps, where
    /// the lookups one by one would wait for each miss in turn (slot, then offset, then bytes). A hint: it changes
    /// nothing, and a stale or colliding hash only warms a line for nothing.
    /// </summary>
    public void Warm(ReadOnlySpan<int> hashes)
    {
        var slots = _slots;
        var mask = _mask;
        var starts = _starts;
        var bytes = _bytes;
        long sum = 0;
        foreach (var hash in hashes)
        {
            sum += (long)slots[hash & mask];
        }

        foreach (var hash in hashes)
        {
            var index = Entry(slots, mask, hash);
            if (index >= 0)
            {
                sum += starts[index];
            }
        }

        foreach (var hash in hashes)
        {
            var index = Entry(slots, mask, hash);
            if (index >= 0 && (uint)starts[index] < (uint)bytes.Length)
            {
                sum += bytes[starts[index]];
            }
        }

        _warmed += sum;
    }

    /// <summary>The hash <see cref="Find(ReadOnlySpan{byte})"/> looks <paramref name="id"/> up by (for <see cref="Warm"/>).</summary>
    public static int HashOf(ReadOnlySpan<byte> id) => Hash(id);

    /// <summary>The index in the first slot of <paramref name="hash"/>'s probe that carries the hash, or -1 (a few slots at most).</summary>
    private static int Entry(ulong[] slots, int mask, int hash)
    {
        var slot = hash & mask;
        for (var probe = 0; probe < 4; probe++)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >> 32) == (uint)hash)
            {
                return (int)(uint)entry - 1;
            }

            slot = (slot + 1) & mask;
        }

        return -1;
    }

    /// <summary>The index of <paramref name="id"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> id) => Find(Encode(id));

    /// <summary>Adds <paramref name="id"/> (UTF-8), which must not be in the table yet; returns its index.</summary>
    public int Add(ReadOnlySpan<byte> id) => Add(id, Hash(id));

    /// <summary>Adds <paramref name="id"/> (UTF-8) by its hash from <see cref="HashOf"/>; it must not be in the table yet.</summary>
    public int Add(ReadOnlySpan<byte> id, int hash)
    {
        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        if ((long)_starts[Count] + id.Length > MaxArenaBytes)
        {
            throw new InvalidOperationException("the object ids take more than 2 GiB");
        }

        var index = Count;
        var start = _starts[index];
        if (start + id.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, (int)Math.Min(MaxArenaBytes, Math.Max((long)_bytes.Length * 2, (long)start + id.Length)));
        }

        id.CopyTo(_bytes.AsSpan(start));
        if (index + 2 > _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
        }

        _starts[index + 1] = start + id.Length;
        Count++;
        Insert(hash, index);
        return index;
    }

    /// <summary>Adds <paramref name="id"/>, which must not be in the table yet; returns its index.</summary>
    public int Add(ReadOnlySpan<char> id) => Add(Encode(id));

    /// <summary>The id of object <paramref name="index"/> as UTF-8, valid until the next <see cref="Add(ReadOnlySpan{byte})"/>.</summary>
    public ReadOnlySpan<byte> Bytes(int index) => _bytes.AsSpan(_starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>The id of object <paramref name="index"/> as a string (messages, resource names: off the hot path).</summary>
    public string Name(int index) => Encoding.UTF8.GetString(Bytes(index));

    /// <summary>
    /// <paramref name="id"/> as UTF-8 in a scratch buffer, valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> Encode(ReadOnlySpan<char> id)
    {
        var most = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (most > _scratch.Length)
        {
            _scratch = new byte[Math.Max(most, _scratch.Length * 2)];
        }

        return _scratch.AsSpan(0, Encoding.UTF8.GetBytes(id, _scratch));
    }

    private void Insert(int hash, int index)
    {
        var slot = hash & _mask;
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & _mask;
        }

        _slots[slot] = ((ulong)(uint)hash << 32) | (uint)(index + 1);
    }

    private void Grow()
    {
        var old = _slots;
        if (old.Length >= 1 << 30)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"more than {Count:N0} objects"));
        }

        _slots = new ulong[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry != 0)
            {
                var slot = (int)(entry >> 32) & _mask;
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & _mask;
                }

                _slots[slot] = entry;
            }
        }
    }

    private static int Hash(ReadOnlySpan<byte> id)
    {
        var hash = new HashCode();
        hash.AddBytes(id);
        return hash.ToHashCode();
    }
}
