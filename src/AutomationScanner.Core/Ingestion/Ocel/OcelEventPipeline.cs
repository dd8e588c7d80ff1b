using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// Splits reading an OCEL 2.0 JSON objects or events array over two threads: the reader's thread tokenises the JSON and
/// records each object, and each event's parts, in batches (<see cref="OcelEventRecording"/>); one replay thread makes
/// the recorded calls, in order, on the flattener (the object table's inserts; object lookups, timestamps, checks,
/// flattening, handing batches to the miners). The
/// flattener sees exactly the calls of a single-threaded read, so the statistics are identical. A failure on either
/// side surfaces on the reader's thread as the single-threaded read would raise it: the events before a parse error
/// are flattened first, and a flattening error (which comes earlier in the file) wins over a later parse error.
/// Memory: a few batches of about 100 bytes an event, reused.
/// </summary>
internal sealed class OcelEventPipeline : IOcelEventSink, IDisposable
{
    /// <summary>Events (or objects) per batch (as <see cref="Common.OcelOptions.EventBatchSize"/>).</summary>
    public const int DefaultBatchEvents = 256;

    /// <summary>Batches waiting before the reader waits for the replay thread.</summary>
    private const int QueueDepth = 4;

    /// <summary>Text held by one batch before it is handed on whatever its event count (events with large values).</summary>
    private const int MaxBatchText = 1 << 20;

    private readonly IOcelEventSink _target;
    private readonly Action<OcelEventRecording>? _beforeReplay;
    private readonly int _batchEvents;
    private readonly BlockingCollection<OcelEventRecording> _queue = new(new ConcurrentQueue<OcelEventRecording>(), QueueDepth);
    private readonly ConcurrentQueue<OcelEventRecording> _free = new();
    private readonly Thread _thread;
    private OcelEventRecording _current = new();
    private volatile bool _aborted;
    private ExceptionDispatchInfo? _failure;
    private bool _completed;

    /// <param name="target">Where the events go, on the replay thread (the flattener's <see cref="OcelEventTarget"/>).</param>
    /// <param name="batchEvents">Events (or objects) per batch (tests make it small).</param>
    /// <param name="beforeReplay">Called on the replay thread with each batch before it is replayed (to warm the cache for it).</param>
    public OcelEventPipeline(IOcelEventSink target, int batchEvents = DefaultBatchEvents, Action<OcelEventRecording>? beforeReplay = null)
    {
        _target = target;
        _beforeReplay = beforeReplay;
        _batchEvents = Math.Max(1, batchEvents);
        _thread = new Thread(Run) { IsBackground = true, Name = "OCEL flattener" };
        _thread.Start();
    }

    /// <summary>True while the replay thread is alive (for tests).</summary>
    public bool Running => _thread.IsAlive;

    public void AddObject(ReadOnlySpan<byte> id, int idHash, int type, ReadOnlySpan<string> attributes, long location)
    {
        _current.AddObject(id, idHash, type, attributes, location);
        HandOnWhenFull();
    }

    public void BeginEvent() => _current.BeginEvent();

    public void SetEventId(ReadOnlySpan<byte> utf8) => _current.SetEventId(utf8);

    public void SetActivity(ReadOnlySpan<byte> utf8) => _current.SetActivity(utf8);

    public void SetNoActivity() => _current.SetNoActivity();

    public void SetTime(ReadOnlySpan<byte> utf8) => _current.SetTime(utf8);

    public void AddRelation(ReadOnlySpan<byte> objectId, int objectHash, bool hasObjectId, ReadOnlySpan<byte> qualifier, bool hasQualifier, long location) =>
        _current.AddRelation(objectId, objectHash, hasObjectId, qualifier, hasQualifier, location);

    public void AddEventAttribute(ReadOnlySpan<char> name, ReadOnlySpan<char> value) => _current.AddEventAttribute(name, value);

    public void EndEvent(long location)
    {
        _current.EndEvent(location);
        HandOnWhenFull();
    }

    private void HandOnWhenFull()
    {
        if (_current.Events >= _batchEvents || _current.TextSize >= MaxBatchText)
        {
            Volatile.Read(ref _failure)?.Throw();
            _queue.Add(_current);
            _current = _free.TryDequeue(out var recycled) ? recycled : new OcelEventRecording();
        }
    }

    /// <summary>Flattens every complete event recorded so far and waits for it; rethrows a flattening failure. Once.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_current.Events > 0)
        {
            _queue.Add(_current);
        }

        _queue.CompleteAdding();
        _thread.Join();
        _failure?.Throw();
    }

    /// <summary>Stops the replay thread without flattening what is queued (when <see cref="Complete"/> was not reached).</summary>
    public void Dispose()
    {
        if (!_completed)
        {
            _completed = true;
            _aborted = true;
            _queue.CompleteAdding();
            _thread.Join();
        }

        _queue.Dispose();
    }

    private void Run()
    {
        foreach (var batch in _queue.GetConsumingEnumerable())
        {
            if (!_aborted)
            {
                try
                {
                    _beforeReplay?.Invoke(batch);
                    batch.Replay(_target);
                }
                catch (Exception ex)
                {
                    // Kept for the reader, which rethrows it; the queue is still drained so the reader never waits on it.
                    Volatile.Write(ref _failure, ExceptionDispatchInfo.Capture(ex));
                    _aborted = true;
                }
            }

            batch.Clear();
            _free.Enqueue(batch);
        }
    }
}
