namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// A batch of parsed OCEL 2.0 objects or events, recorded as the calls the reader made (<see cref="IOcelEventSink"/>)
/// with their text copied into two arenas (an object's attribute names, strings the reader interned, into a list), and
/// replayed later, in order, into the flattener. About 100 bytes an event, 30 an object; reused.
/// </summary>
internal sealed class OcelEventRecording : IOcelEventSink
{
    private const int MaxKeptBytes = 4 << 20;

    private int[] _ops = new int[1 << 14];
    private byte[] _bytes = new byte[1 << 16];
    private char[] _chars = new char[1 << 15];
    private readonly List<string> _strings = [];

    /// <summary>The hash of each relation's (or object's) id, in order (for <see cref="WarmObjects"/>).</summary>
    private int[] _objectHashes = new int[1 << 12];
    private int _opCount;
    private int _byteCount;
    private int _charCount;
    private int _hashCount;

    /// <summary>Where the event being recorded started (everything before it is complete).</summary>
    private int _markOps;
    private int _markBytes;
    private int _markChars;
    private int _markHashes;

    private enum Op
    {
        Object,
        Begin,
        Id,
        Activity,
        NoActivity,
        Time,
        Relation,
        Attribute,
        End,
    }

    /// <summary>Complete events (or objects) recorded.</summary>
    public int Events { get; private set; }

    /// <summary>Text bytes and characters held (a batch is handed on when they grow large, whatever its event count).</summary>
    public int TextSize => _byteCount + 2 * _charCount;

    public void Clear()
    {
        // Arenas a huge event grew (values up to the size limit, thousands of relations) are let go rather than kept.
        if (_bytes.Length > MaxKeptBytes || 2 * _chars.Length > MaxKeptBytes || 4 * _ops.Length > MaxKeptBytes)
        {
            _ops = new int[1 << 14];
            _bytes = new byte[1 << 16];
            _chars = new char[1 << 15];
        }

        if (4 * _objectHashes.Length > MaxKeptBytes)
        {
            _objectHashes = new int[1 << 12];
        }

        _opCount = _byteCount = _charCount = _hashCount = 0;
        _markOps = _markBytes = _markChars = _markHashes = 0;
        _strings.Clear();
        Events = 0;
    }

    /// <summary>Records a whole object (the reader parses it before it passes it on, so there is nothing to drop).</summary>
    public void AddObject(ReadOnlySpan<byte> id, int idHash, int type, ReadOnlySpan<string> attributes, long location)
    {
        DropUnfinished();
        KeepHash(idHash);
        Put(Op.Object);
        Put(type);
        Put(idHash);
        PutBytes(id);
        Put(_strings.Count);
        Put(attributes.Length);
        _strings.AddRange(attributes);
        PutLong(location);
        KeepFinished();
    }

    public void BeginEvent()
    {
        DropUnfinished();
        Put(Op.Begin);
    }

    public void SetEventId(ReadOnlySpan<byte> utf8)
    {
        Put(Op.Id);
        PutBytes(utf8);
    }

    public void SetActivity(ReadOnlySpan<byte> utf8)
    {
        Put(Op.Activity);
        PutBytes(utf8);
    }

    public void SetNoActivity() => Put(Op.NoActivity);

    public void SetTime(ReadOnlySpan<byte> utf8)
    {
        Put(Op.Time);
        PutBytes(utf8);
    }

    public void AddRelation(ReadOnlySpan<byte> objectId, int objectHash, bool hasObjectId, ReadOnlySpan<byte> qualifier, bool hasQualifier, long location)
    {
        if (hasObjectId)
        {
            KeepHash(objectHash);
        }

        // The relation's nine ints written at once (the commonest call: 2.5 an event), one capacity check for all.
        var ops = Reserve(9);
        ops[8] = (int)(location >> 32);
        ops[0] = (int)Op.Relation;
        ops[1] = (hasObjectId ? 1 : 0) | (hasQualifier ? 2 : 0);
        ops[2] = objectHash;
        (ops[3], ops[4]) = CopyBytes(objectId);
        (ops[5], ops[6]) = CopyBytes(qualifier);
        ops[7] = (int)location;
    }

    public void AddEventAttribute(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
    {
        Put(Op.Attribute);
        PutChars(name);
        PutChars(value);
    }

    public void EndEvent(long location)
    {
        Put(Op.End);
        PutLong(location);
        KeepFinished();
    }

    private void KeepHash(int objectHash)
    {
        if (_hashCount == _objectHashes.Length)
        {
            Array.Resize(ref _objectHashes, _objectHashes.Length * 2);
        }

        _objectHashes[_hashCount++] = objectHash;
    }

    /// <summary>Drops what was recorded after the last complete event or object (a parse that restarted).</summary>
    private void DropUnfinished()
    {
        _opCount = _markOps;
        _byteCount = _markBytes;
        _charCount = _markChars;
        _hashCount = _markHashes;
    }

    /// <summary>Marks everything recorded so far as one more complete event or object.</summary>
    private void KeepFinished()
    {
        _markOps = _opCount;
        _markBytes = _byteCount;
        _markChars = _charCount;
        _markHashes = _hashCount;
        Events++;
    }

    /// <summary>
    /// Brings what looking up the complete events' related objects (or the complete objects' ids, for their insertion)
    /// in <paramref name="objects"/> will touch into the cache, all of the batch at once (<see cref="OcelObjectTable.Warm"/>), before <see cref="Replay"/> looks them up one by one.
    /// </summary>
    public void WarmObjects(OcelObjectTable objects) => objects.Warm(ObjectHashes);

    /// <summary>The hashes of the complete events' related object ids or of the objects' ids, in order (an unfinished or restarted event's are left out).</summary>
    public ReadOnlySpan<int> ObjectHashes => _objectHashes.AsSpan(0, _markHashes);

    /// <summary>Makes the complete events' calls again, in order, on <paramref name="sink"/> (an unfinished last event is left out).</summary>
    public void Replay(IOcelEventSink sink)
    {
        var ops = _ops.AsSpan(0, _markOps);
        var bytes = _bytes.AsSpan(0, _markBytes);
        var chars = _chars.AsSpan(0, _markChars);
        var strings = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_strings);
        var i = 0;
        while (i < ops.Length)
        {
            switch ((Op)ops[i++])
            {
                case Op.Object:
                    sink.AddObject(bytes.Slice(ops[i + 2], ops[i + 3]), ops[i + 1], ops[i], strings.Slice(ops[i + 4], ops[i + 5]), Long(ops, i + 6));
                    i += 8;
                    break;
                case Op.Begin:
                    sink.BeginEvent();
                    break;
                case Op.Id:
                    sink.SetEventId(bytes.Slice(ops[i], ops[i + 1]));
                    i += 2;
                    break;
                case Op.Activity:
                    sink.SetActivity(bytes.Slice(ops[i], ops[i + 1]));
                    i += 2;
                    break;
                case Op.NoActivity:
                    sink.SetNoActivity();
                    break;
                case Op.Time:
                    sink.SetTime(bytes.Slice(ops[i], ops[i + 1]));
                    i += 2;
                    break;
                case Op.Relation:
                    var flags = ops[i];
                    sink.AddRelation(bytes.Slice(ops[i + 2], ops[i + 3]), ops[i + 1], (flags & 1) != 0, bytes.Slice(ops[i + 4], ops[i + 5]), (flags & 2) != 0, Long(ops, i + 6));
                    i += 8;
                    break;
                case Op.Attribute:
                    sink.AddEventAttribute(chars.Slice(ops[i], ops[i + 1]), chars.Slice(ops[i + 2], ops[i + 3]));
                    i += 4;
                    break;
                case Op.End:
                    sink.EndEvent(Long(ops, i));
                    i += 2;
                    break;
                default:
                    throw new InvalidOperationException("corrupt event recording");
            }
        }
    }

    private static long Long(ReadOnlySpan<int> ops, int at) => ((long)ops[at + 1] << 32) | (uint)ops[at];

    private void Put(Op op) => Put((int)op);

    private void Put(int value)
    {
        if (_opCount == _ops.Length)
        {
            Array.Resize(ref _ops, _ops.Length * 2);
        }

        _ops[_opCount++] = value;
    }

    private void PutLong(long value)
    {
        Put((int)value);
        Put((int)(value >> 32));
    }

    /// <summary>The next <paramref name="count"/> ops, to be written by the caller.</summary>
    private Span<int> Reserve(int count)
    {
        if (_opCount + count > _ops.Length)
        {
            Array.Resize(ref _ops, Math.Max(_ops.Length * 2, _opCount + count));
        }

        var span = _ops.AsSpan(_opCount, count);
        _opCount += count;
        return span;
    }

    /// <summary>Copies <paramref name="value"/> into the byte arena; returns where it starts and its length.</summary>
    private (int Start, int Length) CopyBytes(ReadOnlySpan<byte> value)
    {
        if (_byteCount + value.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _byteCount + value.Length));
        }

        value.CopyTo(_bytes.AsSpan(_byteCount));
        var start = _byteCount;
        _byteCount += value.Length;
        return (start, value.Length);
    }

    private void PutBytes(ReadOnlySpan<byte> value)
    {
        if (_byteCount + value.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _byteCount + value.Length));
        }

        value.CopyTo(_bytes.AsSpan(_byteCount));
        Put(_byteCount);
        Put(value.Length);
        _byteCount += value.Length;
    }

    private void PutChars(ReadOnlySpan<char> value)
    {
        if (_charCount + value.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + value.Length));
        }

        value.CopyTo(_chars.AsSpan(_charCount));
        Put(_charCount);
        Put(value.Length);
        _charCount += value.Length;
    }
}
