namespace AutomationScanner.Core.Mining;

/// <summary>
/// What the miner tells the start-time estimator, in stream order: the live <see cref="StartTimeEstimator"/> of a
/// one-pass read, or the <see cref="StartTimeJournal"/> of one part of a split log, replayed after the merge.
/// </summary>
internal interface IStartTimeInput
{
    /// <summary>A case's run of events is settled; its earliest event is at <paramref name="earliestTicks"/>.</summary>
    void Advance(long earliestTicks);

    /// <summary>A case left the status <paramref name="activity"/> it entered at <paramref name="fromTicks"/>.</summary>
    void AddTimeInStatus(int activity, long fromTicks, long toTicks, short offsetMinutes);

    void Enqueue(int activity, int resource, long enabled, long complete, short offsetMinutes, long trueStart);

    void RecordCompletion(int resource, long ticks);

    void Observe(int hourOfWeek);

    /// <summary>
    /// One execution, completed at <paramref name="complete"/> (UTC) with local offset <paramref name="offsetMinutes"/>:
    /// <see cref="Enqueue"/> when <paramref name="enqueue"/>, <see cref="RecordCompletion"/> when <paramref name="record"/>,
    /// then <see cref="Observe"/> of its local hour of the week, in that order (one call, one journal entry).
    /// </summary>
    void Execution(int activity, int resource, long enabled, long complete, short offsetMinutes, long trueStart, bool enqueue, bool record);
}
