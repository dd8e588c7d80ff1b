namespace AutomationScanner.Core.Model;

/// <summary>What an activity's events touch in an object-centric log: context for kind inference and the risk screen.</summary>
public sealed record ActivityObjects
{
    /// <summary>Event-to-object relations of the activity by object type (all types, not only the case type).</summary>
    public required IReadOnlyDictionary<string, long> RelatedObjectTypes { get; init; }

    /// <summary>The most frequent event-to-object qualifiers ("Created order from PR"), at most eight.</summary>
    public required IReadOnlyList<string> Qualifiers { get; init; }

    /// <summary>Event attribute names of the activity.</summary>
    public required IReadOnlyList<string> EventAttributes { get; init; }

    /// <summary>Events of the activity related to several objects of the case type (counted once per object).</summary>
    public required long ConvergentEvents { get; init; }
}
