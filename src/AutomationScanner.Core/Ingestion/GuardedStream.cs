using System.Buffers.Binary;
using System.Globalization;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ingestion;

/// <summary>
/// Guards the decompressed content of one export: refuses it past <see cref="InputLimits.MaxDecompressedBytes"/> or a
/// compression ratio above <see cref="InputLimits.MaxCompressionRatio"/>, and at the end of a gzip file checks its
/// trailer (CRC-32 and size) so that a file cut short is never read as if it were whole.
/// </summary>
internal sealed class GuardedStream(string file, Stream inner, InputLimits limits, TrailerTrackingStream? compressed, List<string> warnings) : ForwardReadStream
{
    private readonly Crc32 _crc = new();
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
            _crc.Append(buffer[..n]);
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
        if (crc != _crc.Value || size != (uint)BytesRead)
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
