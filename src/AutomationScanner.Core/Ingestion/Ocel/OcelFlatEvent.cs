using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// One flattened event on its way from the reader to its object type's miner: the case (the object's index among the
/// objects of its type), the log-wide activity and resource ids (the miner maps them to its own), the time. 32 bytes.
/// </summary>
internal struct OcelFlatEvent
{
    public long Ticks;
    public long Sequence;
    public int Case;
    public int Activity;
    public int Resource;
    public short Offset;
    public Lifecycle Lifecycle;
}
