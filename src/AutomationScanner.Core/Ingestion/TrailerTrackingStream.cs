using AutomationScanner.Core.Ingestion.Common;

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
