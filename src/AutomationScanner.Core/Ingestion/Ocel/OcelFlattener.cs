using System.Globalization;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// Flattens an object-centric log while it streams in: every chosen object type becomes a process whose cases are
/// its objects, and each event goes to the case of every object it relates to. The readers (JSON, XML, SQLite) feed
/// the object table, then events one by one; memory follows the object table and the open cases, never the events
/// (unless a file lists its events before its objects, when they are held until the objects are known).
/// </summary>
internal sealed class OcelFlattener : IDisposable
{
    private const int MaxQualifiers = 10_000;
    private const int MaxIdChars = 256;
    private const int MaxIdUtf8Bytes = 4 * MaxIdChars;

    private readonly string _file;
    private readonly string _processName;
    private readonly IngestionOptions _options;
    private readonly OcelOptions _limits;
    private readonly string _locationUnit;
    private readonly TimestampParser _parser;
    private readonly DataQualityLog _quality = new();

    /// <summary>Guards the tables by object type (<see cref="InternType"/> may run on another thread than the object table's inserts).</summary>
    private readonly Lock _typeTable = new();
    private readonly Names _types = new();
    private readonly List<long> _typeObjects = [];
    private readonly List<SortedSet<string>> _typeAttributes = [];
    private readonly List<bool> _typeSelected = [];
    private readonly List<bool> _typeIsResource = [];
    private readonly List<OcelTypeProcess?> _processes = [];
    private readonly List<OcelTypeProcess> _flattened = [];
    private readonly OcelMiningPipeline _pipeline;

    private readonly Names _activities = new();
    private readonly List<ActivityContext> _activityContexts = [];
    private readonly Names _qualifiers = new();
    private readonly Names _resources = new();
    private readonly Names _attributeNames = new();
    private readonly List<bool> _attributeIsResource = [];
    private readonly List<bool> _attributeIsLifecycle = [];
    private readonly HashSet<string> _resourceAttributesUsed = new(StringComparer.Ordinal);

    private readonly OcelObjectTable _objects = new();
    private readonly List<int> _objectTypes = [];
    private readonly List<int> _objectLocal = [];
    private readonly List<List<int>> _typeMembers = [];
    private bool _objectsComplete;

    private readonly List<int> _relationObjects = [];
    private readonly List<int> _relationQualifiers = [];
    private readonly List<int> _eventAttributes = [];
    private readonly char[] _eventId = new char[MaxIdChars];
    private int _eventIdLength;

    /// <summary>The event's id as UTF-8 when the JSON reader gave it so (-1: as characters, in <see cref="_eventId"/>).</summary>
    private readonly byte[] _eventIdUtf8 = new byte[MaxIdUtf8Bytes];
    private int _eventIdUtf8Length = -1;
    private int _activity;
    private int _resource;
    private Lifecycle _lifecycle;
    private string? _status;
    private long _ticks;
    private short _offset;
    private TimeState _time;
    private string? _badTime;
    private long[] _scratch = new long[16];

    private readonly List<BufferedEvent> _buffered = [];
    private readonly List<int> _bufferedInts = [];

    public OcelFlattener(string file, string processName, IngestionOptions options, string format, string locationUnit)
    {
        _file = file;
        _processName = processName;
        _options = options;
        _limits = options.Ocel;
        Format = format;
        _locationUnit = locationUnit;
        _parser = new TimestampParser(options.DefaultTimeZone, options.DateOrder ?? DateOrder.DayFirst);

        // Each object type is mined on its own thread (up to the parallelism less one); one thread flattens (JSON: OcelEventPipeline).
        _pipeline = new OcelMiningPipeline(_activities, _resources, Math.Max(0, options.Parallelism - 1), _limits.MiningBatchSize);
    }

    /// <summary>True once the object types are mined on worker threads (for tests).</summary>
    internal bool MinedInParallel => _pipeline.Started;

    /// <summary>True while a mining thread is alive (for tests).</summary>
    internal bool MiningThreadsRunning => _pipeline.Running;

    /// <summary>Stops the mining threads of a read that failed or was cancelled.</summary>
    public void Dispose() => _pipeline.Dispose();

    public string Format { get; set; }

    public string File => _file;

    public OcelOptions Limits => _limits;

    /// <summary>Threads the read may use (the JSON reader tokenises on one and flattens on another when there are two).</summary>
    public int Parallelism => _options.Parallelism;

    public long EventsRead { get; private set; }

    public long EventsUsed { get; private set; }

    public int ObjectCount => _objects.Count;

    public DataQualityLog Quality => _quality;

    public int InternType(ReadOnlySpan<char> name)
    {
        // The JSON reader interns types on its thread while the object table is filled on another (OcelJsonReader.ReadObjects).
        lock (_typeTable)
        {
            return InternTypeCore(name);
        }
    }

    private int InternTypeCore(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        if (_types.TryGet(name, out var id))
        {
            return id;
        }

        if (_types.Count + _activities.Count >= _limits.MaxTypes)
        {
            throw new IngestionException(_file, string.Create(CultureInfo.InvariantCulture, $"more than {_limits.MaxTypes:N0} object and event types: not a plausible event log"));
        }

        var text = name.ToString();
        id = _types.Add(text);
        _typeObjects.Add(0);
        _typeAttributes.Add(new SortedSet<string>(StringComparer.Ordinal));
        _typeSelected.Add(_limits.Selects(text));
        _typeIsResource.Add(OcelNames.IsResourceType(text));
        _processes.Add(null);
        _typeMembers.Add([]);
        return id;
    }

    public void DeclareObjectAttribute(int type, ReadOnlySpan<char> name)
    {
        lock (_typeTable)
        {
            var attributes = _typeAttributes[type];
            if (attributes.Count < 256 && !name.IsWhiteSpace())
            {
                attributes.Add(name.Trim().ToString());
            }
        }
    }

    public int InternActivity(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        if (_activities.TryGet(name, out var id))
        {
            return id;
        }

        if (name.IsEmpty)
        {
            return -1;
        }

        if (_types.Count + _activities.Count >= _limits.MaxTypes)
        {
            throw new IngestionException(_file, string.Create(CultureInfo.InvariantCulture, $"more than {_limits.MaxTypes:N0} object and event types: not a plausible event log"));
        }

        id = _activities.Add(name.ToString());
        _activityContexts.Add(new ActivityContext());
        return id;
    }

    /// <summary>Adds an object to the object table (or gives a referenced one its type); returns its index.</summary>
    public int AddObject(ReadOnlySpan<char> id, ReadOnlySpan<char> type, long location) => AddObject(_objects.Encode(id), type, location);

    /// <summary>Adds an object by its UTF-8 id (the JSON reader's raw bytes); returns its index.</summary>
    public int AddObject(ReadOnlySpan<byte> id, ReadOnlySpan<char> type, long location) => AddObject(id, type.IsWhiteSpace() ? -1 : InternType(type), location);

    /// <summary>Adds an object by its UTF-8 id and interned type (-1: none); returns its index.</summary>
    public int AddObject(ReadOnlySpan<byte> id, int typeId, long location) => AddObject(id, OcelObjectTable.HashOf(id), typeId, location);

    /// <summary>Adds an object by its UTF-8 id, the id's <see cref="OcelObjectTable.HashOf"/> and interned type (-1: none); returns its index.</summary>
    public int AddObject(ReadOnlySpan<byte> id, int hash, int typeId, long location)
    {
        if (!_objectsComplete)
        {
            return AddObjectCore(id, hash, typeId, location);
        }

        // Objects after the events have started (a second object section): the miners may be naming cases meanwhile.
        lock (_objects)
        {
            return AddObjectCore(id, hash, typeId, location);
        }
    }

    private int AddObjectCore(ReadOnlySpan<byte> id, int hash, int typeId, long location)
    {
        if (id.IsEmpty || typeId < 0)
        {
            Note(DataQualityKinds.MalformedEvent, location, id.IsEmpty ? "an object without an id was skipped" : $"object '{Excerpt(id)}' has no type and was skipped");
            return -1;
        }

        var index = _objects.Find(id, hash);
        if (index >= 0)
        {
            if (_objectTypes[index] < 0)
            {
                SetType(index, typeId);
            }
            else
            {
                Note(OcelQualityKinds.DuplicateObject, location, $"object '{Excerpt(id)}' is defined twice; the first definition is kept");
            }

            return index;
        }

        index = NewObject(id, hash);
        SetType(index, typeId);
        return index;
    }

    /// <summary>Objects of one type are numbered 0, 1, 2... within it: each type's miner holds state for its own objects only.</summary>
    private void SetType(int index, int type)
    {
        _objectTypes[index] = type;
        lock (_typeTable)
        {
            _typeObjects[type]++;
            var members = _typeMembers[type];
            _objectLocal[index] = members.Count;
            members.Add(index);
        }
    }

    /// <summary>
    /// Brings the object-table entries a recorded batch of events relates to into the cache at once, before the batch is
    /// flattened (the lookups one by one would each wait for memory). Once the object table is complete: it changes nothing.
    /// </summary>
    public void WarmObjects(OcelEventRecording batch)
    {
        if (_objectsComplete)
        {
            batch.WarmObjects(_objects);
        }
    }

    /// <summary>
    /// Before a batch of the objects section is put into the table, on the thread that puts it: brings the slots its
    /// insertions probe into the cache together (a hint; this thread is the table's only writer).
    /// </summary>
    public void WarmObjectInsertions(OcelEventRecording batch) => batch.WarmObjects(_objects);

    /// <summary>The object section is complete: events held back so far are flattened, later ones stream.</summary>
    public void ObjectsComplete()
    {
        if (_objectsComplete)
        {
            return;
        }

        _objectsComplete = true;
        var ints = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_bufferedInts);
        foreach (var e in _buffered)
        {
            Dispatch(e.Activity, e.Resource, e.Ticks, e.Offset, e.HadOffset, e.Lifecycle,
                ints.Slice(e.Start, e.Relations), ints.Slice(e.Start + e.Relations, e.Relations), ints.Slice(e.Start + 2 * e.Relations, e.Attributes), e.Location, e.Id);
        }

        _buffered.Clear();
        _bufferedInts.Clear();
        _bufferedInts.TrimExcess();
    }

    public void BeginEvent()
    {
        _activity = -1;
        _resource = -1;
        _lifecycle = Lifecycle.None;
        _status = null;
        _time = TimeState.Missing;
        _eventIdLength = 0;
        _relationObjects.Clear();
        _relationQualifiers.Clear();
        _eventAttributes.Clear();
    }

    public void SetEventId(ReadOnlySpan<char> id)
    {
        _eventIdUtf8Length = -1;
        _eventIdLength = Math.Min(id.Length, MaxIdChars);
        id[.._eventIdLength].CopyTo(_eventId);
    }

    /// <summary>
    /// Sets the event's id by its UTF-8 (the JSON reader's): kept as bytes, decoded only for a message. The first
    /// <see cref="MaxIdUtf8Bytes"/> bytes hold more than <see cref="MaxIdChars"/> characters (at most 3 bytes a character,
    /// 4 a surrogate pair), so the message shows what <see cref="SetEventId(ReadOnlySpan{char})"/> would have kept.
    /// </summary>
    public void SetEventId(ReadOnlySpan<byte> utf8)
    {
        var length = Math.Min(utf8.Length, MaxIdUtf8Bytes);
        utf8[..length].CopyTo(_eventIdUtf8);
        _eventIdUtf8Length = length;
        _eventIdLength = length;
    }

    public void SetActivity(ReadOnlySpan<char> name) => _activity = InternActivity(name);

    /// <summary>Sets the activity by its id from <see cref="InternActivity"/> (-1: none).</summary>
    public void SetActivity(int activity) => _activity = activity;

    /// <summary>Sets the event's time from its UTF-8 text (the JSON reader's), read as <see cref="SetTime(ReadOnlySpan{char})"/> reads its characters.</summary>
    public void SetTime(ReadOnlySpan<byte> utf8)
    {
        if (_parser.TryParse(utf8, out _ticks, out _offset, out var hadOffset))
        {
            _time = hadOffset ? TimeState.WithOffset : TimeState.WithoutOffset;
        }
        else
        {
            _time = TimeState.Unreadable;
            _badTime = Excerpt(System.Text.Encoding.UTF8.GetString(utf8).AsSpan());
        }
    }

    public void SetTime(ReadOnlySpan<char> text)
    {
        if (_parser.TryParse(text, out _ticks, out _offset, out var hadOffset))
        {
            _time = hadOffset ? TimeState.WithOffset : TimeState.WithoutOffset;
        }
        else
        {
            _time = TimeState.Unreadable;
            _badTime = Excerpt(text);
        }
    }

    public void AddRelation(ReadOnlySpan<char> objectId, int qualifier, long location) => AddRelation(_objects.Encode(objectId), qualifier, location);

    /// <summary>Relates the current event to an object by its UTF-8 id (the JSON reader's raw bytes).</summary>
    public void AddRelation(ReadOnlySpan<byte> objectId, int qualifier, long location) => AddRelation(objectId, OcelObjectTable.HashOf(objectId), qualifier, location);

    /// <summary>Relates the current event to an object by its UTF-8 id and the id's <see cref="OcelObjectTable.HashOf"/>.</summary>
    public void AddRelation(ReadOnlySpan<byte> objectId, int hash, int qualifier, long location)
    {
        if (_relationObjects.Count >= _limits.MaxRelationsPerEvent)
        {
            throw new IngestionException(_file, string.Create(CultureInfo.InvariantCulture,
                $"event '{CurrentId()}' relates to more than {_limits.MaxRelationsPerEvent:N0} objects (at {_locationUnit} {location})"));
        }

        var index = _objects.Find(objectId, hash);
        if (index < 0)
        {
            if (_objectsComplete)
            {
                Note(OcelQualityKinds.UnknownObject, location, $"event '{CurrentId()}' relates to object '{Excerpt(objectId)}', which is not in the object table; the relation is skipped");
                return;
            }

            if (objectId.IsEmpty)
            {
                return;
            }

            index = NewObject(objectId, hash);
        }

        _relationObjects.Add(index);
        _relationQualifiers.Add(qualifier);
    }

    public void AddEventAttribute(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        var attribute = InternAttributeName(name);
        if (attribute < 0)
        {
            return;
        }

        if (!_eventAttributes.Contains(attribute))
        {
            _eventAttributes.Add(attribute);
        }

        if (_resource < 0 && _attributeIsResource[attribute])
        {
            _resource = InternResource(value);
            if (_resource >= 0)
            {
                _resourceAttributesUsed.Add(_attributeNames[attribute]);
            }
        }
        else if (_attributeIsLifecycle[attribute])
        {
            _lifecycle = LifecycleParser.Parse(value);
            _status = _lifecycle == Lifecycle.Status ? value.Trim().ToString() : null;
        }
    }

    /// <summary>Ends the current event: checks it and flattens it (or holds it until the objects are known).</summary>
    public void EndEvent(long location)
    {
        EventsRead++;
        if (_activity < 0)
        {
            Note(DataQualityKinds.EmptyCaseOrActivity, location, $"event '{CurrentId()}' has no activity (type) and was skipped");
            return;
        }

        if (_status is not null)
        {
            // A status, as the CSV and XES readers name it: "Review" in status "In Progress" is "Review (In Progress)".
            _activity = InternActivity(LifecycleParser.StatusActivity(_activities[_activity], _status));
        }

        switch (_time)
        {
            case TimeState.Missing:
                Note(DataQualityKinds.BadTimestamp, location, $"event '{CurrentId()}' has no time and was skipped");
                return;
            case TimeState.Unreadable:
                Note(DataQualityKinds.BadTimestamp, location, $"event '{CurrentId()}': cannot read '{_badTime}' as a timestamp; skipped");
                return;
            default:
                break;
        }

        if (_relationObjects.Count == 0)
        {
            Note(OcelQualityKinds.EventWithoutObjects, location, $"event '{CurrentId()}' ({_activities[_activity]}) relates to no object and belongs to no case");
            return;
        }

        var hadOffset = _time == TimeState.WithOffset;
        if (!_objectsComplete)
        {
            if (_buffered.Count >= _limits.MaxBufferedEvents)
            {
                throw new IngestionException(_file, string.Create(CultureInfo.InvariantCulture,
                    $"the events come before the objects and there are more than {_limits.MaxBufferedEvents:N0} of them (at {_locationUnit} {location}); export the objects first"));
            }

            var start = _bufferedInts.Count;
            _bufferedInts.AddRange(_relationObjects);
            _bufferedInts.AddRange(_relationQualifiers);
            _bufferedInts.AddRange(_eventAttributes);
            _buffered.Add(new BufferedEvent(_activity, _resource, _ticks, _offset, hadOffset, _lifecycle, start, _relationObjects.Count, _eventAttributes.Count, location,
                _quality.Total < 1000 ? CurrentId() : null));
            return;
        }

        Dispatch(_activity, _resource, _ticks, _offset, hadOffset, _lifecycle,
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_relationObjects),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_relationQualifiers),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_eventAttributes), location, null);
    }

    /// <summary>Closes every case and returns one process per object type that has events.</summary>
    public List<MinedProcess> Complete()
    {
        ObjectsComplete();
        if (_limits.ObjectTypes.Count > 0 && !_typeSelected.Contains(true))
        {
            throw new IngestionException(_file, $"none of the chosen object types ({string.Join(", ", _limits.ObjectTypes)}) is in this log; it has: {DescribeTypes()}");
        }

        if (EventsUsed == 0)
        {
            var problems = _quality.ToIssues().SelectMany(i => i.Examples).Take(3).ToList();
            var selected = _limits.ObjectTypes.Count > 0 ? $" of the chosen object types ({string.Join(", ", _limits.ObjectTypes)})" : string.Empty;
            throw new IngestionException(_file, string.Create(CultureInfo.InvariantCulture,
                $"no usable events{selected}: {EventsRead:N0} events read, {_objects.Count:N0} objects ({DescribeTypes()}){(problems.Count > 0 ? "; " + string.Join("; ", problems) : string.Empty)}"));
        }

        // Each type's summary is built as soon as its cases are closed, on the thread that closed them (the types are closed
        // on two threads at once when there are two): Build only reads what the flattener holds, which no longer changes.
        var allTypes = Enumerable.Range(0, _types.Count).OrderBy(t => _types[t], StringComparer.Ordinal).ToDictionary(t => _types[t], t => _typeObjects[t], StringComparer.Ordinal);
        var built = new MinedProcess?[_types.Count];
        _pipeline.Complete(_flattened, process => built[process.Type] = Build(process.Type, process, allTypes));
        return [.. Enumerable.Range(0, _types.Count).Where(t => _processes[t] is not null).OrderBy(t => _types[t], StringComparer.Ordinal).Select(t => built[t]!)];
    }

    private MinedProcess Build(int type, OcelTypeProcess process, Dictionary<string, long> allTypes)
    {
        var log = process.Log;
        log.DataQuality.Merge(_quality);
        foreach (var name in _attributeNames.All)
        {
            log.Attributes.Add(name);
        }

        for (var t = 0; t < _types.Count; t++)
        {
            foreach (var attribute in _typeAttributes[t])
            {
                log.Attributes.Add(t == type ? "case:" + attribute : _types[t] + ":" + attribute);
            }
        }

        var mined = MinedProcess.From(log, _options.DefaultTimeZone);
        var activities = mined.Activities.Select(a => a with { Objects = ObjectsOf(a.Activity, type) }).ToList();
        var repeated = activities.Sum(a => a.RepeatExecutions);
        var pairs = activities.Sum(a => a.CasesWithRepeat);
        var typeName = _types[type];
        var others = allTypes.Where(t => t.Key != typeName).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} ({t.Value:N0})")).ToList();
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Object-centric log ({Format}) flattened on '{typeName}': each of its {_typeObjects[type]:N0} objects is a case; {process.Events:N0} of the log's {EventsUsed:N0} events relate to one.")
                + (others.Count > 0 ? $" Other object types: {string.Join(", ", others)}." : string.Empty)
                + " Choose the case notion with --object-type (configuration Ingestion__ObjectTypes).",
        };
        if (process.EventCopies > 0)
        {
            var worst = activities.Where(a => a.Objects!.ConvergentEvents > 0).OrderByDescending(a => a.Objects!.ConvergentEvents).Take(3).Select(a => a.Activity);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Convergence: {process.ConvergentEvents:N0} events relate to several '{typeName}' objects and are counted once per object ({process.EventCopies:N0} extra copies), so frequencies and hours of {string.Join(", ", worst)} are overstated."));
        }

        if (repeated > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Divergence: {repeated:N0} executions repeat an activity within the same '{typeName}' object ({pairs:N0} object-activity pairs); where an activity runs once per related object (e.g. per item), this shows as rework."));
        }

        var summary = mined.Summary with
        {
            ObjectCentric = new ObjectCentricSummary
            {
                Format = Format,
                ObjectType = typeName,
                Objects = _typeObjects[type],
                ObjectTypes = allTypes,
                LogEvents = EventsUsed,
                Events = process.Events,
                ConvergentEvents = process.ConvergentEvents,
                EventCopies = process.EventCopies,
                RepeatedExecutions = repeated,
                ObjectsWithRepeatedActivity = pairs,
                ObjectAttributes = [.. _typeAttributes[type]],
                ResourceAttributes = [.. _resourceAttributesUsed.Order(StringComparer.Ordinal)],
                Notes = notes,
            },
        };
        return new MinedProcess(summary, activities);
    }

    private ActivityObjects? ObjectsOf(string activity, int caseType)
    {
        if (!_activities.TryGet(activity, out var id))
        {
            return null;
        }

        var context = _activityContexts[id];
        return new ActivityObjects
        {
            RelatedObjectTypes = context.RelationsByType.All.OrderBy(r => _types[r.Key], StringComparer.Ordinal).ToDictionary(r => _types[r.Key], r => r.Value, StringComparer.Ordinal),
            Qualifiers = [.. context.Qualifiers.All.OrderByDescending(q => q.Value).ThenBy(q => _qualifiers[q.Key], StringComparer.Ordinal).Take(8).Select(q => _qualifiers[q.Key])],
            EventAttributes = [.. Enumerable.Range(0, _attributeNames.Count).Where(context.HasAttribute).Select(a => _attributeNames[a]).Order(StringComparer.Ordinal)],
            ConvergentEvents = context.ConvergentByType[caseType],
        };
    }

    private void Dispatch(int activity, int resource, long ticks, short offset, bool hadOffset, Lifecycle lifecycle,
        ReadOnlySpan<int> objects, ReadOnlySpan<int> qualifiers, ReadOnlySpan<int> attributes, long location, string? id)
    {
        var context = _activityContexts[activity];
        foreach (var attribute in attributes)
        {
            context.AddAttribute(attribute);
        }

        // Sort (type, object) keys: objects related twice (two qualifiers) count once, and each type's objects are adjacent.
        if (_scratch.Length < objects.Length)
        {
            _scratch = new long[Math.Max(objects.Length, _scratch.Length * 2)];
        }

        var count = 0;
        for (var i = 0; i < objects.Length; i++)
        {
            var o = objects[i];
            var t = _objectTypes[o];
            if (t < 0)
            {
                Note(OcelQualityKinds.UnknownObject, location, $"event '{id ?? CurrentId()}' relates to object '{Excerpt(_objects.Bytes(o))}', which is not in the object table; the relation is skipped");
                continue;
            }

            context.RelationsByType.Increment(t);
            if (qualifiers[i] >= 0)
            {
                context.Qualifiers.Increment(qualifiers[i]);
            }

            _scratch[count++] = ((long)t << 32) | (uint)o;
        }

        if (count == 0)
        {
            return;
        }

        var keys = _scratch.AsSpan(0, count);
        if (count > 1)
        {
            keys.Sort();
        }

        if (resource < 0)
        {
            resource = ResourceFromObjects(keys);
        }

        EventsUsed++;
        var start = 0;
        while (start < count)
        {
            var type = (int)(keys[start] >> 32);
            var end = start + 1;
            while (end < count && (int)(keys[end] >> 32) == type)
            {
                end++;
            }

            if (_typeSelected[type])
            {
                Flatten(type, activity, resource, ticks, offset, hadOffset, lifecycle, keys[start..end], context);
            }

            start = end;
        }
    }

    private void Flatten(int type, int activity, int resource, long ticks, short offset, bool hadOffset, Lifecycle lifecycle, Span<long> keys, ActivityContext context)
    {
        var process = _processes[type] ??= NewProcess(type);
        var flat = new OcelFlatEvent { Activity = activity, Resource = resource, Ticks = ticks, Offset = offset, Lifecycle = lifecycle, Sequence = process.Sequence++ };
        var copies = 0;
        var previous = -1L;
        foreach (var key in keys)
        {
            if (key == previous)
            {
                continue;
            }

            previous = key;
            copies++;
            flat.Case = _objectLocal[(int)(uint)key];
            _pipeline.Add(process, flat);
        }

        process.Events++;
        if (!hadOffset)
        {
            process.EventsWithoutOffset += copies;
        }

        if (copies > 1)
        {
            process.ConvergentEvents++;
            process.EventCopies += copies - 1;
            context.ConvergentByType.Increment(type);
        }
    }

    /// <summary>An event related to an object of a resource-like type (employees, users...) takes it as its resource.</summary>
    private int ResourceFromObjects(Span<long> keys)
    {
        foreach (var key in keys)
        {
            if (_typeIsResource[(int)(key >> 32)])
            {
                return InternResource(_objects.Bytes((int)(uint)key));
            }
        }

        return -1;
    }

    private OcelTypeProcess NewProcess(int type)
    {
        var log = new LogAggregate(_processName + "/" + _types[type], _options.Mining);
        log.Files.Add(_file);
        var members = _typeMembers[type];
        var miner = new ProcessMiner(log) { Limits = _options.Limits, CaseNames = local => CaseName(members, local) };

        // Every object of the type may become a case: their states are made at once, in one array.
        miner.ReserveCases(members.Count);
        var process = new OcelTypeProcess(type, log, miner) { Cases = members.Count };
        _pipeline.Assign(process);
        _flattened.Add(process);
        return process;
    }

    /// <summary>An object's id for a miner's message (on a mining thread: the table is locked against late objects).</summary>
    private string CaseName(List<int> members, int local)
    {
        lock (_objects)
        {
            return _objects.Name(members[local]);
        }
    }

    private int NewObject(ReadOnlySpan<byte> id, int hash)
    {
        if (_objects.Count >= _limits.MaxObjects)
        {
            throw new IngestionException(_file, string.Create(CultureInfo.InvariantCulture, $"more than {_limits.MaxObjects:N0} objects: above the configured limit (Ingestion Ocel MaxObjects)"));
        }

        int index;
        try
        {
            index = _objects.Add(id, hash);
        }
        catch (InvalidOperationException ex)
        {
            throw new IngestionException(_file, ex.Message + ": above what one scan holds");
        }

        _objectTypes.Add(-1);
        _objectLocal.Add(-1);
        return index;
    }

    /// <summary>An event-to-object qualifier's id (-1 for none, or past the cap of distinct qualifiers).</summary>
    public int InternQualifier(ReadOnlySpan<char> qualifier)
    {
        qualifier = qualifier.Trim();
        if (qualifier.IsEmpty)
        {
            return -1;
        }

        if (_qualifiers.TryGet(qualifier, out var id))
        {
            return id;
        }

        return _qualifiers.Count < MaxQualifiers ? _qualifiers.Add(qualifier.ToString()) : -1;
    }

    private int InternAttributeName(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        if (name.IsEmpty)
        {
            return -1;
        }

        if (_attributeNames.TryGet(name, out var id))
        {
            return id;
        }

        if (_attributeNames.Count >= 1024)
        {
            return -1;
        }

        var text = name.ToString();
        _attributeIsResource.Add(OcelNames.IsResourceAttribute(text));
        _attributeIsLifecycle.Add(OcelNames.IsLifecycleAttribute(text));
        return _attributeNames.Add(text);
    }

    private int InternResource(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[256];
        return utf8.Length <= 256
            ? InternResource(chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)])
            : InternResource(System.Text.Encoding.UTF8.GetString(utf8));
    }

    private int InternResource(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        if (name.IsEmpty)
        {
            return -1;
        }

        return _resources.TryGet(name, out var id) ? id : _resources.Add(name.ToString());
    }

    private string CurrentId()
    {
        if (_eventIdLength == 0)
        {
            return "(no id)";
        }

        if (_eventIdUtf8Length < 0)
        {
            return new string(_eventId, 0, _eventIdLength);
        }

        var id = System.Text.Encoding.UTF8.GetString(_eventIdUtf8, 0, _eventIdUtf8Length);
        return id.Length <= MaxIdChars ? id : id[..MaxIdChars];
    }

    private void Note(string kind, long location, string message)
    {
        _quality.Add(kind, _quality.CountOf(kind) < DataQualityLog.ExamplesPerKind
            ? string.Create(CultureInfo.InvariantCulture, $"{_file} {_locationUnit} {location}: {message}")
            : string.Empty);
    }

    private string DescribeTypes() => _types.Count == 0
        ? "no object types"
        : string.Join(", ", Enumerable.Range(0, _types.Count).Select(t => string.Create(CultureInfo.InvariantCulture, $"{_types[t]} ({_typeObjects[t]:N0} objects)")));

    private static string Excerpt(ReadOnlySpan<byte> utf8) => Excerpt(System.Text.Encoding.UTF8.GetString(utf8[..Math.Min(utf8.Length, 256)]));

    private static string Excerpt(ReadOnlySpan<char> value) => value.Length <= 60 ? value.ToString() : string.Concat(value[..60], "...");


    private enum TimeState
    {
        Missing,
        WithOffset,
        WithoutOffset,
        Unreadable,
    }

    private readonly record struct BufferedEvent(
        int Activity, int Resource, long Ticks, short Offset, bool HadOffset, Lifecycle Lifecycle, int Start, int Relations, int Attributes, long Location, string? Id);

    /// <summary>What the flattened events of one activity related to (counted per event, on the flattening thread).</summary>
    private sealed class ActivityContext
    {
        /// <summary>Event attributes seen, by name id (names are capped at 1,024).</summary>
        private readonly ulong[] _attributes = new ulong[16];

        public IdCounts RelationsByType { get; } = new();

        public IdCounts Qualifiers { get; } = new();

        public IdCounts ConvergentByType { get; } = new();

        public void AddAttribute(int attribute) => _attributes[attribute >> 6] |= 1UL << attribute;

        public bool HasAttribute(int attribute) => (_attributes[attribute >> 6] & (1UL << attribute)) != 0;
    }

    /// <summary>
    /// Counts by a small id (object type, qualifier): an array for the first ids, the usual case and the hot path, and
    /// a dictionary past them, so a log with thousands of types and qualifiers costs memory per pair seen, not per id.
    /// </summary>
    private sealed class IdCounts
    {
        private const int Dense = 64;
        private readonly long[] _dense = new long[Dense];
        private Dictionary<int, long>? _sparse;

        public long this[int id] => id < Dense ? _dense[id] : _sparse?.GetValueOrDefault(id) ?? 0;

        /// <summary>The ids counted at least once, with their counts.</summary>
        public IEnumerable<KeyValuePair<int, long>> All =>
            Enumerable.Range(0, Dense).Where(i => _dense[i] > 0).Select(i => KeyValuePair.Create(i, _dense[i])).Concat(_sparse ?? []);

        public void Increment(int id)
        {
            if (id < Dense)
            {
                _dense[id]++;
            }
            else
            {
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sparse ??= [], id, out _)++;
            }
        }
    }

    /// <summary>
    /// A string table with span lookups. One thread adds; the mining threads read names by id (ids they were handed
    /// through the pipeline's queue, so added before): the array is replaced, never resized in place, and a slot is
    /// written once, before its id is handed on.
    /// </summary>
    internal sealed class Names
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private string[] _names = new string[16];

        public Names() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Count { get; private set; }

        public IReadOnlyList<string> All => new ArraySegment<string>(_names, 0, Count);

        public string this[int id] => Volatile.Read(ref _names)[id];

        public bool TryGet(ReadOnlySpan<char> name, out int id) => _lookup.TryGetValue(name, out id);

        public int Add(string name)
        {
            var id = Count;
            _ids.Add(name, id);
            if (id == _names.Length)
            {
                var grown = new string[id * 2];
                _names.CopyTo(grown, 0);
                Volatile.Write(ref _names, grown);
            }

            _names[id] = name;
            Count = id + 1;
            return id;
        }
    }
}
