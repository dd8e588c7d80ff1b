using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// One flattened process (an object type): its aggregate and miner, the counts the reader keeps while it flattens
/// (events, convergence), and the maps from the log's activity and resource ids to the aggregate's own. The reader
/// touches only the counts and the batch being filled; the maps, the miner and the aggregate belong to whoever mines
/// the type (the reader itself, or one <see cref="OcelMiningPipeline"/> worker), so a type is mined on one thread, in
/// stream order.
/// </summary>
internal sealed class OcelTypeProcess(int type, LogAggregate log, ProcessMiner miner)
{
    private int[] _activityMap = [];
    private int[] _resourceMap = [];

    /// <summary>Events whose case states are warmed together before they are mined.</summary>
    private const int WarmAhead = 64;

    /// <summary>What warming read (kept so that the loads are not optimised away).</summary>
    private long _warmed;

    public int Type { get; } = type;

    public LogAggregate Log { get; } = log;

    public ProcessMiner Miner { get; } = miner;

    /// <summary>The type's objects, each a case (closing them at the end takes time in proportion).</summary>
    public int Cases { get; init; }

    /// <summary>Which pipeline worker mines this type (-1: mined on the reader's thread).</summary>
    public int Worker { get; set; } = -1;

    /// <summary>The batch the reader is filling.</summary>
    public OcelBatch? Batch { get; set; }

    /// <summary>The log's events that relate to an object of this type.</summary>
    public long Events { get; set; }

    public long ConvergentEvents { get; set; }

    public long EventCopies { get; set; }

    /// <summary>Flattened events whose time had no offset (added to the aggregate when the type is complete).</summary>
    public long EventsWithoutOffset { get; set; }

    /// <summary>The next event's number in this type's stream (the copies of one event share it).</summary>
    public long Sequence { get; set; }

    public bool Completed { get; private set; }

    /// <summary>Mines a batch: maps the log's ids to this aggregate's and adds each event to its case.</summary>
    public void Mine(ReadOnlySpan<OcelFlatEvent> events, OcelFlattener.Names activities, OcelFlattener.Names resources)
    {
        // The objects' states are spread over a large array: fetching the next events' states together overlaps the misses.
        for (var start = 0; start < events.Length; start += WarmAhead)
        {
            var chunk = events.Slice(start, Math.Min(WarmAhead, events.Length - start));
            long warmed = 0;
            foreach (ref readonly var e in chunk)
            {
                warmed += Miner.WarmCase(e.Case);
            }

            _warmed += warmed;
            MineChunk(chunk, activities, resources);
        }
    }

    private void MineChunk(ReadOnlySpan<OcelFlatEvent> events, OcelFlattener.Names activities, OcelFlattener.Names resources)
    {
        foreach (ref readonly var e in events)
        {
            var activity = Map(ref _activityMap, e.Activity, activities, isActivity: true);
            if (activity < 0)
            {
                // Past the MaxActivities limit: the aggregate noted it; the event is dropped, as the other readers do.
                continue;
            }

            var resource = e.Resource < 0 ? -1 : Map(ref _resourceMap, e.Resource, resources, isActivity: false);
            Miner.Add(e.Case, new Mining.MinedEvent(activity, resource, e.Ticks, e.Offset, e.Lifecycle, e.Sequence));
        }
    }

    /// <summary>Closes every case of the type (once).</summary>
    public void Complete()
    {
        if (Completed)
        {
            return;
        }

        Miner.Complete();
        Log.EventsWithoutOffset += EventsWithoutOffset;
        Completed = true;
    }

    private int Map(ref int[] map, int global, OcelFlattener.Names names, bool isActivity)
    {
        if (global >= map.Length)
        {
            var grown = new int[Math.Max(global + 1, map.Length * 2)];
            Array.Fill(grown, -1);
            map.CopyTo(grown, 0);
            map = grown;
        }

        var local = map[global];
        if (local < 0)
        {
            local = isActivity ? Log.InternActivity(names[global]) : Log.InternResource(names[global]);
            map[global] = local;
        }

        return local;
    }
}
