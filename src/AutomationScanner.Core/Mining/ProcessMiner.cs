using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Mining;

/// <summary>One event as the miner sees it: ids are from the target <see cref="LogAggregate"/>'s tables.</summary>
public readonly record struct MinedEvent(
    int Activity,
    int Resource,
    long UtcTicks,
    short OffsetMinutes,
    Lifecycle Lifecycle,
    long Sequence,
    long StartUtcTicks = MinedEvent.NoStart,
    bool OwnValue = false,
    int Role = -1)
{
    public const long NoStart = long.MinValue;
}

/// <summary>
/// Mines per-activity metrics from a stream of events. Events of a case are ordered by timestamp, ties keep file
/// order. Logs grouped by case (every XES, most CSV exports) are mined with memory bounded by a small window of
/// recent cases; when a log turns out to interleave cases, open cases are kept until the end, so memory follows the
/// number of cases, never the number of events.
/// </summary>
public sealed class ProcessMiner : IEventSink
{
    /// <summary>Cases a grouped log may revisit before they are closed (guards against short interleavings).</summary>
    private const int RecentCaseWindow = 256;

    /// <summary>Closed case states kept for reuse.</summary>
    private const int SpareCases = 64;

    private const ulong VariantSeed = 14695981039346656037UL;
    private const ulong VariantPrime = 1099511628211UL;

    private readonly LogAggregate _log;
    private readonly Dictionary<string, CaseState> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CaseState>.AlternateLookup<ReadOnlySpan<char>> _openLookup;
    private readonly HashSet<ulong> _closedCaseHashes = [];
    private readonly Queue<CaseState> _recent = new();

    /// <summary>Closed cases of a grouped log, kept for the next cases (their lists and arrays are reused, not reallocated per case).</summary>
    private readonly Stack<CaseState> _spare = new();
    private readonly CaseState _scratch = new(string.Empty);
    private readonly StartTimeEstimator? _estimator;
    private readonly StartTimeJournal? _journal;
    private IStartTimeInput _startTimes;
    private readonly long _earliestTicks;
    private readonly long _latestTicks;
    private CaseState? _current;

    /// <summary>The states of the cases numbered by the caller (<see cref="Add(int, in MinedEvent)"/>), by number.</summary>
    private CaseCore[] _numbered = [];

    /// <summary>
    /// The numbered cases' overflows, beside their states rather than in them: the states then hold no reference, so the
    /// collector never walks their array (for an object-centric log, 128 bytes for each of its objects) when it marks.
    /// </summary>
    private CaseOverflow?[] _numberedMore = [];

    /// <summary>One past the highest case number seen.</summary>
    private int _numberedCount;
    private int[] _seenScratch = [];
    private long _sequence;
    private long _monthKeyDay = -1;
    private int _monthKey;

    public ProcessMiner(LogAggregate log)
        : this(log, startTimeJournal: null)
    {
    }

    /// <summary>
    /// A miner of one part of a split log when <paramref name="startTimeJournal"/> is given: the start-time estimator's
    /// inputs are written there instead of being estimated (a part cannot see other parts' completions or the whole
    /// log's calendar), and <see cref="StartTimeJournal.Replay"/> estimates after the merge; the part's estimates and
    /// times in status stay empty.
    /// </summary>
    public ProcessMiner(LogAggregate log, Stream? startTimeJournal)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        _openLookup = _open.GetAlternateLookup<ReadOnlySpan<char>>();
        if (startTimeJournal is null)
        {
            _estimator = new StartTimeEstimator(log);
            _startTimes = _estimator;
        }
        else
        {
            _journal = new StartTimeJournal(startTimeJournal);
            _startTimes = _journal;
        }

        _earliestTicks = log.Options.EarliestPlausibleTimestamp.UtcTicks;
        _latestTicks = log.Options.LatestPlausibleTimestamp.UtcTicks;
    }

    public LogAggregate Log => _log;

    /// <summary>
    /// Sends the start-time estimator's inputs to <paramref name="input"/> instead (a pipelined read hands them, in
    /// order, to whichever thread has time to estimate, <see cref="Estimator"/> being that estimator); null sends them
    /// back to this miner's own estimator or journal. Switch only between events.
    /// </summary>
    internal void DivertStartTimes(IStartTimeInput? input) => _startTimes = input ?? (IStartTimeInput?)_estimator ?? _journal!;

    /// <summary>The one-pass miner's start-time estimator; null for a part's miner (it journals).</summary>
    internal StartTimeEstimator? Estimator => _estimator;

    /// <summary>True once the stream interleaves cases; open cases are then kept until <see cref="Complete"/>.</summary>
    public bool Interleaved { get; private set; }

    public long NextSequence() => _sequence++;

    /// <summary>Caps on cases and activities (events past <see cref="InputLimits.MaxEventsPerCase"/> are dropped, with a note).</summary>
    public InputLimits Limits
    {
        get;
        set
        {
            field = value ?? InputLimits.Default;
            _log.MaxActivities = field.MaxActivities;
            _log.MaxResources = field.MaxResources;
        }
    } = InputLimits.Default;

    /// <summary>Adds one event of a streamed log (CSV rows); false when its case is already at the events-per-case cap.</summary>
    public bool Add(ReadOnlySpan<char> caseId, in MinedEvent minedEvent)
    {
        if (_current is null || !caseId.SequenceEqual(_current.Id))
        {
            SwitchTo(caseId);
        }

        var state = _current!;
        if (state.Core.Accepted >= Limits.MaxEventsPerCase)
        {
            if (state.Core.Accepted == Limits.MaxEventsPerCase)
            {
                state.Core.Accepted++;
                _log.DataQuality.Add(DataQualityKinds.CaseTooLong, FormattableString.Invariant(
                    $"case '{state.Id}' has more than {Limits.MaxEventsPerCase} events (input limit MaxEventsPerCase): its further events are dropped"));
            }

            return false;
        }

        state.Core.Accepted++;
        state.Pending.Add(minedEvent);
        return true;
    }

    /// <summary>Names the cases of <see cref="Add(int, in MinedEvent)"/> by their index, for messages only (ids are not kept per case).</summary>
    public Func<int, string>? CaseNames { get; set; }

    /// <summary>
    /// Adds one event to a case the caller has numbered (an OCEL object's index among the objects of its type): no lookup
    /// by id and no id kept, and the event is mined at once, so events must come in time order (a later event seen first
    /// is noted as out of order). Cases added this way stay open until <see cref="Complete"/>; do not mix with
    /// <see cref="Add(ReadOnlySpan{char}, in MinedEvent)"/>.
    /// </summary>
    public void Add(int caseIndex, in MinedEvent minedEvent)
    {
        if (caseIndex >= _numbered.Length)
        {
            ReserveCases(Math.Max(caseIndex + 1, Math.Max(1024, _numbered.Length * 2)));
        }

        // Mined at once, in arrival order (the reader delivers events in time order); no event is held per case.
        ref var state = ref _numbered[caseIndex];
        ref var more = ref _numberedMore[caseIndex];
        if (!state.Open)
        {
            state.Reset(ref more);
            _numberedCount = Math.Max(_numberedCount, caseIndex + 1);
        }

        Interleaved = true;
        if (state.Accepted >= Limits.MaxEventsPerCase)
        {
            if (state.Accepted == Limits.MaxEventsPerCase)
            {
                state.Accepted++;
                _log.DataQuality.Add(DataQualityKinds.CaseTooLong, FormattableString.Invariant(
                    $"case '{CaseName(caseIndex)}' has more than {Limits.MaxEventsPerCase} events (input limit MaxEventsPerCase): its further events are dropped"));
            }

            return;
        }

        var ticks = minedEvent.UtcTicks;
        if (ticks < _earliestTicks || ticks > _latestTicks)
        {
            // As Settle does for the other readers: timestamps outside the plausible window are faults, not data.
            _log.DataQuality.Add(DataQualityKinds.ImplausibleTimestamp, _log.DataQuality.CountOf(DataQualityKinds.ImplausibleTimestamp) >= DataQualityLog.ExamplesPerKind ? string.Empty
                : $"case '{CaseName(caseIndex)}': {new DateTime(ticks, DateTimeKind.Utc):O} is outside the plausible window {_log.Options.EarliestPlausibleTimestamp:yyyy-MM-dd} to {_log.Options.LatestPlausibleTimestamp:yyyy-MM-dd}; the event is not used");
            return;
        }

        state.Accepted++;
        _startTimes.Advance(ticks);
        if (ticks < state.LastEventTicks)
        {
            _log.DataQuality.Add(DataQualityKinds.OutOfOrder, _log.DataQuality.CountOf(DataQualityKinds.OutOfOrder) >= DataQualityLog.ExamplesPerKind ? string.Empty
                : $"case '{CaseName(caseIndex)}': an event at {new DateTime(ticks, DateTimeKind.Utc):O} comes after a later one in the file and is mined in file order");
        }

        Process(ref state, ref more, minedEvent);
    }

    /// <summary>
    /// Reads a little of each part of numbered case <paramref name="caseIndex"/>'s state and returns it (a caller keeps the
    /// sum, so the loads stay): a loop of these over the next events' cases lets the processor fetch the states together,
    /// where <see cref="Add(int, in MinedEvent)"/> one by one would wait for each. A hint; it changes nothing.
    /// </summary>
    public long WarmCase(int caseIndex)
    {
        if ((uint)caseIndex >= (uint)_numbered.Length)
        {
            return 0;
        }

        // The miner's own state, rewritten as it is: a fresh page read first is mapped to the shared zero page and faults
        // again, with a TLB flush, at its first write; written first, it faults once.
        ref var state = ref _numbered[caseIndex];
        Volatile.Write(ref state.Flags, Volatile.Read(ref state.Flags));
        return state.Warm();
    }

    /// <summary>
    /// Makes room at once for the cases numbered 0 to <paramref name="count"/> - 1 of <see cref="Add(int, in MinedEvent)"/>
    /// (an object-centric reader knows its objects before their events), so their states are not copied as they grow.
    /// </summary>
    public void ReserveCases(int count)
    {
        if (count > _numbered.Length)
        {
            Array.Resize(ref _numbered, count);
            Array.Resize(ref _numberedMore, count);
        }
    }

    private string CaseName(int caseIndex) => CaseNames?.Invoke(caseIndex) ?? caseIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds a whole case (an XES trace): its events in file order.</summary>
    public void AddCase(List<MinedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        AddCase(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(events));
    }

    /// <summary>Adds a whole case held in a span (a trace of a pipelined read's batch).</summary>
    internal void AddCase(ReadOnlySpan<MinedEvent> events)
    {
        _scratch.Reset();
        _scratch.Pending.AddRange(events);
        Settle(_scratch);
        Close(_scratch);
    }

    /// <summary>Closes every open case; call once at the end of the input.</summary>
    public void Complete()
    {
        var estimator = CompleteCases();
        if (estimator is not null)
        {
            FinishEstimates(_log, estimator);
        }
    }

    /// <summary>
    /// Closes every open case but keeps the start-time estimator of a one-pass miner waiting, so that the estimator's
    /// inputs of the parts that follow this one in the file (their journals, <see cref="StartTimeJournal.ReplayInto"/>)
    /// can be fed to it as one pass would; <see cref="FinishEstimates"/> resolves what is left. Null for a part's miner.
    /// </summary>
    internal StartTimeEstimator? CompleteKeepingEstimates() => CompleteCases();

    /// <summary>Resolves the estimator's waiting queries and counts its late events on <paramref name="log"/>.</summary>
    internal static void FinishEstimates(LogAggregate log, StartTimeEstimator estimator)
    {
        estimator.Flush();

        // Not a fault of the data: logs ordered by case id rather than case start make the estimator resolve some events early.
        log.StartEstimateLateEvents += estimator.LateEvents;
    }

    private StartTimeEstimator? CompleteCases()
    {
        if (_current is not null)
        {
            Settle(_current);
            _current = null;
        }

        foreach (var state in _open.Values)
        {
            Close(state);
        }

        for (var i = 0; i < _numberedCount; i++)
        {
            ref var state = ref _numbered[i];
            if (state.Open)
            {
                CloseCore(ref state, ref _numberedMore[i]);
            }
        }

        _numbered = [];
        _numberedMore = [];
        _numberedCount = 0;
        _open.Clear();
        _recent.Clear();
        _closedCaseHashes.Clear();
        _journal?.Complete();
        return _estimator;
    }

    /// <summary>True while a case's run of rows is open (<see cref="Add(ReadOnlySpan{char}, in MinedEvent)"/>).</summary>
    public bool InCase => _current is not null;

    /// <summary>
    /// Ends the current case's run of rows as a row of another case would (a part split by case-id hash calls it for a
    /// row another part owns, so its runs, and the start-time inputs they give, are those of one pass).
    /// </summary>
    public void LeaveCase()
    {
        if (_current is null)
        {
            return;
        }

        Settle(_current);
        if (!Interleaved)
        {
            _recent.Enqueue(_current);
            if (_recent.Count > RecentCaseWindow)
            {
                var oldest = _recent.Dequeue();
                _open.Remove(oldest.Id);
                _closedCaseHashes.Add(Hash(oldest.Id));
                Close(oldest);
                if (_spare.Count < SpareCases)
                {
                    oldest.Reset();
                    _spare.Push(oldest);
                }
            }
        }

        _current = null;
    }

    private void SwitchTo(ReadOnlySpan<char> caseId)
    {
        LeaveCase();

        if (_openLookup.TryGetValue(caseId, out var state))
        {
            // A case seen before, not in the current run: the log interleaves cases.
            SwitchToInterleaved();
        }
        else
        {
            if (_closedCaseHashes.Count > 0 && _closedCaseHashes.Contains(Hash(caseId)))
            {
                _log.DataQuality.Add(DataQualityKinds.FragmentedCase,
                    $"case '{caseId}' reappears after {RecentCaseWindow} other cases; it is counted as a second case (the log is not grouped by case)");
                SwitchToInterleaved();
            }

            var id = caseId.ToString();
            if (_spare.TryPop(out state))
            {
                state.Id = id;
            }
            else
            {
                state = new CaseState(id);
            }

            _open.Add(state.Id, state);
        }

        _current = state;
    }

    private void SwitchToInterleaved()
    {
        Interleaved = true;
        _recent.Clear();
    }

    private void Settle(CaseState state)
    {
        if (!state.HasPending)
        {
            return;
        }

        var pending = state.Pending;

        // Timestamps outside the plausible window (default 1970 to a year after the scan) are faults, not data.
        for (var i = pending.Count - 1; i >= 0; i--)
        {
            var ticks = pending[i].UtcTicks;
            if (ticks < _earliestTicks || ticks > _latestTicks)
            {
                _log.DataQuality.Add(DataQualityKinds.ImplausibleTimestamp,
                    $"case '{state.Id}': {new DateTime(ticks, DateTimeKind.Utc):O} is outside the plausible window {_log.Options.EarliestPlausibleTimestamp:yyyy-MM-dd} to {_log.Options.LatestPlausibleTimestamp:yyyy-MM-dd}; the event is not used");
                pending.RemoveAt(i);
            }
            else if (pending[i].StartUtcTicks != MinedEvent.NoStart && (pending[i].StartUtcTicks < _earliestTicks || pending[i].StartUtcTicks > ticks))
            {
                if (pending[i].StartUtcTicks < _earliestTicks)
                {
                    _log.DataQuality.Add(DataQualityKinds.ImplausibleTimestamp,
                        $"case '{state.Id}': start {new DateTime(pending[i].StartUtcTicks, DateTimeKind.Utc):O} is before {_log.Options.EarliestPlausibleTimestamp:yyyy-MM-dd}; the start is not used");
                    pending[i] = pending[i] with { StartUtcTicks = MinedEvent.NoStart };
                }
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        // The run's first row in file order: orders runs of parts split by case-id hash when their journals are replayed.
        _journal?.BeginRun(pending[0].Sequence);
        if (pending.Count > 1 && !InOrder(pending))
        {
            pending.Sort(static (a, b) => a.UtcTicks != b.UtcTicks ? a.UtcTicks.CompareTo(b.UtcTicks) : a.Sequence.CompareTo(b.Sequence));
        }

        _startTimes.Advance(pending[0].UtcTicks);

        if (pending[0].UtcTicks < state.Core.LastEventTicks)
        {
            _log.DataQuality.Add(DataQualityKinds.OutOfOrder,
                $"case '{state.Id}': an event at {new DateTime(pending[0].UtcTicks, DateTimeKind.Utc):O} comes after a later one in the file and is mined in file order");
        }

        foreach (var minedEvent in pending)
        {
            Process(ref state.Core, ref state.More, minedEvent);
        }

        pending.Clear();
    }

    /// <summary>True when the events are already in the order the sort gives (most exports list a case's events by time).</summary>
    private static bool InOrder(List<MinedEvent> pending)
    {
        var events = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pending);
        for (var i = 1; i < events.Length; i++)
        {
            ref readonly var previous = ref events[i - 1];
            ref readonly var next = ref events[i];
            if (next.UtcTicks < previous.UtcTicks || (next.UtcTicks == previous.UtcTicks && next.Sequence < previous.Sequence))
            {
                return false;
            }
        }

        return true;
    }

    private void Process(ref CaseCore state, ref CaseOverflow? more, in MinedEvent e)
    {
        var log = _log;
        var activity = log.Activities[e.Activity];
        activity.Events++;
        log.Events++;
        if (e.UtcTicks < log.MinUtcTicks)
        {
            log.MinUtcTicks = e.UtcTicks;
        }

        if (e.UtcTicks > log.MaxUtcTicks)
        {
            log.MaxUtcTicks = e.UtcTicks;
        }

        if (state.FirstTicks == long.MinValue)
        {
            state.FirstTicks = e.UtcTicks;
        }

        state.LastEventTicks = Math.Max(state.LastEventTicks, e.UtcTicks);
        if (state.StatusActivity >= 0)
        {
            // The case leaves its status at its next event: working time in the status, off-duty hours excluded.
            _startTimes.AddTimeInStatus(state.StatusActivity, state.StatusTicks, e.UtcTicks, e.OffsetMinutes);
            state.StatusActivity = -1;
        }

        if (e.OwnValue)
        {
            activity.OwnValueEvents++;
        }

        switch (e.Lifecycle)
        {
            case Lifecycle.Status:
                activity.StatusEvents++;
                Execute(ref state, ref more, activity, e);
                state.StatusActivity = e.Activity;
                state.StatusTicks = e.UtcTicks;
                return;
            case Lifecycle.Start:
                activity.Starts++;
                state.OpenStarts(ref more).Add((e.Activity, e.UtcTicks));
                if (state.LastCompleteTicks != long.MinValue)
                {
                    activity.WaitingTime.Add(Seconds(e.UtcTicks - state.LastCompleteTicks));
                }

                return;
            case Lifecycle.Abort:
                activity.FailureEvents++;
                state.Failed = true;
                RemoveOpenStart(ref state, ref more, e.Activity);
                return;
            case Lifecycle.None or Lifecycle.Complete:
                Execute(ref state, ref more, activity, e);
                return;
            default:
                return;
        }
    }

    private void Execute(ref CaseCore state, ref CaseOverflow? more, ActivityAggregate activity, in MinedEvent e)
    {
        var log = _log;
        activity.Executions++;
        var startTicks = e.StartUtcTicks != MinedEvent.NoStart ? e.StartUtcTicks : RemoveOpenStart(ref state, ref more, e.Activity);
        RecordInOrAfter(ref state, ref more, e.Activity);

        var quick = state.LastCompleteTicks != long.MinValue && e.UtcTicks - state.LastCompleteTicks <= LogAggregate.QuickFollowSeconds * TimeSpan.TicksPerSecond;
        if (quick)
        {
            activity.QuickFollows++;
        }

        // Executions at the very instant of the case's previous one were recorded together (a batch), both of them.
        if (state.LastActivity >= 0 && e.UtcTicks == state.LastExecutionTicks)
        {
            if (!state.LastSameInstant)
            {
                log.Activities[state.LastActivity].SameInstantExecutions++;
            }

            activity.SameInstantExecutions++;
            state.LastSameInstant = true;
        }
        else
        {
            state.LastSameInstant = false;
        }

        state.LastExecutionTicks = e.UtcTicks;
        var taskLike = log.NameSaysTask(e.Activity) && e.Lifecycle != Lifecycle.Status;

        // The estimator's inputs of this execution, given together below (the query, the completion, the calendar).
        var enabled = long.MinValue;
        var record = false;
        if (e.Resource >= 0 && e.Lifecycle != Lifecycle.Status)
        {
            // The start as if the log had none: kept as the estimate where it has none, compared with the truth where it has.
            // Status changes recorded while someone works (BPIC 2012's O_SENT inside W_Completeren) neither enable the work
            // nor free the resource: only completions of task-like activities count, the case's first events aside.
            enabled = state.LastTaskCompleteTicks != long.MinValue ? state.LastTaskCompleteTicks : state.FirstTicks;
            record = log.NameSaysTask(e.Activity);
        }

        var offset = e.OffsetMinutes * TimeSpan.TicksPerMinute;
        if (startTicks != MinedEvent.NoStart)
        {
            activity.ServiceTime.Add(Seconds(e.UtcTicks - startTicks));
            if ((startTicks + offset) / TimeSpan.TicksPerDay != (e.UtcTicks + offset) / TimeSpan.TicksPerDay)
            {
                activity.OvernightPairs++;
            }

            if (taskLike && e.Resource >= 0 && e.UtcTicks > startTicks)
            {
                // At most a working day per local day the pair touches: no calendar, so split parts add up to one pass.
                var days = (e.UtcTicks + offset) / TimeSpan.TicksPerDay - (startTicks + offset) / TimeSpan.TicksPerDay + 1;
                var cap = days * (long)(HandlingPlausibility.WorkingHoursPerDay * 3_600_000);
                log.Resources[e.Resource].BusyMilliseconds += Math.Min((e.UtcTicks - startTicks) / TimeSpan.TicksPerMillisecond, cap);
            }
            if (e.StartUtcTicks != MinedEvent.NoStart && state.LastCompleteTicks != long.MinValue)
            {
                activity.WaitingTime.Add(Seconds(startTicks - state.LastCompleteTicks));
            }
        }
        else if (state.LastCompleteTicks != long.MinValue)
        {
            activity.WaitingTime.Add(Seconds(e.UtcTicks - state.LastCompleteTicks));
        }

        ActivityAggregate.Increment(activity.Predecessors, state.LastActivity >= 0 ? state.LastActivity : ActivityAggregate.CaseStart);
        if (state.LastActivity >= 0)
        {
            ActivityAggregate.Increment(log.Activities[state.LastActivity].Successors, e.Activity);
            if (state.LastActivity == e.Activity)
            {
                activity.SelfLoops++;
            }
        }

        var previousCount = state.CountExecution(e.Activity, ref more);
        if (previousCount == 0)
        {
            activity.Cases++;
        }
        else
        {
            activity.RepeatExecutions++;
            if (previousCount == 1)
            {
                activity.CasesWithRepeat++;
            }
        }

        if (e.Role >= 0)
        {
            ActivityAggregate.Increment(activity.RoleExecutions, e.Role);
            if (e.Resource >= 0)
            {
                log.AddResourceRole(e.Resource, e.Role);
            }
        }

        var localTicks = e.UtcTicks + e.OffsetMinutes * TimeSpan.TicksPerMinute;
        var localDay = localTicks / TimeSpan.TicksPerDay;
        var localHour = (int)(localTicks / TimeSpan.TicksPerHour % 24);

        // 0001-01-01 was a Monday: day 0 is DayOfWeek 1.
        var weekend = (localDay + 1) % 7 is 0 or 6;
        activity.Hours[localHour]++;
        if (localTicks % TimeSpan.TicksPerDay == 0)
        {
            activity.MidnightExecutions++;
        }

        _startTimes.Execution(e.Activity, e.Resource, enabled, e.UtcTicks, e.OffsetMinutes, startTicks, enqueue: enabled != long.MinValue, record);
        if (e.Resource >= 0)
        {
            var resource = log.Resources[e.Resource];
            resource.Executions++;
            resource.ActiveDays.Add((int)localDay);
            if (taskLike)
            {
                resource.TaskExecutions++;
            }
            resource.Hours[localHour]++;
            if (weekend)
            {
                resource.WeekendExecutions++;
            }

            if (quick)
            {
                resource.QuickFollows++;
            }

            if (startTicks != MinedEvent.NoStart)
            {
                resource.TimedExecutions++;
                if (e.UtcTicks - startTicks < TimeSpan.TicksPerSecond)
                {
                    resource.InstantExecutions++;
                }
            }

            if (state.SeeResource(e.Resource, ref more))
            {
                resource.Cases++;
            }

            ActivityAggregate.Increment(activity.ResourceExecutions, e.Resource);
            if (log.IsAutomatedResource(e.Resource))
            {
                activity.AutomatedExecutions++;
            }

            if (state.LastResource >= 0 && state.LastResource != e.Resource)
            {
                activity.Handovers++;
            }

            state.LastResource = e.Resource;
        }

        if (weekend || localHour < log.Options.WorkdayStartHour || localHour >= log.Options.WorkdayEndHour)
        {
            activity.OffHoursExecutions++;
        }

        ActivityAggregate.Increment(activity.Months, MonthKey(localDay));
        if (log.IsFailureActivity(e.Activity))
        {
            activity.FailureEvents++;
        }

        state.LastWasFailure = log.IsFailureActivity(e.Activity);
        state.Variant = (state.Variant ^ log.ActivityHash(e.Activity)) * VariantPrime;
        state.LastActivity = e.Activity;
        state.LastCompleteTicks = Math.Max(state.LastCompleteTicks, e.UtcTicks);
        if (log.NameSaysTask(e.Activity))
        {
            state.LastTaskCompleteTicks = Math.Max(state.LastTaskCompleteTicks, e.UtcTicks);
        }
    }

    /// <summary>Year * 12 + month - 1 of a local day number; the last day's is kept (a log's executions come day by day).</summary>
    private int MonthKey(long localDay)
    {
        if (localDay != _monthKeyDay)
        {
            var date = new DateTime(localDay * TimeSpan.TicksPerDay, DateTimeKind.Unspecified);
            _monthKey = date.Year * 12 + date.Month - 1;
            _monthKeyDay = localDay;
        }

        return _monthKey;
    }

    /// <summary>
    /// Counts the execution of <paramref name="activity"/> for the step it was recorded in: every other activity of the
    /// case in progress (started, not completed), or, when none is, the activity executed just before it. The latter is
    /// the direct succession the miner counts anyway, so only a case with an activity in progress records anything here
    /// (<see cref="ActivityAggregate.RecordedInOrAfter"/>).
    /// </summary>
    private void RecordInOrAfter(ref CaseCore state, ref CaseOverflow? more, int activity)
    {
        if (!state.HasOpenStarts(ref more))
        {
            return;
        }

        var credited = false;
        var starts = state.OpenStarts(ref more);
        for (var i = 0; i < starts.Count; i++)
        {
            var open = starts[i].Activity;
            if (open == activity || SeenBefore(starts, i, open))
            {
                continue;
            }

            ActivityAggregate.Increment(_log.Activities[open].RecordedInProgress, activity);
            credited = true;
        }

        if (credited && state.LastActivity >= 0)
        {
            ActivityAggregate.Increment(_log.Activities[state.LastActivity].SuccessorsRecordedElsewhere, activity);
        }

        static bool SeenBefore(List<(int Activity, long Ticks)> starts, int index, int open)
        {
            for (var j = 0; j < index; j++)
            {
                if (starts[j].Activity == open)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static long RemoveOpenStart(ref CaseCore state, ref CaseOverflow? more, int activity)
    {
        if (!state.HasOpenStarts(ref more))
        {
            return MinedEvent.NoStart;
        }

        var starts = state.OpenStarts(ref more);
        for (var i = 0; i < starts.Count; i++)
        {
            if (starts[i].Activity == activity)
            {
                var ticks = starts[i].Ticks;
                starts.RemoveAt(i);
                return ticks;
            }
        }

        return MinedEvent.NoStart;
    }

    private void Close(CaseState state)
    {
        Settle(state);
        CloseCore(ref state.Core, ref state.More);
    }

    private void CloseCore(ref CaseCore state, ref CaseOverflow? more)
    {
        var log = _log;
        if (state.FirstTicks == long.MinValue)
        {
            return;
        }

        log.Cases++;
        log.CaseDuration.Add(Seconds(state.LastEventTicks - state.FirstTicks));
        if (state.LastActivity >= 0)
        {
            ActivityAggregate.Increment(log.Activities[state.LastActivity].Successors, ActivityAggregate.CaseEnd);
        }

        var failed = state.Failed || state.LastWasFailure;
        var variant = state.Variant;
        if (!log.TryAddKnownVariantCase(variant))
        {
            // The case's activities are listed for its variant's first case only (most cases repeat a known variant).
            log.AddVariantCase(variant, state.SeenIds(ref _seenScratch, ref more));
        }
        if (failed)
        {
            for (var i = 0; i < state.SeenCount; i++)
            {
                log.Activities[state.SeenId(i, ref more)].FailedCases++;
            }
        }
    }

    private static double Seconds(long ticks) => ticks <= 0 ? 0 : ticks / (double)TimeSpan.TicksPerSecond;

    private static ulong Hash(ReadOnlySpan<char> id) => LogAggregate.Fnv1a(id);

    /// <summary>One open case of a streamed or grouped log (CSV rows, XES traces): its id, its pending events and its state.</summary>
    private sealed class CaseState
    {
        private List<MinedEvent>? _pending;

        /// <summary>The case's mining state (a field, so that it is passed by reference).</summary>
        public CaseCore Core;

        /// <summary>What the state holds beyond its inline parts (see <see cref="CaseCore"/>), kept for reuse.</summary>
        public CaseOverflow? More;

        public CaseState(string id)
        {
            Id = id;
            Core.Reset(ref More);
        }

        public string Id { get; set; }

        public List<MinedEvent> Pending => _pending ??= [];

        public bool HasPending => _pending is { Count: > 0 };

        public void Reset()
        {
            // Lists a long case grew are let go rather than kept for every later case.
            if (_pending is { Capacity: > 1024 })
            {
                _pending = null;
            }

            _pending?.Clear();
            Core.Reset(ref More);
        }
    }

    /// <summary>
    /// What the miner keeps of one case while it is open. A struct, so that the cases a caller numbers (an object-centric
    /// log's objects, each open until the end) live in one array of them, with no object per case for the garbage
    /// collector to trace, promote and copy. The first <see cref="InlineActivities"/> activities seen and the first two
    /// resources are inline (most cases need no more); further ones and open starts are in a <see cref="CaseOverflow"/>
    /// made on first use and kept when the state is reset for another case. The overflow is held beside the state, not in
    /// it (the owner passes it by reference to the methods that may need it), so that the state holds no reference: an
    /// array of them is plain data, which the collector does not walk when it marks. 128 bytes.
    /// </summary>
    private struct CaseCore
    {
        private const int InlineActivities = 4;

        // Declared widest first, so that they pack whichever layout the runtime gives the struct (it holds no reference).

        /// <summary>The status the case is in (status logs), -1 when none; and since when.</summary>
        public long StatusTicks;
        public long LastCompleteTicks;
        public long LastTaskCompleteTicks;
        public long LastEventTicks;

        /// <summary>When the case's previous execution happened (see <see cref="LastSameInstant"/>).</summary>
        public long LastExecutionTicks;
        public long FirstTicks;
        public ulong Variant;

        /// <summary>Events accepted into this case so far (the events-per-case cap counts them).</summary>
        public long Accepted;

        /// <summary>Activity id and execution count pairs of the first activities seen.</summary>
        private InlinePairs _seen;
        private int _firstResource;
        private int _secondResource;
        private int _resourceCount;
        public int SeenCount;
        public int LastActivity;
        public int LastResource;

        /// <summary>See <see cref="StatusTicks"/>.</summary>
        public int StatusActivity;

        /// <summary>
        /// <see cref="Open"/>, <see cref="HasMore"/>, <see cref="LastSameInstant"/>, <see cref="Failed"/> and
        /// <see cref="LastWasFailure"/>, a bit each: one byte where five bools took five, so the state is 128 bytes.
        /// </summary>
        public byte Flags;

        private const byte OpenFlag = 1;
        private const byte HasMoreFlag = 2;
        private const byte SameInstantFlag = 4;
        private const byte FailedFlag = 8;
        private const byte LastFailureFlag = 16;

        /// <summary>False until the first event of a numbered case (its slot is still all zeros).</summary>
        public bool Open
        {
            readonly get => (Flags & OpenFlag) != 0;
            set => Set(OpenFlag, value);
        }

        /// <summary>Whether the case's previous execution was at the same instant as the one before it.</summary>
        public bool LastSameInstant
        {
            readonly get => (Flags & SameInstantFlag) != 0;
            set => Set(SameInstantFlag, value);
        }

        public bool Failed
        {
            readonly get => (Flags & FailedFlag) != 0;
            set => Set(FailedFlag, value);
        }

        public bool LastWasFailure
        {
            readonly get => (Flags & LastFailureFlag) != 0;
            set => Set(LastFailureFlag, value);
        }

        /// <summary>True once this case has used its overflow since its last reset (until then the overflow is not read).</summary>
        private bool HasMore
        {
            readonly get => (Flags & HasMoreFlag) != 0;
            set => Set(HasMoreFlag, value);
        }

        private void Set(byte flag, bool on) => Flags = on ? (byte)(Flags | flag) : (byte)(Flags & ~flag);

        /// <summary>A few fields spread over the state (its first, middle and last bytes, whatever the layout), summed.</summary>
        public readonly long Warm() => Flags + _seen[0] + Accepted + FirstTicks + SeenCount + _resourceCount;

        public readonly bool HasOpenStarts(ref CaseOverflow? more) => HasMore && more!.OpenStarts is { Count: > 0 };

        public List<(int Activity, long Ticks)> OpenStarts(ref CaseOverflow? more) => Overflow(ref more).OpenStarts ??= [];

        /// <summary>The state of a case with no events yet; the overflow's lists are kept, emptied, for reuse.</summary>
        public void Reset(ref CaseOverflow? more)
        {
            if (HasMore)
            {
                more!.OpenStarts?.Clear();
            }

            this = default;
            Open = true;
            LastActivity = -1;
            LastResource = -1;
            StatusActivity = -1;
            LastCompleteTicks = long.MinValue;
            LastTaskCompleteTicks = long.MinValue;
            LastEventTicks = long.MinValue;
            LastExecutionTicks = long.MinValue;
            FirstTicks = long.MinValue;
            Variant = VariantSeed;
        }

        /// <summary>True the first time the resource executes in this case.</summary>
        public bool SeeResource(int resource, ref CaseOverflow? more)
        {
            if (_resourceCount == 0)
            {
                _firstResource = resource;
                _resourceCount = 1;
                return true;
            }

            if (_firstResource == resource)
            {
                return false;
            }

            if (_resourceCount == 1)
            {
                _secondResource = resource;
                _resourceCount = 2;
                return true;
            }

            if (_secondResource == resource)
            {
                return false;
            }

            var others = _resourceCount - 2;
            var overflow = Overflow(ref more);
            var resources = overflow.Resources;
            for (var i = 0; i < others; i++)
            {
                if (resources[i] == resource)
                {
                    return false;
                }
            }

            if (others == resources.Length)
            {
                Array.Resize(ref overflow.Resources, Math.Max(2, resources.Length * 2));
            }

            overflow.Resources[others] = resource;
            _resourceCount++;
            return true;
        }

        /// <summary>The <paramref name="index"/>-th distinct activity executed in this case.</summary>
        public readonly int SeenId(int index, ref CaseOverflow? more) => index < InlineActivities ? _seen[2 * index] : more!.Seen[2 * (index - InlineActivities)];

        /// <summary>The distinct activities executed in this case, in <paramref name="scratch"/> (the miner's, grown as needed).</summary>
        public readonly ReadOnlySpan<int> SeenIds(ref int[] scratch, ref CaseOverflow? more)
        {
            if (scratch.Length < SeenCount)
            {
                scratch = new int[Math.Max(8, SeenCount * 2)];
            }

            for (var i = 0; i < SeenCount; i++)
            {
                scratch[i] = SeenId(i, ref more);
            }

            return scratch.AsSpan(0, SeenCount);
        }

        /// <summary>Counts one more execution of <paramref name="activity"/>; returns the count before it.</summary>
        public int CountExecution(int activity, ref CaseOverflow? more)
        {
            var inline = Math.Min(SeenCount, InlineActivities);
            for (var i = 0; i < inline; i++)
            {
                if (_seen[2 * i] == activity)
                {
                    return _seen[2 * i + 1]++;
                }
            }

            if (SeenCount < InlineActivities)
            {
                _seen[2 * SeenCount] = activity;
                _seen[2 * SeenCount + 1] = 1;
                SeenCount++;
                return 0;
            }

            var overflow = Overflow(ref more);
            var seen = overflow.Seen;
            var end = 2 * (SeenCount - InlineActivities);
            for (var i = 0; i < end; i += 2)
            {
                if (seen[i] == activity)
                {
                    return seen[i + 1]++;
                }
            }

            if (end == seen.Length)
            {
                Array.Resize(ref overflow.Seen, Math.Max(8, seen.Length * 2));
            }

            overflow.Seen[end] = activity;
            overflow.Seen[end + 1] = 1;
            SeenCount++;
            return 0;
        }

        /// <summary>The overflow, made on first use (or the one a reset left, its lists emptied), marked as in use.</summary>
        private CaseOverflow Overflow(ref CaseOverflow? more)
        {
            HasMore = true;
            return more ??= new CaseOverflow();
        }
    }

    /// <summary>Activity id and count pairs held inline in a <see cref="CaseCore"/>.</summary>
    [System.Runtime.CompilerServices.InlineArray(8)]
    private struct InlinePairs
    {
        private int _element;
    }

    /// <summary>What a case rarely needs: activities past the inline ones, resources past the first, open starts.</summary>
    private sealed class CaseOverflow
    {
        /// <summary>Activity id and execution count pairs.</summary>
        public int[] Seen = [];

        /// <summary>The resources after the first two.</summary>
        public int[] Resources = [];

        public List<(int Activity, long Ticks)>? OpenStarts;
    }
}
