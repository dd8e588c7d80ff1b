using System.Runtime.InteropServices;

namespace AutomationScanner.Core.Mining;

/// <summary>
/// Estimates the start of executions whose log has no start event (after Fracca et al., CAiSE 2022, and Chapela-Campa
/// and Dumas): start = the later of the moment the activity was enabled in its case (the previous completion of the
/// case) and the moment its resource became free (the resource's previous completion in any case); the service time
/// is the working time from there to the completion, off-duty hours excluded (a calendar of the hours of the week in
/// which the log's people work, learned from the log). Where the true start is known the same estimate is computed and
/// its error recorded, so every log with real starts validates the method.
/// <para>
/// Streaming: a resource's previous completion may belong to a case read later, so each query waits until the
/// low-water mark of the stream (the earliest event of the latest case read, minus a day of slack) passes its time.
/// Memory follows the events of the cases open at the same time, not the log. Events that arrive behind the mark
/// (logs not ordered by case start) are resolved at once and counted in <see cref="LateEvents"/>.
/// </para>
/// </summary>
public sealed class StartTimeEstimator(LogAggregate log) : IStartTimeInput
{
    /// <summary>Disorder of case starts tolerated before an event counts as late.</summary>
    public static readonly long SlackTicks = TimeSpan.TicksPerDay;

    /// <summary>An hour of the week is on duty when it holds at least this share of the mean hour's executions.</summary>
    public const double OnDutyShareOfMean = 0.15;

    private const int HoursPerWeek = 168;
    private const int InitialPruneAt = 64;

    private readonly List<List<long>> _completions = [];
    private readonly List<int> _pruneAt = [];
    /// <summary>Width of a bucket of waiting queries (by completion time): a minute.</summary>
    private const long BucketTicks = TimeSpan.TicksPerMinute;

    /// <summary>
    /// Waiting queries in the bucket of the mark and before it, by completion time: a small heap (a minute's
    /// queries), not one heap of every waiting query.
    /// </summary>
    private readonly PriorityQueue<Query, long> _near = new();

    /// <summary>Waiting queries of later buckets, unordered within a bucket (a whole bucket falls behind the mark at once).</summary>
    private readonly Dictionary<long, List<Query>> _far = [];

    /// <summary>The buckets of <see cref="_far"/>, earliest first.</summary>
    private readonly PriorityQueue<long, long> _farBuckets = new();
    private readonly Stack<List<Query>> _spareBuckets = new();

    /// <summary>
    /// Waiting queries that arrived in order of completion (each no earlier than the one before it), as most logs'
    /// do: a first-in first-out queue, resolved from its head while the head is behind the mark, with no bucket or
    /// heap. A query earlier than the queue's last goes to the buckets instead (while the queue is not empty); the two
    /// together hold every waiting query, and a call of <see cref="Advance"/> resolves those of both behind the mark.
    /// </summary>
    private readonly Queue<Query> _inOrder = new();
    private long _inOrderLast = long.MinValue;
    private long _nearBucket = long.MinValue;
    private long _lastBucket = long.MinValue;
    private List<Query>? _lastQueries;
    private readonly long[] _calendar = new long[HoursPerWeek];
    private readonly bool[] _onDuty = new bool[HoursPerWeek];

    /// <summary>On-duty hours of the week before each hour (running sum of <see cref="_onDuty"/>).</summary>
    private readonly int[] _onDutyBefore = new int[HoursPerWeek + 1];
    private long _calendarTotal;
    private long _calendarAtRefresh = -1;
    private int _onDutyHours = HoursPerWeek;
    private long _highMark = long.MinValue;

    public long LateEvents { get; private set; }

    public long Estimated { get; private set; }

    private long Mark => _highMark == long.MinValue ? long.MinValue : _highMark - SlackTicks;

    /// <summary>Counts an execution at a local hour of the week (Monday 00:00 = 0), for the on-duty calendar.</summary>
    public void Observe(int hourOfWeek)
    {
        _calendar[hourOfWeek]++;
        _calendarTotal++;
    }

    /// <summary>The stream moves on to events from <paramref name="earliestTicks"/>: resolves what can no longer change.</summary>
    public void Advance(long earliestTicks)
    {
        // Every waiting query completes at or after the mark (earlier ones are resolved when they come, or by the call
        // that moved the mark past them): while the mark stands still there is nothing to do. The copies of one
        // object-centric event, and a case's events at one instant, share their time.
        if (earliestTicks <= _highMark)
        {
            return;
        }

        _highMark = earliestTicks;
        var mark = Mark;
        while (_inOrder.TryPeek(out var first) && first.Complete < mark)
        {
            _inOrder.Dequeue();
            Resolve(first);
        }

        // Exactly the queries completed before the mark are resolved, as one heap of them all would; the order
        // within one call does not matter (nothing a resolution changes is read by another of the same call).
        var markBucket = Bucket(mark);
        while (_farBuckets.TryPeek(out var bucket, out _) && bucket <= markBucket)
        {
            _farBuckets.Dequeue();
            _far.Remove(bucket, out var queries);
            if (ReferenceEquals(queries, _lastQueries))
            {
                _lastQueries = null;
            }

            if (bucket < markBucket)
            {
                foreach (var waiting in queries!)
                {
                    Resolve(waiting);
                }
            }
            else
            {
                foreach (var waiting in queries!)
                {
                    _near.Enqueue(waiting, waiting.Complete);
                }
            }

            queries.Clear();
            if (_spareBuckets.Count < 256)
            {
                _spareBuckets.Push(queries);
            }
        }

        _nearBucket = Math.Max(_nearBucket, markBucket);
        while (_near.TryPeek(out var query, out var at) && at < mark)
        {
            _near.Dequeue();
            Resolve(query);
        }
    }

    private static long Bucket(long ticks) => ticks >= 0 ? ticks / BucketTicks : ((ticks + 1) / BucketTicks) - 1;

    /// <summary>A completion by <paramref name="resource"/>: the moment it became free again.</summary>
    public void RecordCompletion(int resource, long ticks)
    {
        while (_completions.Count <= resource)
        {
            _completions.Add([]);
            _pruneAt.Add(InitialPruneAt);
        }

        var list = _completions[resource];
        if (ticks < Mark)
        {
            LateEvents++;
        }

        if (list.Count == 0 || list[^1] <= ticks)
        {
            list.Add(ticks);
        }
        else
        {
            var index = CollectionsMarshal.AsSpan(list).BinarySearch(ticks);
            list.Insert(index < 0 ? ~index : index, ticks);
        }

        if (list.Count >= _pruneAt[resource])
        {
            Prune(list);
            _pruneAt[resource] = Math.Max(InitialPruneAt, list.Count * 2);
        }
    }

    /// <summary>Asks for the estimate of one execution; <paramref name="trueStart"/> is its real start when known.</summary>
    public void Enqueue(int activity, int resource, long enabled, long complete, short offsetMinutes, long trueStart)
    {
        var query = new Query(activity, resource, enabled, complete, offsetMinutes, trueStart);
        if (complete < Mark)
        {
            Resolve(query);
        }
        else if (_inOrder.Count == 0 || complete >= _inOrderLast)
        {
            _inOrder.Enqueue(query);
            _inOrderLast = complete;
        }
        else
        {
            var bucket = Bucket(complete);
            if (bucket <= _nearBucket)
            {
                _near.Enqueue(query, complete);
            }
            else
            {
                // Executions come in bursts of the same minute: the last bucket saves the lookup.
                if (bucket != _lastBucket || _lastQueries is null)
                {
                    if (!_far.TryGetValue(bucket, out _lastQueries))
                    {
                        _lastQueries = _spareBuckets.TryPop(out var spare) ? spare : [];
                        _far.Add(bucket, _lastQueries);
                        _farBuckets.Enqueue(bucket, bucket);
                    }

                    _lastBucket = bucket;
                }

                _lastQueries.Add(query);
            }
        }
    }

    /// <summary>One execution's inputs: its query, its resource's completion and its hour for the calendar (see <see cref="IStartTimeInput.Execution"/>).</summary>
    public void Execution(int activity, int resource, long enabled, long complete, short offsetMinutes, long trueStart, bool enqueue, bool record)
    {
        if (enqueue)
        {
            Enqueue(activity, resource, enabled, complete, offsetMinutes, trueStart);
        }

        if (record)
        {
            RecordCompletion(resource, complete);
        }

        Observe(HourOfWeek(complete + (offsetMinutes * TimeSpan.TicksPerMinute)));
    }

    /// <summary>Resolves every waiting query (end of the input).</summary>
    public void Flush()
    {
        while (_inOrder.TryDequeue(out var first))
        {
            Resolve(first);
        }

        _inOrderLast = long.MinValue;
        while (_near.TryDequeue(out var query, out _))
        {
            Resolve(query);
        }

        foreach (var queries in _far.Values)
        {
            foreach (var query in queries)
            {
                Resolve(query);
            }
        }

        _far.Clear();
        _lastQueries = null;
        _farBuckets.Clear();
        _spareBuckets.Clear();

        _completions.Clear();
        _pruneAt.Clear();
    }

    /// <summary>Time in a status, in working seconds of the on-duty calendar as it stands now.</summary>
    public void AddTimeInStatus(int activity, long fromTicks, long toTicks, short offsetMinutes) =>
        log.Activities[activity].TimeInStatus.Add(WorkingSeconds(fromTicks, toTicks, offsetMinutes));

    /// <summary>Working seconds between two instants (local offset applied), off-duty hours of the week excluded.</summary>
    public double WorkingSeconds(long fromTicks, long toTicks, short offsetMinutes)
    {
        if (toTicks <= fromTicks)
        {
            return 0;
        }

        RefreshCalendar();
        if (_onDutyHours == HoursPerWeek)
        {
            return (toTicks - fromTicks) / (double)TimeSpan.TicksPerSecond;
        }

        // In ticks, in constant time: whole weeks, the part-hours at both ends, and the whole hours between them
        // counted from the running sum of on-duty hours of the week.
        var offset = offsetMinutes * TimeSpan.TicksPerMinute;
        var from = fromTicks + offset;
        var to = toTicks + offset;
        var week = TimeSpan.TicksPerDay * 7;
        var fullWeeks = (to - from) / week;
        var ticks = fullWeeks * _onDutyHours * TimeSpan.TicksPerHour;
        from += fullWeeks * week;
        if (from < to)
        {
            var firstHour = from / TimeSpan.TicksPerHour;
            var lastHour = (to - 1) / TimeSpan.TicksPerHour;
            if (firstHour == lastHour)
            {
                ticks += _onDuty[(int)(firstHour % HoursPerWeek)] ? to - from : 0;
            }
            else
            {
                ticks += _onDuty[(int)(firstHour % HoursPerWeek)] ? (firstHour + 1) * TimeSpan.TicksPerHour - from : 0;
                ticks += _onDuty[(int)(lastHour % HoursPerWeek)] ? to - lastHour * TimeSpan.TicksPerHour : 0;
                ticks += OnDutyHoursBetween(firstHour + 1, lastHour) * TimeSpan.TicksPerHour;
            }
        }

        return ticks / (double)TimeSpan.TicksPerSecond;
    }

    /// <summary>On-duty whole hours from absolute hour <paramref name="first"/> up to (not including) <paramref name="end"/>, less than a week apart.</summary>
    private long OnDutyHoursBetween(long first, long end)
    {
        var count = end - first;
        if (count <= 0)
        {
            return 0;
        }

        var at = (int)(first % HoursPerWeek);
        var stop = at + count;
        return stop <= HoursPerWeek
            ? _onDutyBefore[stop] - _onDutyBefore[at]
            : _onDutyBefore[HoursPerWeek] - _onDutyBefore[at] + _onDutyBefore[stop - HoursPerWeek];
    }

    /// <summary>Local hour of the week, Monday 00:00 = 0, of local ticks.</summary>
    public static int HourOfWeek(long localTicks)
    {
        // 0001-01-01 was a Monday.
        var hours = localTicks / TimeSpan.TicksPerHour;
        return (int)(hours % HoursPerWeek);
    }

    private void RefreshCalendar()
    {
        // The calendar settles after a few thousand executions: refresh it each time the count doubles.
        if (_calendarAtRefresh >= 0 && _calendarTotal - _calendarAtRefresh < Math.Max(512, _calendarAtRefresh))
        {
            return;
        }

        _calendarAtRefresh = _calendarTotal;
        if (_calendarTotal < 500)
        {
            Array.Fill(_onDuty, true);
            _onDutyHours = HoursPerWeek;
            SumOnDuty();
            _calendarAtRefresh = _calendarTotal == 0 ? -1 : _calendarAtRefresh;
            return;
        }

        var threshold = OnDutyShareOfMean * _calendarTotal / HoursPerWeek;
        _onDutyHours = 0;
        for (var h = 0; h < HoursPerWeek; h++)
        {
            _onDuty[h] = _calendar[h] >= threshold;
            if (_onDuty[h])
            {
                _onDutyHours++;
            }
        }

        if (_onDutyHours == 0)
        {
            Array.Fill(_onDuty, true);
            _onDutyHours = HoursPerWeek;
        }

        SumOnDuty();
    }

    private void SumOnDuty()
    {
        for (var h = 0; h < HoursPerWeek; h++)
        {
            _onDutyBefore[h + 1] = _onDutyBefore[h] + (_onDuty[h] ? 1 : 0);
        }
    }

    private void Resolve(in Query query)
    {
        var available = long.MinValue;
        if (query.Resource < _completions.Count)
        {
            var list = _completions[query.Resource];
            var index = CollectionsMarshal.AsSpan(list).BinarySearch(query.Complete);
            index = index < 0 ? ~index : index;

            // Completions at the very same instant are the same burst, not an earlier job: step below them.
            while (index > 0 && list[index - 1] >= query.Complete)
            {
                index--;
            }

            if (index > 0)
            {
                available = list[index - 1];
            }
        }

        var start = Math.Max(query.Enabled, available);
        var estimate = WorkingSeconds(start, query.Complete, query.Offset);
        var activity = log.Activities[query.Activity];
        if (query.TrueStart == MinedEvent.NoStart)
        {
            activity.EstimatedServiceTime.Add(estimate);
            Estimated++;
            return;
        }

        var truth = Math.Max(0, (query.Complete - query.TrueStart) / (double)TimeSpan.TicksPerSecond);
        activity.EstimateAbsoluteError.Add(Math.Abs(estimate - truth));
        if (truth >= 1)
        {
            activity.EstimateRelativeError.Add(Math.Abs(estimate - truth) / truth);
        }
    }

    private void Prune(List<long> list)
    {
        var mark = Mark;
        if (mark == long.MinValue || list.Count == 0 || list[0] >= mark)
        {
            return;
        }

        var index = CollectionsMarshal.AsSpan(list).BinarySearch(mark);
        index = index < 0 ? ~index : index;

        // Keep the last completion before the mark: the availability of the next query may be that one.
        var remove = index - 1;
        if (remove > 0)
        {
            list.RemoveRange(0, remove);
        }
    }

    private readonly record struct Query(int Activity, int Resource, long Enabled, long Complete, short Offset, long TrueStart);
}
