using System.Buffers.Binary;
using System.Text;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Tests.Hostile;

namespace AutomationScanner.Core.Tests.Ingestion;

/// <summary>
/// The gzip trailer check (CRC-32 and size of the decompressed content) that tells a whole .gz from one cut short:
/// the vectorised CRC must agree with the checksum gzip itself stores, however the content arrives in reads.
/// </summary>
public sealed class GzipTrailerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Crc32_CheckValue_IsTheIeeeOne()
    {
        var crc = new Crc32();

        crc.Append("123456789"u8);

        Assert.Equal(0xCBF43926u, crc.Value);
    }

    [Fact]
    public void Crc32_AppendedInUnevenPieces_EqualsTheTrailerGzipWrote()
    {
        var content = Encoding.UTF8.GetBytes(HostileFiles.ValidCsv(20_000));
        var gz = HostileFiles.Gzip(content);
        var crc = new Crc32();

        // Reads of every size from 1 to 4,099 bytes, as a decompressor hands them out.
        var offset = 0;
        for (var size = 1; offset < content.Length; size = (size * 7 % 4099) + 1)
        {
            var piece = Math.Min(size, content.Length - offset);
            crc.Append(content.AsSpan(offset, piece));
            offset += piece;
        }

        Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(gz.AsSpan(gz.Length - 8)), crc.Value);
    }

    [Fact]
    public void CsvGz_LargeWhole_HasNoCompressionNote()
    {
        // Megabytes of content: many reads past the 64 KiB head, so the trailer is checked against a CRC built in pieces.
        var content = Encoding.UTF8.GetBytes(HostileFiles.ValidCsv(60_000));

        var plain = EventLogReader.Mine("large.csv", new MemoryStream(content), null, Ct);

        var mined = EventLogReader.Mine("large.csv.gz", new MemoryStream(HostileFiles.Gzip(content)), null, Ct);

        Assert.True(mined.Summary.Events > 90_000);
        Assert.Equal(plain.Summary.Events, mined.Summary.Events);
        Assert.DoesNotContain(mined.Summary.DataQuality, i => i.Kind == DataQualityKinds.EncodingOrCompression);
    }

    [Fact]
    public void CsvGz_TrailerOfOtherContent_IsReported()
    {
        // A whole deflate stream whose trailer is another file's: the content decompresses, the checksum disagrees.
        var content = Encoding.UTF8.GetBytes(HostileFiles.ValidCsv(5_000));
        var gz = HostileFiles.Gzip(content);
        var other = HostileFiles.Gzip(Encoding.UTF8.GetBytes(HostileFiles.ValidCsv(5_001)));
        other.AsSpan(other.Length - 8, 4).CopyTo(gz.AsSpan(gz.Length - 8, 4));

        MinedProcess? mined = null;
        var error = Record.Exception(() => mined = EventLogReader.Mine("swapped.csv.gz", new MemoryStream(gz), null, Ct));

        // zlib may refuse the stream itself ("incorrect data check"); if it does not, the scanner's own check must speak.
        if (error is null)
        {
            var note = Assert.Single(mined!.Summary.DataQuality, i => i.Kind == DataQualityKinds.EncodingOrCompression);
            Assert.Contains("trailer", note.Examples[0], StringComparison.Ordinal);
        }
        else
        {
            Assert.IsType<IngestionException>(error);
        }
    }
}
