namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// Where the JSON reader puts each OCEL 2.0 object and the parts of each event, as it meets them: straight into the
/// flattener (<see cref="OcelEventTarget"/>), or recorded in batches and replayed into it on another thread
/// (<see cref="OcelEventPipeline"/>). Either way the flattener sees the same calls in the same order.
/// </summary>
internal interface IOcelEventSink
{
    /// <summary>
    /// One object of the objects section: its id (UTF-8, unescaped) with the id's <see cref="OcelObjectTable.HashOf"/>
    /// (computed once, by the reader), its type as the reader interned it (-1: none) and the names of its attributes; it
    /// goes into the object table.
    /// </summary>
    void AddObject(ReadOnlySpan<byte> id, int idHash, int type, ReadOnlySpan<string> attributes, long location);

    /// <summary>Starts an event (again, when its parse restarts after a buffer refill: what was given for it is dropped).</summary>
    void BeginEvent();

    /// <summary>The event's id as UTF-8 (unescaped; kept for messages only).</summary>
    void SetEventId(ReadOnlySpan<byte> utf8);

    /// <summary>The event's type as UTF-8 (unescaped).</summary>
    void SetActivity(ReadOnlySpan<byte> utf8);

    /// <summary>The event's type is not a string (an object or array): the event has none.</summary>
    void SetNoActivity();

    /// <summary>The event's time as UTF-8 (unescaped), parsed by the flattener.</summary>
    void SetTime(ReadOnlySpan<byte> utf8);

    /// <summary>
    /// One relationship: the object id (UTF-8; <paramref name="hasObjectId"/> false when it had none) with its
    /// <see cref="OcelObjectTable.HashOf"/> (0 when it had none), and the qualifier (UTF-8; <paramref name="hasQualifier"/>
    /// false when it had none). A relationship without an object id only interns its qualifier, as the reader always did.
    /// </summary>
    void AddRelation(ReadOnlySpan<byte> objectId, int objectHash, bool hasObjectId, ReadOnlySpan<byte> qualifier, bool hasQualifier, long location);

    void AddEventAttribute(ReadOnlySpan<char> name, ReadOnlySpan<char> value);

    /// <summary>Ends the event: it is checked and flattened.</summary>
    void EndEvent(long location);
}
