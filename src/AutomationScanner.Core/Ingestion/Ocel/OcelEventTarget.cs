namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>The JSON reader's objects and events straight into the flattener, with the reader's caches of activity and qualifier names.</summary>
internal sealed class OcelEventTarget(OcelFlattener flattener) : IOcelEventSink
{
    private readonly OcelUtf8Cache _activities = new(flattener, OcelUtf8Cache.Role.Activity);
    private readonly OcelUtf8Cache _qualifiers = new(flattener, OcelUtf8Cache.Role.Qualifier);

    /// <summary>(type, attribute name) pairs already declared: each is passed on once, not once per object.</summary>
    private readonly HashSet<(int Type, string Name)> _declared = [];

    public OcelFlattener Flattener => flattener;

    /// <summary>Warms the cache for a recorded batch's object lookups before it is replayed here.</summary>
    public void Warm(OcelEventRecording batch) => flattener.WarmObjects(batch);

    /// <summary>Warms the cache for a recorded batch of objects' insertions before it is replayed here.</summary>
    public void WarmInsertions(OcelEventRecording batch) => flattener.WarmObjectInsertions(batch);

    public void AddObject(ReadOnlySpan<byte> id, int idHash, int type, ReadOnlySpan<string> attributes, long location)
    {
        if (flattener.AddObject(id, idHash, type, location) < 0)
        {
            return;
        }

        foreach (var attribute in attributes)
        {
            if (_declared.Count >= 4096 || _declared.Add((type, attribute)))
            {
                flattener.DeclareObjectAttribute(type, attribute);
            }
        }
    }

    public void BeginEvent() => flattener.BeginEvent();

    public void SetEventId(ReadOnlySpan<byte> utf8) => flattener.SetEventId(utf8);

    public void SetActivity(ReadOnlySpan<byte> utf8) => flattener.SetActivity(_activities.Intern(utf8));

    public void SetNoActivity() => flattener.SetActivity(-1);

    public void SetTime(ReadOnlySpan<byte> utf8) => flattener.SetTime(utf8);

    public void AddRelation(ReadOnlySpan<byte> objectId, int objectHash, bool hasObjectId, ReadOnlySpan<byte> qualifier, bool hasQualifier, long location)
    {
        var id = hasQualifier ? _qualifiers.Intern(qualifier) : -1;
        if (hasObjectId)
        {
            flattener.AddRelation(objectId, objectHash, id, location);
        }
    }

    public void AddEventAttribute(ReadOnlySpan<char> name, ReadOnlySpan<char> value) => flattener.AddEventAttribute(name, value);

    public void EndEvent(long location) => flattener.EndEvent(location);
}
