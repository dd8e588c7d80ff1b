using System.ComponentModel.DataAnnotations;

namespace AutomationScanner.Functions.Scanning;

/// <summary>How a Durable scan splits large exports (section <c>ScanFanOut</c>).</summary>
public sealed class ScanFanOutOptions
{
    public const string SectionName = "ScanFanOut";

    /// <summary>Target bytes per part: an export of N bytes is mined as ceil(N / PartBytes) activities (64 MiB).</summary>
    [Range(1L << 16, 1L << 40)]
    public long PartBytes { get; set; } = 64L << 20;

    /// <summary>Most parts one export is cut into.</summary>
    [Range(1, 256)]
    public int MaxPartsPerExport { get; set; } = 32;

    public int PartsFor(long size) => (int)Math.Clamp((size + PartBytes - 1) / PartBytes, 1, MaxPartsPerExport);
}
