namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>Flattened events of one object type, in stream order; pooled by <see cref="OcelMiningPipeline"/>.</summary>
internal sealed class OcelBatch(int capacity)
{
    public OcelFlatEvent[] Items { get; } = new OcelFlatEvent[capacity];

    public int Count { get; set; }

    public OcelTypeProcess? Process { get; set; }

    public bool IsFull => Count == Items.Length;
}
