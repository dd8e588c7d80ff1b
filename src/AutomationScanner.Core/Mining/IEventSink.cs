namespace AutomationScanner.Core.Mining;

/// <summary>
/// What an event-log reader writes a log into, row by row (CSV) or trace by trace (XES). <see cref="ProcessMiner"/>
/// implements it; readers see this and the log aggregate they record names, attribute samples and data-quality notes
/// in, never the miner's case state. Readers of formats that number their own cases (OCEL) own their miners.
/// </summary>
public interface IEventSink
{
    /// <summary>The aggregate the events are mined into (names, attribute samples, data quality).</summary>
    LogAggregate Log { get; }

    /// <summary>True while a case's run of rows is open (<see cref="Add(ReadOnlySpan{char}, in MinedEvent)"/>).</summary>
    bool InCase { get; }

    /// <summary>The next event's position in the input, for stable ordering of events with equal timestamps.</summary>
    long NextSequence();

    /// <summary>Adds one event of a streamed log (CSV rows); false when its case is already at the events-per-case cap.</summary>
    bool Add(ReadOnlySpan<char> caseId, in MinedEvent minedEvent);

    /// <summary>Adds a whole case (an XES trace): its events in file order.</summary>
    void AddCase(List<MinedEvent> events);

    /// <summary>Ends the current case's run of rows as a row of another case would (a part split by case-id hash).</summary>
    void LeaveCase();
}
