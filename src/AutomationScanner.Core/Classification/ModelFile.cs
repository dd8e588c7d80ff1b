using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutomationScanner.Core.Classification;

/// <summary>
/// The flat container of a suitability model file: a header, a table of numbered sections, and the sections, each
/// aligned to 64 bytes so that every array in it can be read in place (little-endian, as x64 and arm64 are). Nothing is
/// parsed or copied on load: the shipped file is read where the assembly image maps it, a file on disk with one read
/// into a pinned array. Header: magic "SASM", version, section count, reserved; then per section its id (u32),
/// reserved (u32), offset (u64) and length (u64).
/// </summary>
internal sealed unsafe class ModelFile
{
    public const uint Magic = 0x4D534153; // "SASM"
    public const int Version = 1;
    private const int Alignment = 64;
    private const int HeaderSize = 16;
    private const int EntrySize = 24;

    private readonly byte* data;
    private readonly long length;
    private readonly Dictionary<int, (long Offset, long Length)> sections;

    // Keeps the memory alive: the pinned array, or the resource stream over the assembly image.
    private readonly object owner;

    private ModelFile(byte* data, long length, object owner)
    {
        this.data = data;
        this.length = length;
        this.owner = owner;
        sections = ReadTable(new ReadOnlySpan<byte>(data, (int)Math.Min(length, int.MaxValue)), length);
    }

    /// <summary>Bytes in the file.</summary>
    public long Length => length;

    /// <summary>True when <paramref name="prefix"/> starts like a model file of this container (any version).</summary>
    public static bool LooksLikeModelFile(ReadOnlySpan<byte> prefix) =>
        prefix.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(prefix) == Magic;

    /// <summary>Reads a model file from <paramref name="stream"/>: in place when it is memory the process maps (an embedded resource), else with one read.</summary>
    public static ModelFile Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Suitability model files are little-endian.");
        }

        if (stream is UnmanagedMemoryStream unmanaged && unmanaged.Position == 0)
        {
            return new ModelFile(unmanaged.PositionPointer, unmanaged.Length, unmanaged);
        }

        var size = stream.CanSeek ? stream.Length - stream.Position : -1;
        if (size > int.MaxValue)
        {
            throw new FormatException("The model file is larger than 2 GB.");
        }

        byte[] bytes;
        if (size >= 0)
        {
            bytes = GC.AllocateUninitializedArray<byte>((int)size, pinned: true);
            stream.ReadExactly(bytes);
        }
        else
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            bytes = GC.AllocateUninitializedArray<byte>((int)buffer.Length, pinned: true);
            buffer.GetBuffer().AsSpan(0, bytes.Length).CopyTo(bytes);
        }

        return FromPinned(bytes);
    }

    /// <summary>A model file over <paramref name="bytes"/> (copied into a pinned array unless it is one).</summary>
    public static ModelFile FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var pinned = GC.AllocateUninitializedArray<byte>(bytes.Length, pinned: true);
        bytes.CopyTo(pinned, 0);
        return FromPinned(pinned);
    }

    private static ModelFile FromPinned(byte[] pinned) =>
        new((byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned)), pinned.Length, pinned);

    public bool Has(int id) => sections.ContainsKey(id);

    /// <summary>Section <paramref name="id"/> as <paramref name="count"/> values of <typeparamref name="T"/>; a missing or short section is a <see cref="FormatException"/>.</summary>
    public ReadOnlySpan<T> Get<T>(int id, long count)
        where T : unmanaged
    {
        var (offset, size) = Locate<T>(id, count);
        return new ReadOnlySpan<T>(data + offset, (int)(size / sizeof(T)));
    }

    /// <summary>Offset (bytes) of section <paramref name="id"/>, checked to hold <paramref name="count"/> values of <typeparamref name="T"/>.</summary>
    public (long Offset, long Length) Locate<T>(int id, long count)
        where T : unmanaged
    {
        if (!sections.TryGetValue(id, out var section))
        {
            throw new FormatException($"The model file has no section {id}; retrain it with `scanner train`.");
        }

        if (count < 0 || count > int.MaxValue || section.Length != count * sizeof(T))
        {
            throw new FormatException($"Section {id} of the model file holds {section.Length} bytes, not {count} values of {sizeof(T)} bytes.");
        }

        return section;
    }

    /// <summary>A span at a located offset (see <see cref="Locate{T}"/>); the caller keeps this file alive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<T> At<T>(long offset, int count)
        where T : unmanaged => new(data + offset, count);

    /// <summary>Keeps the file's memory reachable while spans over it are in use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void KeepAlive() => GC.KeepAlive(owner);

    private static Dictionary<int, (long Offset, long Length)> ReadTable(ReadOnlySpan<byte> bytes, long length)
    {
        if (bytes.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
        {
            throw new FormatException("Not a suitability model file (no 'SASM' header); retrain the model with `scanner train`.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (version != Version)
        {
            throw new FormatException($"Suitability model file version {version} is not read by this scanner (it reads version {Version}); retrain the model with `scanner train`.");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        if (count < 0 || count > 256 || HeaderSize + ((long)count * EntrySize) > bytes.Length)
        {
            throw new FormatException("The model file's section table is out of range.");
        }

        var result = new Dictionary<int, (long, long)>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = bytes.Slice(HeaderSize + (i * EntrySize), EntrySize);
            var id = BinaryPrimitives.ReadInt32LittleEndian(entry);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(entry[8..]);
            var size = BinaryPrimitives.ReadInt64LittleEndian(entry[16..]);
            if (offset < 0 || size < 0 || offset % Alignment != 0 || offset + size > length || !result.TryAdd(id, (offset, size)))
            {
                throw new FormatException($"Section {id} of the model file is out of range or repeated (the file is truncated or damaged).");
            }
        }

        return result;
    }

    /// <summary>Writes the container: sections in the order added, each aligned, zero padding. Same sections, same bytes.</summary>
    internal sealed class Writer
    {
        private readonly List<(int Id, byte[] Content)> sections = [];

        public Writer Add<T>(int id, ReadOnlySpan<T> values)
            where T : unmanaged
        {
            sections.Add((id, MemoryMarshal.AsBytes(values).ToArray()));
            return this;
        }

        public byte[] ToArray()
        {
            var position = Align(HeaderSize + ((long)sections.Count * EntrySize));
            var offsets = new long[sections.Count];
            for (var i = 0; i < sections.Count; i++)
            {
                offsets[i] = position;
                position = Align(position + sections[i].Content.Length);
            }

            var bytes = new byte[position];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), Version);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), sections.Count);
            for (var i = 0; i < sections.Count; i++)
            {
                var entry = bytes.AsSpan(HeaderSize + (i * EntrySize), EntrySize);
                BinaryPrimitives.WriteInt32LittleEndian(entry, sections[i].Id);
                BinaryPrimitives.WriteInt64LittleEndian(entry[8..], offsets[i]);
                BinaryPrimitives.WriteInt64LittleEndian(entry[16..], sections[i].Content.Length);
                sections[i].Content.CopyTo(bytes, offsets[i]);
            }

            return bytes;
        }

        private static long Align(long value) => (value + Alignment - 1) / Alignment * Alignment;
    }
}
