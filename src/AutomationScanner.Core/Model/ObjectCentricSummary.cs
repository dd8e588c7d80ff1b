namespace AutomationScanner.Core.Model;

/// <summary>
/// How an object-centric log (OCEL) was flattened into this process: which object type is the case, what else the
/// log holds, and how much the flattening distorts the counts (convergence and divergence, van der Aalst 2019).
/// </summary>
public sealed record ObjectCentricSummary
{
    /// <summary>"OCEL 2.0 JSON", "OCEL 2.0 XML", "OCEL 2.0 SQLite" or "OCEL 1.0 JSON".</summary>
    public required string Format { get; init; }

    /// <summary>The case notion: every object of this type is one case.</summary>
    public required string ObjectType { get; init; }

    /// <summary>Objects of <see cref="ObjectType"/> in the object table.</summary>
    public required long Objects { get; init; }

    /// <summary>Every object type of the log (declared or used), with its object count: the process's context.</summary>
    public required IReadOnlyDictionary<string, long> ObjectTypes { get; init; }

    /// <summary>Events of the whole log that were flattened (valid and related to at least one known object).</summary>
    public required long LogEvents { get; init; }

    /// <summary>Events of the log related to at least one object of <see cref="ObjectType"/>.</summary>
    public required long Events { get; init; }

    /// <summary>Convergence: events related to several objects of the case type, each counted once per object.</summary>
    public required long ConvergentEvents { get; init; }

    /// <summary>Extra copies the convergent events made (a copy per object beyond the first).</summary>
    public required long EventCopies { get; init; }

    /// <summary>Divergence: executions that repeat an activity within the same object (rework or one per related object).</summary>
    public required long RepeatedExecutions { get; init; }

    /// <summary>Object-activity pairs with more than one execution.</summary>
    public required long ObjectsWithRepeatedActivity { get; init; }

    /// <summary>Attribute names of the case type's objects (their values are not kept: they may be personal data).</summary>
    public required IReadOnlyList<string> ObjectAttributes { get; init; }

    /// <summary>Event attribute taken as the resource, when one was recognised by name (e.g. "po_creator").</summary>
    public IReadOnlyList<string> ResourceAttributes { get; init; } = [];

    /// <summary>Plain sentences for the report: the case notion and what convergence and divergence mean for the figures.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
