using System.ComponentModel.DataAnnotations;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ingestion.Common;

/// <summary>
/// How object-centric logs (OCEL) are flattened, and the limits an uploaded one must stay within. Hosts bind the limits
/// from the configuration section <c>Limits:Ocel</c> (<c>Limits__Ocel__MaxObjects</c>), range-checked at start; the
/// object types come from <c>Ingestion:ObjectTypes</c> (or <c>--object-type</c>).
/// The limits are settable, not init-only: the configuration binding source generator (what binds them in the Native
/// AOT scanner, and in every build) binds into the options instance and skips init-only properties.
/// </summary>
public sealed record OcelOptions
{
    public static OcelOptions Default { get; } = new();

    /// <summary>
    /// Object types to use as the case notion (one process each), matched without regard to case. Empty: every object
    /// type that has events becomes a process of its own.
    /// </summary>
    public IReadOnlyList<string> ObjectTypes { get; init; } = [];

    /// <summary>Objects in the object table (declared or referenced).</summary>
    [Range(1, 500_000_000)]
    public int MaxObjects { get; set; } = 20_000_000;

    /// <summary>Distinct object types plus event types.</summary>
    [Range(2, 1_000_000)]
    public int MaxTypes { get; set; } = 10_000;

    /// <summary>Event-to-object relations of one event.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRelationsPerEvent { get; set; } = 100_000;

    /// <summary>Largest single JSON or XML value (an id, a name, an attribute value), in bytes.</summary>
    [Range(1_024, 1 << 30)]
    public int MaxValueBytes { get; set; } = 1 << 20;

    /// <summary>Nesting depth of JSON and XML.</summary>
    [Range(8, 1_000)]
    public int MaxDepth { get; set; } = 64;

    /// <summary>Largest SQLite database accepted (it is copied to a private temporary file before it is opened).</summary>
    [LongRange(1048576, long.MaxValue)]
    public long MaxSqliteBytes { get; set; } = 4L << 30;

    /// <summary>Events held in memory when a file lists its events before its objects (JSON, XML).</summary>
    [Range(0, int.MaxValue)]
    public int MaxBufferedEvents { get; set; } = 5_000_000;

    /// <summary>Flattened events handed to an object type's miner at a time (tests make it small to exercise the threads).</summary>
    internal int MiningBatchSize { get; init; } = 4096;

    /// <summary>
    /// Parsed JSON events handed from the tokenising thread to the flattening thread at a time (tests make it small). 256,
    /// not 1,024 (round 8): the object-table lines a batch's warming brings in (some 640 lookups) are still in the cache
    /// when the batch is flattened (docs/ocel.md "Speed").
    /// </summary>
    internal int EventBatchSize { get; init; } = 256;

    /// <summary>
    /// OCEL 2.0 JSON events of the usual shape are scanned straight from the bytes, the rest by the general tokeniser
    /// (round 13, docs/ocel.md "Speed"); tests turn it off to compare the two.
    /// </summary>
    internal bool FastEvents { get; init; } = true;

    /// <summary>
    /// OCEL 2.0 JSON objects of the usual shape are scanned straight from the bytes, the rest by the general tokeniser
    /// (round 14, docs/ocel.md "Speed"); tests turn it off to compare the two.
    /// </summary>
    internal bool FastObjects { get; init; } = true;

    /// <summary>True when <paramref name="objectType"/> is chosen (or no choice was made).</summary>
    public bool Selects(string objectType) =>
        ObjectTypes.Count == 0 || ObjectTypes.Any(t => string.Equals(t.Trim(), objectType, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses "order, item" (configuration, --object-type) into a list.</summary>
    public static IReadOnlyList<string> ParseList(IEnumerable<string>? values) =>
        [.. (values ?? []).SelectMany(v => v.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.OrdinalIgnoreCase)];
}
