namespace AutomationScanner.Core.Ingestion;

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
