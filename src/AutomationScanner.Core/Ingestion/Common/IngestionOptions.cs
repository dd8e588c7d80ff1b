using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ingestion.Common;

/// <summary>How exports are read; every choice here is stated in the report.</summary>
public sealed record IngestionOptions
{
    public static IngestionOptions Default { get; } = new();

    /// <summary>Zone for timestamps that carry no offset (default UTC).</summary>
    public TimeZoneInfo DefaultTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Day-first or month-first for numeric dates; null guesses it from the values (day-first if undecided).</summary>
    public DateOrder? DateOrder { get; init; }

    public ColumnMapping Columns { get; init; } = ColumnMapping.Empty;

    public MiningOptions Mining { get; init; } = MiningOptions.Default;

    /// <summary>Limits on what one event-log export may cost to read (decompression, nesting, record size, cases, activities).</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;

    /// <summary>Caps for documents (SOPs, work instructions) read next to the logs.</summary>
    public DocumentOptions Documents { get; init; } = DocumentOptions.Default;

    /// <summary>
    /// Threads one large export is mined on (<see cref="ExportChunker.MineFile"/>): on two, a CSV is read on one thread
    /// and mined on the other; otherwise the export is split into this many parts at case or trace boundaries, mined at
    /// once and merged. Either way exactly what one pass gives. Default: the machine's cores.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Exports smaller than this are mined in one pass on one thread (a second thread costs more than it saves below it); default 16 MiB.</summary>
    public long ParallelMinBytes { get; init; } = 16L << 20;

    /// <summary>Object-centric logs (OCEL): the object types to flatten on, and limits.</summary>
    public OcelOptions Ocel { get; init; } = OcelOptions.Default;
}
