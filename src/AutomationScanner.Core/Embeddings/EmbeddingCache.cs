using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace AutomationScanner.Core.Embeddings;

/// <summary>
/// Sentence vectors by the SHA-256 of the prepared text, for one model. Thread-safe. Serialises to a compact binary
/// file (magic, version, model id, dimensions, then key + float32 vector per entry, most recently used first); a file
/// for another model, of another version or damaged in any way reads as empty, so a bad cache only costs recomputation.
/// When the file is capped, the least recently used entries are the ones left out.
/// </summary>
public sealed class EmbeddingCache
{
    private const uint Magic = 0x424D4541; // "AEMB" little-endian
    private const int FormatVersion = 1;

    private readonly ConcurrentDictionary<UInt128, Entry> _vectors = new();
    private int _added;

    // Use clock: every hit or addition takes the next tick; entries read from a file get ticks below zero, the file's
    // first (most recent) entry the highest.
    private long _clock;

    public EmbeddingCache(string modelId, int dimensions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ModelId = modelId;
        Dimensions = dimensions;
    }

    public string ModelId { get; }

    public int Dimensions { get; }

    public int Count => _vectors.Count;

    /// <summary>Entries added since the cache was created or last marked saved.</summary>
    public bool HasChanges => Volatile.Read(ref _added) > 0;

    /// <summary>The store name for this model's cache file, e.g. <c>embeddings/all-MiniLM-L6-v2-onnx-v1.bin</c>.</summary>
    public string StoreName => StoreNameFor(ModelId);

    /// <summary>The store name of the cache file of the model <paramref name="modelId"/> (see <see cref="StoreName"/>).</summary>
    public static string StoreNameFor(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return "embeddings/" + new string([.. modelId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '-')]) + ".bin";
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static UInt128 KeyOf(string preparedText)
    {
        Span<byte> hash = stackalloc byte[32];
        var maxBytes = Encoding.UTF8.GetMaxByteCount(preparedText.Length);
        byte[]? rented = null;
        Span<byte> utf8 = maxBytes <= 1_024 ? stackalloc byte[1_024] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(preparedText, utf8)], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(string preparedText, out float[] vector)
    {
        if (_vectors.TryGetValue(KeyOf(preparedText), out var entry))
        {
            Volatile.Write(ref entry.LastUse, Interlocked.Increment(ref _clock));
            vector = entry.Vector;
            return true;
        }

        vector = null!;
        return false;
    }

    public void Add(string preparedText, float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Expected {Dimensions} dimensions, got {vector.Length}.", nameof(vector));
        }

        if (_vectors.TryAdd(KeyOf(preparedText), new Entry(vector, Interlocked.Increment(ref _clock))))
        {
            Interlocked.Increment(ref _added);
        }
    }

    public void MarkSaved() => Interlocked.Exchange(ref _added, 0);

    /// <summary>Whether shipped vectors (the rule catalogue's) were already added, so they are read once per cache.</summary>
    public bool Seeded { get; set; }

    /// <summary>The cache as bytes, most recently used first; at most <paramref name="maxEntries"/> entries (the least recently used are left out).</summary>
    public byte[] Serialize(int maxEntries = int.MaxValue)
    {
        var entries = _vectors.ToArray()
            .OrderByDescending(e => Volatile.Read(ref e.Value.LastUse)).ThenBy(e => e.Key)
            .Take(Math.Max(0, maxEntries)).ToArray();
        var count = entries.Length;
        var model = Encoding.UTF8.GetBytes(ModelId);
        using var stream = new MemoryStream(16 + model.Length + (count * (16 + (4 * Dimensions))));
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(model.Length);
            writer.Write(model);
            writer.Write(Dimensions);
            writer.Write(count);
            Span<byte> key = stackalloc byte[16];
            for (var i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteUInt128LittleEndian(key, entries[i].Key);
                writer.Write(key);
                writer.Write(MemoryMarshal.AsBytes(entries[i].Value.Vector.AsSpan()));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Adds the entries of a serialised cache of the same model; returns how many were read (0 for anything unusable).</summary>
    public int Load(ReadOnlySpan<byte> bytes)
    {
        var reader = new SpanReader(bytes);
        if (!reader.TryReadInt32(out var magic) || (uint)magic != Magic
            || !reader.TryReadInt32(out var version) || version != FormatVersion
            || !reader.TryReadInt32(out var modelLength) || modelLength is < 1 or > 1_000
            || !reader.TryReadBytes(modelLength, out var model) || Encoding.UTF8.GetString(model) != ModelId
            || !reader.TryReadInt32(out var dimensions) || dimensions != Dimensions
            || !reader.TryReadInt32(out var count) || count < 0
            || (long)count * (16 + (4L * Dimensions)) != reader.Remaining)
        {
            return 0;
        }

        for (var i = 0; i < count; i++)
        {
            reader.TryReadBytes(16, out var key);
            reader.TryReadBytes(4 * Dimensions, out var raw);
            var vector = MemoryMarshal.Cast<byte, float>(raw).ToArray();
            if (vector.Any(v => !float.IsFinite(v)))
            {
                continue;
            }

            _vectors.TryAdd(BinaryPrimitives.ReadUInt128LittleEndian(key), new Entry(vector, -1 - (long)i));
        }

        return count;
    }

    private sealed class Entry(float[] vector, long lastUse)
    {
        public float[] Vector { get; } = vector;

        public long LastUse = lastUse;
    }

    internal static bool IsValidStoreName(string name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 200 && !name.Contains("..", StringComparison.Ordinal) && name[0] != '/'
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '/');

    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public readonly int Remaining => _rest.Length;

        public bool TryReadInt32(out int value)
        {
            if (_rest.Length < 4)
            {
                value = 0;
                return false;
            }

            value = BinaryPrimitives.ReadInt32LittleEndian(_rest);
            _rest = _rest[4..];
            return true;
        }

        public bool TryReadBytes(int length, out ReadOnlySpan<byte> value)
        {
            if (_rest.Length < length)
            {
                value = default;
                return false;
            }

            value = _rest[..length];
            _rest = _rest[length..];
            return true;
        }
    }
}
