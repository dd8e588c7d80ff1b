using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ingestion;

/// <summary>Counts the compressed bytes a decompressor pulls and keeps the last eight (the gzip trailer once the input ends).</summary>
internal sealed class TrailerTrackingStream(Stream inner) : ForwardReadStream
{
    private readonly byte[] _tail = new byte[8];
    private int _tailLength;

    public long BytesRead { get; private set; }

    /// <summary>The last eight bytes read (CRC-32 and ISIZE of the last gzip member, little-endian), or empty if fewer were read.</summary>
    public ReadOnlySpan<byte> Tail => _tail.AsSpan(0, _tailLength);

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        if (n > 0)
        {
            BytesRead += n;
            var got = buffer[..n];
            if (n >= 8)
            {
                got[^8..].CopyTo(_tail);
                _tailLength = 8;
            }
            else
            {
                var keep = Math.Min(_tailLength, 8 - n);
                _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
                got.CopyTo(_tail.AsSpan(keep));
                _tailLength = keep + n;
            }
        }

        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Guards the decompressed content of one export: refuses it past <see cref="InputLimits.MaxDecompressedBytes"/> or a
/// compression ratio above <see cref="InputLimits.MaxCompressionRatio"/>, and at the end of a gzip file checks its
/// trailer (CRC-32 and size) so that a file cut short is never read as if it were whole.
/// </summary>
internal sealed class GuardedStream(string file, Stream inner, InputLimits limits, TrailerTrackingStream? compressed, List<string> warnings) : ForwardReadStream
{
    private uint _crc = Crc32.Seed;
    private bool _ended;

    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = inner.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw new IngestionException(file, $"the gzip data is corrupt after {Mb(BytesRead)} of content ({ex.Message})", inner: ex);
        }

        if (n == 0)
        {
            End();
            return 0;
        }

        BytesRead += n;
        if (compressed is not null)
        {
            _crc = Crc32.Update(_crc, buffer[..n]);
        }

        if (BytesRead > limits.MaxDecompressedBytes)
        {
            throw new IngestionException(file, $"{(compressed is null ? "is larger than" : "decompresses to more than")} {Mb(limits.MaxDecompressedBytes)} (input limit MaxDecompressedBytes); split the export or raise the limit");
        }

        if (compressed is not null && BytesRead > limits.RatioCheckAfterBytes && BytesRead > limits.MaxCompressionRatio * Math.Max(1, compressed.BytesRead))
        {
            throw new IngestionException(file, string.Create(CultureInfo.InvariantCulture,
                $"{Mb(compressed.BytesRead)} of gzip data expanded to more than {Mb(BytesRead)}, a ratio above {limits.MaxCompressionRatio:0}:1 (input limit MaxCompressionRatio): refused as a decompression bomb"));
        }

        return n;
    }

    private void End()
    {
        if (_ended || compressed is null)
        {
            return;
        }

        _ended = true;
        var tail = compressed.Tail;
        if (tail.Length < 8)
        {
            warnings.Add($"{file}: the gzip file is too short to hold its trailer; it is probably truncated ({Mb(BytesRead)} read)");
            return;
        }

        var crc = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]);
        if (crc != Crc32.Finish(_crc) || size != (uint)BytesRead)
        {
            // A multi-member gzip (cat a.gz b.gz) ends with its last member's trailer: that is rare for exports, so a
            // mismatch is reported, not fatal. A truncated file always mismatches.
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{file}: the gzip trailer (CRC-32 and size) does not match the {BytesRead} bytes decompressed: the file is probably truncated, and only what was read is mined"));
        }
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MB");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>CRC-32 (IEEE 802.3, as in gzip), slicing by one byte.</summary>
internal static class Crc32
{
    public const uint Seed = 0xFFFFFFFFu;

    private static readonly uint[] Table = Build();

    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;

    private static uint[] Build()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}

/// <summary>Replaces invalid UTF-8 with U+FFFD, as the default decoder does, and counts how often it did.</summary>
internal sealed class CountingReplacementFallback : DecoderFallback
{
    public long Replacements;

    public long FirstReplacementAt = -1;

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    /// <summary>UTF-8 that counts its replacements in <paramref name="fallback"/>.</summary>
    public static Encoding Utf8(CountingReplacementFallback fallback) =>
        Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, fallback);

    private sealed class Buffer(CountingReplacementFallback owner) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            Interlocked.Increment(ref owner.Replacements);
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
            {
                return '\0';
            }

            _pending = false;
            return '\uFFFD';
        }

        public override bool MovePrevious() => false;

        public override void Reset() => _pending = false;
    }
}
