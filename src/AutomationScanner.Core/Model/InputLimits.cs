using System.ComponentModel.DataAnnotations;

namespace AutomationScanner.Core.Model;

/// <summary>
/// What one event-log export may cost to read. Exports are untrusted uploads: each limit stops a memory or CPU bomb
/// with an error that names the file and the limit, or (for per-case and per-log caps) drops the excess with a
/// data-quality note. The defaults keep a scan of any single input under about 1.5 GB of memory. Hosts bind it from the
/// <c>Limits</c> configuration section (<c>Limits__MaxEventsPerCase</c>...); the ranges below are checked at start.
/// The limits are settable, not init-only: the configuration binding source generator (what binds them in the Native
/// AOT scanner, and in every build) binds into the options instance and skips init-only properties.
/// </summary>
public sealed record InputLimits
{
    public static InputLimits Default { get; } = new();

    /// <summary>Bytes one export may decompress (or, uncompressed, read) to; beyond it the file is refused.</summary>
    [LongRange(1048576, long.MaxValue)]
    public long MaxDecompressedBytes { get; set; } = 8L << 30;

    /// <summary>Largest decompressed : compressed ratio of a .gz export, checked once <see cref="RatioCheckAfterBytes"/> have been decompressed.</summary>
    [Range(2.0, 1_000_000.0)]
    public double MaxCompressionRatio { get; set; } = 200;

    /// <summary>Decompressed bytes after which <see cref="MaxCompressionRatio"/> applies (small, very repetitive files are fine).</summary>
    [LongRange(0, long.MaxValue)]
    public long RatioCheckAfterBytes { get; set; } = 64L << 20;

    /// <summary>Element nesting an XES file may reach (XES itself needs five or six levels).</summary>
    [Range(8, 1_000)]
    public int MaxXmlDepth { get; set; } = 64;

    /// <summary>Characters of one CSV record (a row, with its quoted line breaks).</summary>
    [Range(1_024, 1 << 28)]
    public int MaxRecordCharacters { get; set; } = 4 << 20;

    /// <summary>Columns of a CSV header; a wider header is refused (event logs have tens of columns).</summary>
    [Range(3, 100_000)]
    public int MaxColumns { get; set; } = 2_000;

    /// <summary>Events kept per case; further events of that case are dropped with a data-quality note.</summary>
    [Range(1, int.MaxValue)]
    public int MaxEventsPerCase { get; set; } = 250_000;

    /// <summary>
    /// Distinct activities kept per log; events of further activities are dropped with a data-quality note. Real
    /// process logs have tens to a few hundred (BPIC 2011: 624); every activity becomes a task that is embedded,
    /// screened and ranked, so 1 million distinct activities at a 20,000 cap took 1.7 GB and 64 s of CPU (measured,
    /// docs/hostile-input.md); at 2,000 it stays near 640 MB.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxActivities { get; set; } = 2_000;

    /// <summary>Distinct resources per log; further resources are read as unknown (their events are kept), with a note.</summary>
    [Range(1, int.MaxValue)]
    public int MaxResources { get; set; } = 20_000;
}
