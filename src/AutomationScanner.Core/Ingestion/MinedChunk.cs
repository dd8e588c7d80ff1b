using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ingestion;

/// <summary>
/// What mining one part gave: its aggregate as plain data, whether its cases interleaved (then a byte-range split
/// is not valid and the file is split by case-id hash instead), and the line counts that put its data-quality
/// examples back on the lines of the whole file. Beside it the part wrote a sidecar (<see cref="SidecarBytes"/>):
/// its start-time journal (<see cref="StartTimeJournal"/>), or for an object-centric log, which is one part and has
/// no single aggregate (<see cref="ObjectCentric"/>, <see cref="Aggregate"/> null), its flattened processes.
/// </summary>
public sealed record MinedChunk(ExportChunk Chunk, LogAggregateState? Aggregate, bool Interleaved, long RangeLines, long SyntheticLines)
{
    /// <summary>Bytes the part wrote to its sidecar.</summary>
    public long SidecarBytes { get; init; }

    /// <summary>An object-centric log (OCEL): its processes, one per object type, are in the sidecar.</summary>
    public bool ObjectCentric { get; init; }

    /// <summary>Events mined (for an object-centric log, those of the log, counted once).</summary>
    public long Events { get; init; }

    /// <summary>
    /// Where in the sidecar, after the journal, the part's variant hashes begin (-1: none there, they are in
    /// <see cref="Aggregate"/>). Kept out of the aggregate because they grow with the cases: on a 10M-event export they
    /// were 90 % of a part's output (one hash per case for the log, and one per case and activity).
    /// </summary>
    public long VariantsAt { get; init; } = -1;
}
