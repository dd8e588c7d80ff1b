using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ingestion;

/// <summary>
/// One pass over a CSV export on two threads: the calling thread reads and parses the rows (decoding, fields,
/// timestamps, names interned into tables of its own), a second thread mines the events in batches, in file order,
/// into the real miner. The miner sees the very calls of one pass, in the same order (the names first met in a batch
/// are added to its tables before the batch's events, the reader's data-quality notes before the event they preceded),
/// so the result is the one-pass aggregate by construction: no split, no merge, no journal.
/// </summary>
/// <remarks>
/// Why not a split on two cores: two parts of the 10M-event CSV mined at once took ~10.8 s of CPU against ~7.3 s for
/// one pass (the later part journals its start-time inputs, the first runs the estimator live) and the merge and
/// journal replay another ~1.7 s on one thread. A pipeline costs one hand-over per batch of events and nothing per
/// case, and memory stays that of one pass plus a few batches.
/// </remarks>
internal sealed class CsvMiningPipeline : IEventSink
{
    /// <summary>Events per batch handed to the mining thread.</summary>
    internal const int BatchEvents = 8192;

    /// <summary>Full batches waiting for the mining thread before the reader waits.</summary>
    private const int QueueDepth = 4;

    private readonly ProcessMiner _miner;
    private readonly LogAggregate _tables;
    private readonly BlockingCollection<Batch> _full = new(new ConcurrentQueue<Batch>(), QueueDepth);
    private readonly ConcurrentQueue<Batch> _free = new();
    private readonly Thread _thread;
    private Batch _batch = new();
    private int _sentActivities;
    private int _sentResources;
    private int _sentRoles;
    private long _sequence;
    private volatile ExceptionDispatchInfo? _failure;

    private CsvMiningPipeline(ProcessMiner miner)
    {
        _miner = miner;
        _tables = LogAggregate.ReaderTablesFor(miner.Log);
        _tables.DataQuality.Tap = (kind, message) => _batch.Notes.Add(new Note(_batch.Count, kind, message));
        _thread = new Thread(MineBatches) { IsBackground = true, Name = "csv-miner" };
    }

    /// <summary>
    /// Reads <paramref name="export"/> (a CSV) into <paramref name="miner"/> as <see cref="CsvEventLogReader.Read(string, SniffedExport, IEventSink, IngestionOptions, CancellationToken)"/>
    /// does, the mining on a second thread; returns when every event is mined (the miner is left open, as a reader leaves it).
    /// </summary>
    public static void Read(string file, SniffedExport export, ProcessMiner miner, IngestionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(miner);
        var pipeline = new CsvMiningPipeline(miner);
        pipeline._thread.Start();
        try
        {
            CsvEventLogReader.Read(file, export, pipeline, options, cancellationToken);
            pipeline.Post();
        }
        catch
        {
            pipeline.Stop();
            throw;
        }

        pipeline.Stop();
        pipeline._failure?.Throw();

        // What the reader counted on its own tables (the attribute names and sampled values are the miner's own).
        miner.Log.EventsWithoutOffset += pipeline._tables.EventsWithoutOffset;
    }

    public LogAggregate Log => _tables;

    /// <summary>Case-id hash parts are read by <see cref="ExportChunker"/>'s parts, not through a pipeline.</summary>
    public bool InCase => throw new NotSupportedException("A pipelined read is one whole CSV, not a part split by case-id hash.");

    public long NextSequence() => _sequence++;

    /// <summary>
    /// Queues the event; true, as the miner's cap on events per case is applied on its thread (the reader only counts
    /// accepted events to say that none was usable, and a case's first event is always accepted while the cap is at
    /// least one: <see cref="ExportChunker.MineFile"/> pipelines only then).
    /// </summary>
    public bool Add(ReadOnlySpan<char> caseId, in MinedEvent minedEvent)
    {
        var batch = _batch;
        batch.Add(caseId, minedEvent);
        if (batch.Count == BatchEvents)
        {
            Post();
        }

        return true;
    }

    public void AddCase(List<MinedEvent> events) => throw new NotSupportedException("A pipelined read is a CSV, read row by row.");

    public void LeaveCase() => throw new NotSupportedException("A pipelined read is one whole CSV, not a part split by case-id hash.");

    /// <summary>Hands the current batch, with the names first met since the last one, to the mining thread.</summary>
    private void Post()
    {
        _failure?.Throw();
        var batch = _batch;
        Take(_tables.ActivityNames, ref _sentActivities, batch.Activities);
        Take(_tables.ResourceNames, ref _sentResources, batch.Resources);
        Take(_tables.RoleNames, ref _sentRoles, batch.Roles);
        if (batch.Count == 0 && batch.Notes.Count == 0 && batch.Activities.Count == 0 && batch.Resources.Count == 0 && batch.Roles.Count == 0)
        {
            return;
        }

        _batch = _free.TryDequeue(out var free) ? free : new Batch();
        _full.Add(batch);
    }

    private static void Take(IReadOnlyList<string> names, ref int sent, List<string> into)
    {
        for (; sent < names.Count; sent++)
        {
            into.Add(names[sent]);
        }
    }

    private void Stop()
    {
        _full.CompleteAdding();
        _thread.Join();
    }

    private void MineBatches()
    {
        var log = _miner.Log;
        foreach (var batch in _full.GetConsumingEnumerable())
        {
            if (_failure is null)
            {
                try
                {
                    Mine(batch, log);
                }
                catch (Exception ex)
                {
                    // Kept for the reader, which stops at its next batch; the queue is still drained so it never waits.
                    _failure = ExceptionDispatchInfo.Capture(ex);
                }
            }

            batch.Clear();
            _free.Enqueue(batch);
        }
    }

    private void Mine(Batch batch, LogAggregate log)
    {
        // The names in the order the reader met them: the same ids as its tables.
        foreach (var name in batch.Activities)
        {
            log.InternActivity(name);
        }

        foreach (var name in batch.Resources)
        {
            log.InternResource(name);
        }

        foreach (var name in batch.Roles)
        {
            log.InternRole(name);
        }

        var notes = batch.Notes;
        var note = 0;
        var events = batch.Events;
        var cases = batch.Cases;
        var chars = batch.CaseChars;
        for (var i = 0; i < batch.Count; i++)
        {
            for (; note < notes.Count && notes[note].Before == i; note++)
            {
                log.DataQuality.Add(notes[note].Kind, notes[note].Message);
            }

            var (start, length) = cases[i];
            _miner.Add(chars.AsSpan(start, length), events[i]);
        }

        for (; note < notes.Count; note++)
        {
            log.DataQuality.Add(notes[note].Kind, notes[note].Message);
        }
    }

    /// <summary>A reader's data-quality note, added to the miner's log before the batch's event <c>Before</c>.</summary>
    private readonly record struct Note(int Before, string Kind, string Message);

    /// <summary>Events of consecutive rows, their case ids (stored once per run of a case), and what came with them.</summary>
    private sealed class Batch
    {
        public MinedEvent[] Events { get; } = new MinedEvent[BatchEvents];

        public (int Start, int Length)[] Cases { get; } = new (int, int)[BatchEvents];

        public char[] CaseChars { get; private set; } = new char[BatchEvents * 4];

        public int Count { get; private set; }

        public List<Note> Notes { get; } = [];

        public List<string> Activities { get; } = [];

        public List<string> Resources { get; } = [];

        public List<string> Roles { get; } = [];

        private int _chars;

        public void Add(ReadOnlySpan<char> caseId, in MinedEvent minedEvent)
        {
            var count = Count;
            if (count > 0)
            {
                var (start, length) = Cases[count - 1];
                if (caseId.SequenceEqual(CaseChars.AsSpan(start, length)))
                {
                    Cases[count] = (start, length);
                    Events[count] = minedEvent;
                    Count = count + 1;
                    return;
                }
            }

            if (_chars + caseId.Length > CaseChars.Length)
            {
                var grown = new char[Math.Max(CaseChars.Length * 2, _chars + caseId.Length)];
                CaseChars.AsSpan(0, _chars).CopyTo(grown);
                CaseChars = grown;
            }

            caseId.CopyTo(CaseChars.AsSpan(_chars));
            Cases[count] = (_chars, caseId.Length);
            _chars += caseId.Length;
            Events[count] = minedEvent;
            Count = count + 1;
        }

        public void Clear()
        {
            Count = 0;
            _chars = 0;
            Notes.Clear();
            Activities.Clear();
            Resources.Clear();
            Roles.Clear();

            // A batch that met a very long case id lets its buffer go rather than keep it.
            if (CaseChars.Length > BatchEvents * 64)
            {
                CaseChars = new char[BatchEvents * 4];
            }
        }
    }
}
