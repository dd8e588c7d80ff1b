using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using AutomationScanner.Core.Diagnostics;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ingestion;

/// <summary>
/// One pass over a CSV export (or an XES one, trace by trace) on two threads: the calling thread reads and parses the
/// rows or traces (decoding, fields, timestamps, names interned into tables of its own), a second thread mines the
/// events in batches, in file order, into the real miner. The miner sees the very calls of one pass, in the same order (the names first met in a batch
/// are added to its tables before the batch's events, the reader's data-quality notes before the event they preceded),
/// so the result is the one-pass aggregate by construction: no split, no merge, no journal. The start-time estimator's
/// inputs are relayed the same way and estimated, in order, by whichever thread is waiting for the other.
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

    /// <summary>Batches of start-time inputs waiting before the mining thread estimates them itself.</summary>
    private const int MaxWaitingCalls = 32;

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
    private double? _minerCpu;

    /// <summary>The start-time estimator's inputs from the mining thread, in order, and the estimator they go to.</summary>
    private readonly ConcurrentQueue<StartTimeCalls> _estimates = new();
    private readonly ConcurrentQueue<StartTimeCalls> _spareCalls = new();
    private readonly Lock _estimating = new();
    private readonly StartTimeEstimator _estimator;
    private StartTimeCalls _calls = new();

    private CsvMiningPipeline(ProcessMiner miner)
    {
        _miner = miner;
        _tables = LogAggregate.ReaderTablesFor(miner.Log);
        _tables.DataQuality.Tap = AddNote;
        _thread = new Thread(MineBatches) { IsBackground = true, Name = "csv-miner" };
        _estimator = miner.Estimator ?? throw new ArgumentException("A pipelined read needs a one-pass miner (with its own start-time estimator).", nameof(miner));
    }

    /// <summary>
    /// Reads <paramref name="export"/> (a CSV, or an XES) into <paramref name="miner"/> as <see cref="CsvEventLogReader.Read(string, SniffedExport, IEventSink, IngestionOptions, CancellationToken)"/>
    /// (or <see cref="XesEventLogReader.Read(string, SniffedExport, IEventSink, IngestionOptions, CancellationToken)"/>)
    /// does, the mining on a second thread; returns when every event is mined (the miner is left open, as a reader leaves it).
    /// </summary>
    public static void Read(string file, SniffedExport export, ProcessMiner miner, IngestionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(miner);
        var pipeline = new CsvMiningPipeline(miner);
        var readerCpu = ThreadCpu.Enabled ? ThreadCpu.Current() : null;
        miner.DivertStartTimes(new StartTimeRelay(pipeline));
        pipeline._thread.Start();
        try
        {
            if (export.Format == ExportFormat.Xes)
            {
                XesEventLogReader.Read(file, export, pipeline, options, cancellationToken);
            }
            else
            {
                CsvEventLogReader.Read(file, export, pipeline, options, cancellationToken);
            }

            pipeline.Post();
        }
        catch
        {
            pipeline.Stop();
            miner.DivertStartTimes(null);
            throw;
        }

        pipeline.Stop();
        pipeline._failure?.Throw();

        // The inputs still waiting, then the estimator takes the rest of the log's inputs live (open cases, Complete).
        lock (pipeline._estimating)
        {
            while (pipeline._estimates.TryDequeue(out var calls))
            {
                calls.ApplyTo(pipeline._estimator);
            }
        }

        miner.DivertStartTimes(null);
        readerCpu = ThreadCpu.Current() - readerCpu;
        if (readerCpu is { } reader && pipeline._minerCpu is { } mining)
        {
            ThreadCpu.LastPipeline = (reader, mining);
        }

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

    /// <summary>Queues an XES trace whole; it is mined as one case, as one pass mines it.</summary>
    public void AddCase(List<MinedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var batch = _batch;
        batch.AddCase(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(events));
        if (batch.Count >= BatchEvents)
        {
            Post();
        }
    }

    public void LeaveCase() => throw new NotSupportedException("A pipelined read is one whole CSV, not a part split by case-id hash.");

    /// <summary>
    /// Queues a data-quality note of the reader before the events still to come. A batch is handed over at
    /// <see cref="BatchEvents"/> notes as it is at that many events: rows that add notes but no event (each of a million
    /// new activities past the MaxActivities limit is dropped with a note) would otherwise pile every note of the file into
    /// one batch (a 49 MB activities.csv of 1M distinct activities peaked at 674 MB).
    /// </summary>
    private void AddNote(string kind, string message)
    {
        var batch = _batch;
        batch.Notes.Add(new Note(batch.Count, kind, message));
        if (batch.Notes.Count >= BatchEvents)
        {
            Post();
        }
    }

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

        // Rather than wait for the mining thread, estimate start times for it.
        while (!_full.TryAdd(batch))
        {
            if (!EstimateOne())
            {
                _full.Add(batch);
                break;
            }

            _failure?.Throw();
        }
    }

    /// <summary>Applies the oldest waiting batch of start-time inputs, unless another thread is at it; false when none was applied.</summary>
    private bool EstimateOne()
    {
        if (_estimates.IsEmpty || !_estimating.TryEnter())
        {
            return false;
        }

        try
        {
            if (!_estimates.TryDequeue(out var calls))
            {
                return false;
            }

            calls.ApplyTo(_estimator);
            _spareCalls.Enqueue(calls);
            return true;
        }
        finally
        {
            _estimating.Exit();
        }
    }

    /// <summary>Called on the mining thread by the relay: hands a full batch of start-time inputs on.</summary>
    private StartTimeCalls Hand(StartTimeCalls calls)
    {
        _estimates.Enqueue(calls);

        // Neither thread idle for long (the inputs would pile up): the mining thread estimates some itself.
        while (_estimates.Count > MaxWaitingCalls && EstimateOne())
        {
        }

        return _spareCalls.TryDequeue(out var spare) ? spare : new StartTimeCalls();
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
        var cpu = ThreadCpu.Enabled ? ThreadCpu.Current() : null;
        try
        {
            MineQueued();
        }
        finally
        {
            _minerCpu = ThreadCpu.Current() - cpu;
        }
    }

    private void MineQueued()
    {
        var log = _miner.Log;
        while (true)
        {
            if (!_full.TryTake(out var batch))
            {
                // No rows yet: estimate start times while the reader reads.
                while (EstimateOne())
                {
                }

                if (!_full.TryTake(out batch, Timeout.Infinite))
                {
                    break;
                }
            }

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

        if (_calls.Count > 0)
        {
            _estimates.Enqueue(_calls);
            _calls = new StartTimeCalls();
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
        if (batch.CaseEnds.Count > 0)
        {
            // Whole traces: the notes the reader wrote before a trace's events go to the log before that trace is mined.
            var start = 0;
            foreach (var end in batch.CaseEnds)
            {
                for (; note < notes.Count && notes[note].Before <= start; note++)
                {
                    log.DataQuality.Add(notes[note].Kind, notes[note].Message);
                }

                _miner.AddCase(events.AsSpan(start, end - start));
                start = end;
            }

            for (; note < notes.Count; note++)
            {
                log.DataQuality.Add(notes[note].Kind, notes[note].Message);
            }

            return;
        }

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

    /// <summary>
    /// The mining thread's start-time inputs (<see cref="IStartTimeInput"/>), recorded in batches: the estimator gets the
    /// very calls of one pass, in order, on whichever thread has time (the reader while the queue of rows is full, the
    /// miner while it is empty). The estimator writes only its own sketches (estimated service times, their errors,
    /// times in status), which the miner never touches.
    /// </summary>
    private sealed class StartTimeRelay(CsvMiningPipeline pipeline) : IStartTimeInput
    {
        public void Advance(long earliestTicks) => Add(new StartTimeCall(CallKind.Advance, 0, 0, earliestTicks, 0, 0, 0, false, false));

        public void AddTimeInStatus(int activity, long fromTicks, long toTicks, short offsetMinutes) =>
            Add(new StartTimeCall(CallKind.TimeInStatus, activity, 0, fromTicks, toTicks, offsetMinutes, 0, false, false));

        public void Enqueue(int activity, int resource, long enabled, long complete, short offsetMinutes, long trueStart) =>
            Add(new StartTimeCall(CallKind.Enqueue, activity, resource, enabled, complete, offsetMinutes, trueStart, false, false));

        public void RecordCompletion(int resource, long ticks) => Add(new StartTimeCall(CallKind.Completion, 0, resource, ticks, 0, 0, 0, false, false));

        public void Observe(int hourOfWeek) => Add(new StartTimeCall(CallKind.Observe, hourOfWeek, 0, 0, 0, 0, 0, false, false));

        public void Execution(int activity, int resource, long enabled, long complete, short offsetMinutes, long trueStart, bool enqueue, bool record) =>
            Add(new StartTimeCall(CallKind.Execution, activity, resource, enabled, complete, offsetMinutes, trueStart, enqueue, record));

        private void Add(in StartTimeCall call)
        {
            var calls = pipeline._calls;
            calls.Items[calls.Count++] = call;
            if (calls.Count == calls.Items.Length)
            {
                pipeline._calls = pipeline.Hand(calls);
            }
        }
    }

    private enum CallKind : byte
    {
        Execution,
        Advance,
        TimeInStatus,
        Enqueue,
        Completion,
        Observe,
    }

    /// <summary>One call of <see cref="IStartTimeInput"/> (A and B: enabled and complete, or from and to, or the ticks).</summary>
    private readonly record struct StartTimeCall(CallKind Kind, int Activity, int Resource, long A, long B, short Offset, long TrueStart, bool Enqueue, bool Record);

    private sealed class StartTimeCalls
    {
        public StartTimeCall[] Items { get; } = new StartTimeCall[BatchEvents / 2];

        public int Count { get; set; }

        public void ApplyTo(StartTimeEstimator estimator)
        {
            foreach (ref readonly var call in Items.AsSpan(0, Count))
            {
                switch (call.Kind)
                {
                    case CallKind.Execution:
                        estimator.Execution(call.Activity, call.Resource, call.A, call.B, call.Offset, call.TrueStart, call.Enqueue, call.Record);
                        break;
                    case CallKind.Advance:
                        estimator.Advance(call.A);
                        break;
                    case CallKind.TimeInStatus:
                        estimator.AddTimeInStatus(call.Activity, call.A, call.B, call.Offset);
                        break;
                    case CallKind.Enqueue:
                        estimator.Enqueue(call.Activity, call.Resource, call.A, call.B, call.Offset, call.TrueStart);
                        break;
                    case CallKind.Completion:
                        estimator.RecordCompletion(call.Resource, call.A);
                        break;
                    case CallKind.Observe:
                        estimator.Observe(call.Activity);
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown start-time input {call.Kind}.");
                }
            }

            Count = 0;
        }
    }

    /// <summary>A reader's data-quality note, added to the miner's log before the batch's event <c>Before</c>.</summary>
    private readonly record struct Note(int Before, string Kind, string Message);

    /// <summary>
    /// Events of consecutive rows, their case ids (stored once per run of a case), and what came with them; or of whole
    /// traces, each ending where <see cref="CaseEnds"/> says (a trace longer than a batch grows it).
    /// </summary>
    private sealed class Batch
    {
        public MinedEvent[] Events { get; private set; } = new MinedEvent[BatchEvents];

        /// <summary>For traces: the index after each trace's last event.</summary>
        public List<int> CaseEnds { get; } = [];

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

        public void AddCase(ReadOnlySpan<MinedEvent> events)
        {
            if (Count + events.Length > Events.Length)
            {
                var grown = new MinedEvent[Math.Max(Events.Length * 2, Count + events.Length)];
                Events.AsSpan(0, Count).CopyTo(grown);
                Events = grown;
            }

            events.CopyTo(Events.AsSpan(Count));
            Count += events.Length;
            CaseEnds.Add(Count);
        }

        public void Clear()
        {
            Count = 0;
            _chars = 0;
            CaseEnds.Clear();
            if (Events.Length > BatchEvents * 4)
            {
                Events = new MinedEvent[BatchEvents];
            }

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
