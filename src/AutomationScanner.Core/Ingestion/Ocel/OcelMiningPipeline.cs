using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// Hands the flattened events of each object type to its miner in batches. Each object type is a process of its own,
/// so the types are mined independently: with workers, the flattening thread (the reader's, or for JSON the replay
/// thread of <see cref="OcelEventPipeline"/>) flattens while each type is mined on the worker it was given (round
/// robin: type <c>n</c> to worker <c>n mod workers</c>), in stream order, so every type sees exactly the events, in
/// exactly the order, of a single-threaded read and the statistics are identical. A log whose flattened events fit
/// in one batch per type is mined on the flattening thread (no thread is started); so is everything when there are
/// no workers. Memory: a bounded queue of batches per worker (32 bytes an event), reused.
/// </summary>
internal sealed class OcelMiningPipeline : IDisposable
{
    /// <summary>Flattened events per batch.</summary>
    public const int DefaultBatchSize = 4096;

    /// <summary>Batches waiting per worker before the reader waits for it.</summary>
    private const int QueueDepth = 16;

    private readonly OcelFlattener.Names _activities;
    private readonly OcelFlattener.Names _resources;
    private readonly int _batchSize;
    private readonly Worker?[] _workers;
    private readonly ConcurrentQueue<OcelBatch> _free = new();
    private int _nextWorker;
    private bool _started;
    private bool _completed;
    private volatile bool _aborted;
    private ExceptionDispatchInfo? _failure;

    /// <summary>The types whose cases are closed at the end, largest first, and the next one to take (<see cref="CloseShare"/>).</summary>
    private OcelTypeProcess[] _closing = [];
    private int _nextClosing;
    private Action<OcelTypeProcess>? _closed;

    /// <param name="activities">The log's activity names (the reader adds, the miners read).</param>
    /// <param name="resources">The log's resource names.</param>
    /// <param name="workers">Mining threads besides the reader's (0: mine on the reader's thread).</param>
    /// <param name="batchSize">Flattened events per batch.</param>
    public OcelMiningPipeline(OcelFlattener.Names activities, OcelFlattener.Names resources, int workers, int batchSize = DefaultBatchSize)
    {
        _activities = activities;
        _resources = resources;
        _batchSize = Math.Max(1, batchSize);
        _workers = new Worker?[Math.Max(0, workers)];
    }

    /// <summary>True once mining has moved to worker threads (for tests).</summary>
    public bool Started => _started;

    /// <summary>True while a worker thread is alive (for tests: none is left after <see cref="Complete"/> or <see cref="Dispose"/>).</summary>
    public bool Running => _workers.Any(w => w is not null && w.Thread.IsAlive);

    /// <summary>Gives a newly flattened type its worker.</summary>
    public void Assign(OcelTypeProcess process)
    {
        if (_workers.Length > 0)
        {
            process.Worker = _nextWorker++ % _workers.Length;
        }
    }

    /// <summary>Adds one flattened event to its type's batch; a full batch goes to its miner.</summary>
    public void Add(OcelTypeProcess process, in OcelFlatEvent flatEvent)
    {
        var batch = process.Batch ??= Rent(process);
        batch.Items[batch.Count++] = flatEvent;
        if (batch.IsFull)
        {
            process.Batch = null;
            Post(batch);
        }
    }

    /// <summary>
    /// Mines what is left and closes every type's cases (on the workers and this thread, at once, when they run);
    /// <paramref name="closed"/> is called with each type once its cases are closed, on the thread that closed it (a type's
    /// summary can be built there while other types are still being closed).
    /// </summary>
    public void Complete(IReadOnlyList<OcelTypeProcess> processes, Action<OcelTypeProcess>? closed = null)
    {
        if (_completed)
        {
            return;
        }

        if (!_started)
        {
            foreach (var process in processes)
            {
                if (process.Batch is { } batch)
                {
                    process.Batch = null;
                    MineHere(batch);
                }

                process.Complete();
                closed?.Invoke(process);
            }

            _completed = true;
            return;
        }

        foreach (var process in processes)
        {
            if (process.Batch is { } batch)
            {
                process.Batch = null;
                Post(batch);
            }
        }

        // Closing the cases (a pass over every object's state per type) is shared: each worker, once its queue is mined,
        // and this thread take the types one at a time, largest first, so the other core is not idle meanwhile. Types are
        // independent (each has its own miner and aggregate), so who closes which changes nothing in the results.
        _closing = [.. processes.OrderByDescending(p => p.Cases)];
        _closed = closed;
        foreach (var worker in _workers)
        {
            worker?.Queue.CompleteAdding();
        }

        CloseShare();
        Stop();
        _completed = true;
        _failure?.Throw();
        foreach (var process in processes)
        {
            // A type whose only batch was still being filled when the workers ended is none: every batch was posted above.
            if (!process.Completed)
            {
                process.Complete();
                closed?.Invoke(process);
            }
        }
    }

    /// <summary>Stops the workers without mining what is queued (the read failed or was cancelled).</summary>
    public void Dispose()
    {
        if (_started && !_completed)
        {
            _aborted = true;
            Stop();
        }

        _completed = true;
    }

    private void Post(OcelBatch batch)
    {
        var process = batch.Process!;
        if (process.Worker < 0)
        {
            MineHere(batch);
            return;
        }

        _failure?.Throw();
        _started = true;
        var worker = _workers[process.Worker] ??= new Worker(this);
        worker.Queue.Add(batch);
    }

    private void MineHere(OcelBatch batch)
    {
        batch.Process!.Mine(batch.Items.AsSpan(0, batch.Count), _activities, _resources);
        Return(batch);
    }

    /// <summary>
    /// Closes the cases of the next types in <see cref="_closing"/> until none is left; a type's worker must have mined
    /// all of it first (its queue is complete: waits for the worker to drain it). A failure is kept for the reader, as a
    /// worker's is.
    /// </summary>
    private void CloseShare()
    {
        while (!_aborted)
        {
            var next = Interlocked.Increment(ref _nextClosing) - 1;
            if (next >= _closing.Length)
            {
                return;
            }

            var process = _closing[next];
            try
            {
                if (process.Worker >= 0 && _workers[process.Worker] is { } owner)
                {
                    owner.Mined.Wait();
                }

                if (!_aborted)
                {
                    process.Complete();
                    _closed?.Invoke(process);
                }
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(ex), null);
                _aborted = true;
            }
        }
    }

    private void Stop()
    {
        foreach (var worker in _workers)
        {
            worker?.Queue.CompleteAdding();
        }

        foreach (var worker in _workers)
        {
            worker?.Thread.Join();
            worker?.Mined.Dispose();
        }
    }

    private OcelBatch Rent(OcelTypeProcess process)
    {
        if (!_free.TryDequeue(out var batch))
        {
            batch = new OcelBatch(_batchSize);
        }

        batch.Process = process;
        return batch;
    }

    private void Return(OcelBatch batch)
    {
        batch.Count = 0;
        batch.Process = null;
        _free.Enqueue(batch);
    }

    /// <summary>One mining thread: mines its types' batches in the order they were posted, then helps close the types' cases (<see cref="CloseShare"/>).</summary>
    private sealed class Worker
    {
        private readonly OcelMiningPipeline _pipeline;

        public Worker(OcelMiningPipeline pipeline)
        {
            _pipeline = pipeline;
            Thread = new Thread(Run) { IsBackground = true, Name = "OCEL miner" };
            Thread.Start();
        }

        public BlockingCollection<OcelBatch> Queue { get; } = new(new ConcurrentQueue<OcelBatch>(), QueueDepth);

        /// <summary>Set once every batch posted to this worker is mined (or the read failed): its types may be closed.</summary>
        public ManualResetEventSlim Mined { get; } = new();

        public Thread Thread { get; }

        private void Run()
        {
            foreach (var batch in Queue.GetConsumingEnumerable())
            {
                if (!_pipeline._aborted)
                {
                    try
                    {
                        batch.Process!.Mine(batch.Items.AsSpan(0, batch.Count), _pipeline._activities, _pipeline._resources);
                    }
                    catch (Exception ex)
                    {
                        // Kept for the reader, which rethrows it; the queue is still drained so the reader never waits on it.
                        Interlocked.CompareExchange(ref _pipeline._failure, ExceptionDispatchInfo.Capture(ex), null);
                        _pipeline._aborted = true;
                    }
                }

                _pipeline.Return(batch);
            }

            Mined.Set();
            if (_pipeline._aborted)
            {
                return;
            }

            // The types are closed by whoever is free (this worker, the others, the reader's thread): CloseShare.
            _pipeline.CloseShare();
        }
    }
}
