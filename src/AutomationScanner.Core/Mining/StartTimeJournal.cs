using System.IO.Compression;

namespace AutomationScanner.Core.Mining;

/// <summary>
/// The start-time estimator's inputs of one part of a split log, written in the order the part's miner gives them
/// (runs of a case's events, the enabling and completion of each execution, status exits, hours worked), so that
/// after the parts' aggregates are merged one <see cref="StartTimeEstimator"/> can be fed the whole log's inputs in
/// the order one pass gives (<see cref="Replay"/>): a resource's previous completion in any case, the low-water
/// mark and the on-duty calendar then evolve exactly as in one pass, and so do the estimates and times in status.
/// <para>
/// Compact: a few bytes per execution (varints, times as deltas, deflated), no case ids, names or attributes; ids
/// are the part's activity and resource ids, mapped to the merged aggregate's on replay.
/// </para>
/// </summary>
public sealed class StartTimeJournal : IStartTimeInput
{
    private const byte OpEnd = 0;
    private const byte OpRun = 1;
    private const byte OpAdvance = 2;
    private const byte OpStatus = 3;
    private const byte OpEnqueue = 4;
    private const byte OpEnqueueWithStart = 5;
    private const byte OpRecord = 6;
    private const byte OpObserve = 7;

    /// <summary>One execution (<see cref="IStartTimeInput.Execution"/>); the low bits say what it holds.</summary>
    private const byte OpExecution = 8;
    private const byte ExecutionEnqueues = 1;
    private const byte ExecutionRecords = 2;
    private const byte ExecutionHasStart = 4;
    private const int BufferSize = 1 << 16;

    private readonly Stream _deflate;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _length;
    private long _lastTicks;
    private long _lastKey;
    private bool _completed;

    /// <summary>Writes to <paramref name="destination"/> (left open) until <see cref="Complete"/>.</summary>
    public StartTimeJournal(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _deflate = new DeflateStream(destination, CompressionLevel.Fastest, leaveOpen: true);
    }

    /// <summary>Inputs recorded (one per estimator call).</summary>
    public long Entries { get; private set; }

    /// <summary>Starts a run of a case's events; <paramref name="key"/> orders runs across parts split by case-id hash.</summary>
    internal void BeginRun(long key)
    {
        Op(OpRun);
        WriteSigned(key - _lastKey);
        _lastKey = key;
    }

    void IStartTimeInput.Advance(long earliestTicks)
    {
        Op(OpAdvance);
        WriteTicks(earliestTicks);
    }

    void IStartTimeInput.AddTimeInStatus(int activity, long fromTicks, long toTicks, short offsetMinutes)
    {
        Op(OpStatus);
        WriteUnsigned((ulong)activity);
        WriteTicks(toTicks);
        WriteSigned(toTicks - fromTicks);
        WriteSigned(offsetMinutes);
    }

    void IStartTimeInput.Enqueue(int activity, int resource, long enabled, long complete, short offsetMinutes, long trueStart)
    {
        Op(trueStart == MinedEvent.NoStart ? OpEnqueue : OpEnqueueWithStart);
        WriteUnsigned((ulong)activity);
        WriteUnsigned((ulong)resource);
        WriteTicks(complete);
        WriteSigned(complete - enabled);
        WriteSigned(offsetMinutes);
        if (trueStart != MinedEvent.NoStart)
        {
            WriteSigned(complete - trueStart);
        }
    }

    void IStartTimeInput.RecordCompletion(int resource, long ticks)
    {
        Op(OpRecord);
        WriteUnsigned((ulong)resource);
        WriteTicks(ticks);
    }

    void IStartTimeInput.Observe(int hourOfWeek)
    {
        Op(OpObserve);
        WriteUnsigned((ulong)hourOfWeek);
    }

    void IStartTimeInput.Execution(int activity, int resource, long enabled, long complete, short offsetMinutes, long trueStart, bool enqueue, bool record)
    {
        var withStart = enqueue && trueStart != MinedEvent.NoStart;
        Op((byte)(OpExecution | (enqueue ? ExecutionEnqueues : 0) | (record ? ExecutionRecords : 0) | (withStart ? ExecutionHasStart : 0)));
        WriteUnsigned((ulong)activity);
        if (enqueue || record)
        {
            WriteUnsigned((ulong)resource);
        }

        WriteTicks(complete);
        WriteSigned(offsetMinutes);
        if (enqueue)
        {
            WriteSigned(complete - enabled);
        }

        if (withStart)
        {
            WriteSigned(complete - trueStart);
        }
    }

    /// <summary>Ends the journal and flushes it to the destination.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        Reserve(1);
        _buffer[_length++] = OpEnd;
        _deflate.Write(_buffer, 0, _length);
        _length = 0;
        _deflate.Dispose();
    }

    /// <summary>
    /// Feeds the journals of all parts of one log into one estimator on <paramref name="merged"/> (the merge of the
    /// same parts), in file order: parts one after the other, or, for parts split by case-id hash (which each read
    /// the whole file), their runs interleaved by file position. Adds the estimates, their validation and the times
    /// in status to <paramref name="merged"/>'s activities.
    /// </summary>
    public static void Replay(LogAggregate merged, IReadOnlyList<StartTimeJournalPart> parts, bool interleaveRuns)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(parts);
        var estimator = new StartTimeEstimator(merged);
        var readers = parts.Select(p => new Reader(p, merged, estimator)).ToList();
        try
        {
            if (!interleaveRuns)
            {
                foreach (var reader in readers)
                {
                    while (reader.Next())
                    {
                    }
                }
            }
            else
            {
                var queue = new PriorityQueue<Reader, (long Key, int Part)>();
                for (var i = 0; i < readers.Count; i++)
                {
                    if (readers[i].SkipToRun())
                    {
                        queue.Enqueue(readers[i], (readers[i].RunKey, i));
                    }
                }

                while (queue.TryDequeue(out var reader, out var at))
                {
                    if (reader.ReplayRun())
                    {
                        queue.Enqueue(reader, (reader.RunKey, at.Part));
                    }
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }

        estimator.Flush();
        merged.StartEstimateLateEvents += estimator.LateEvents;
    }

    /// <summary>
    /// Feeds one part's journal into a running <paramref name="estimator"/> of <paramref name="merged"/>: the estimator
    /// of the one-pass miner of the parts before it in the file (a byte range split), which has seen their inputs live.
    /// The part's names must already be in <paramref name="merged"/> (merge the part's aggregate first).
    /// </summary>
    internal static void ReplayInto(StartTimeEstimator estimator, LogAggregate merged, StartTimeJournalPart part)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(part);
        using var reader = new Reader(part, merged, estimator);
        while (reader.Next())
        {
        }
    }

    private void Op(byte op)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The start-time journal is complete.");
        }

        Entries++;
        Reserve(1 + (5 * 10));
        _buffer[_length++] = op;
    }

    private void WriteTicks(long ticks)
    {
        WriteSigned(ticks - _lastTicks);
        _lastTicks = ticks;
    }

    private void WriteSigned(long value) => WriteUnsigned((ulong)((value << 1) ^ (value >> 63)));

    private void WriteUnsigned(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_length++] = (byte)value;
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            _deflate.Write(_buffer, 0, _length);
            _length = 0;
        }
    }

    /// <summary>Reads one part's journal, mapping its ids to the merged aggregate's.</summary>
    private sealed class Reader : IDisposable
    {
        private readonly DeflateStream _inflate;
        private readonly IStartTimeInput _estimator;
        private readonly int[] _activities;
        private readonly int[] _resources;
        private readonly byte[] _buffer = new byte[BufferSize];
        private int _position;
        private int _length;
        private long _lastTicks;
        private long _lastKey;
        private bool _ended;

        public Reader(StartTimeJournalPart part, LogAggregate merged, StartTimeEstimator estimator)
        {
            _inflate = new DeflateStream(part.Journal, CompressionMode.Decompress, leaveOpen: true);
            _estimator = estimator;
            _activities = [.. part.ActivityNames.Select(n => merged.InternActivity(n))];
            _resources = [.. part.ResourceNames.Select(n => merged.InternResource(n))];
        }

        public long RunKey { get; private set; }

        /// <summary>Applies the next entry; false at the end.</summary>
        public bool Next()
        {
            if (_ended)
            {
                return false;
            }

            var op = ReadByte();
            switch (op)
            {
                case OpEnd:
                    _ended = true;
                    return false;
                case OpRun:
                    _lastKey += ReadSigned();
                    RunKey = _lastKey;
                    return true;
                case OpAdvance:
                    _estimator.Advance(ReadTicks());
                    return true;
                case OpStatus:
                    {
                        var activity = Activity(ReadUnsigned());
                        var to = ReadTicks();
                        var from = to - ReadSigned();
                        _estimator.AddTimeInStatus(activity, from, to, (short)ReadSigned());
                        return true;
                    }

                case OpEnqueue or OpEnqueueWithStart:
                    {
                        var activity = Activity(ReadUnsigned());
                        var resource = Resource(ReadUnsigned());
                        var complete = ReadTicks();
                        var enabled = complete - ReadSigned();
                        var offset = (short)ReadSigned();
                        var trueStart = op == OpEnqueueWithStart ? complete - ReadSigned() : MinedEvent.NoStart;
                        _estimator.Enqueue(activity, resource, enabled, complete, offset, trueStart);
                        return true;
                    }

                case OpRecord:
                    {
                        var resource = Resource(ReadUnsigned());
                        _estimator.RecordCompletion(resource, ReadTicks());
                        return true;
                    }

                case OpObserve:
                    _estimator.Observe((int)ReadUnsigned());
                    return true;
                case >= OpExecution and <= OpExecution + 7:
                    {
                        var activity = Activity(ReadUnsigned());
                        var enqueue = (op & ExecutionEnqueues) != 0;
                        var record = (op & ExecutionRecords) != 0;
                        var resource = enqueue || record ? Resource(ReadUnsigned()) : -1;
                        var complete = ReadTicks();
                        var offset = (short)ReadSigned();
                        var enabled = enqueue ? complete - ReadSigned() : long.MinValue;
                        var trueStart = (op & ExecutionHasStart) != 0 ? complete - ReadSigned() : MinedEvent.NoStart;
                        _estimator.Execution(activity, resource, enabled, complete, offset, trueStart, enqueue, record);
                        return true;
                    }

                default:
                    throw new InvalidDataException($"The start-time journal holds an unknown entry ({op}).");
            }
        }

        /// <summary>Moves to the next run's start (nothing of the estimator happens outside runs); false at the end.</summary>
        public bool SkipToRun()
        {
            while (!_ended)
            {
                if (PeekByte() == OpRun)
                {
                    return Next();
                }

                Next();
            }

            return false;
        }

        /// <summary>Applies the current run; true when another run follows (its key in <see cref="RunKey"/>).</summary>
        public bool ReplayRun()
        {
            while (!_ended)
            {
                if (PeekByte() == OpRun)
                {
                    return Next();
                }

                Next();
            }

            return false;
        }

        public void Dispose() => _inflate.Dispose();

        private int Activity(ulong id) => id < (ulong)_activities.Length ? _activities[id] : throw new InvalidDataException($"The start-time journal names activity {id}, which its part does not have.");

        private int Resource(ulong id) => id < (ulong)_resources.Length ? _resources[id] : throw new InvalidDataException($"The start-time journal names resource {id}, which its part does not have.");

        private long ReadTicks()
        {
            _lastTicks += ReadSigned();
            return _lastTicks;
        }

        private long ReadSigned()
        {
            var raw = ReadUnsigned();
            return (long)(raw >> 1) ^ -(long)(raw & 1);
        }

        private ulong ReadUnsigned()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = ReadByte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException("The start-time journal holds a malformed number.");
        }

        private byte PeekByte()
        {
            var b = ReadByte();
            _position--;
            return b;
        }

        private byte ReadByte()
        {
            if (_position == _length)
            {
                _position = 0;
                _length = _inflate.ReadAtLeast(_buffer, 1, throwOnEndOfStream: false);
                if (_length == 0)
                {
                    throw new InvalidDataException("The start-time journal ends early.");
                }
            }

            return _buffer[_position++];
        }
    }
}

/// <summary>One part's journal (read from its start) and the part's name tables its ids refer to.</summary>
public sealed record StartTimeJournalPart(Stream Journal, IReadOnlyList<string> ActivityNames, IReadOnlyList<string> ResourceNames);
