namespace AutomationScanner.Core.Model;

/// <summary>Where a lifecycle word counts as one.</summary>
[Flags]
public enum LifecycleUse
{
    None = 0,

    /// <summary>As the value of a log's lifecycle field (XES <c>lifecycle:transition</c>, a CSV or OCEL column).</summary>
    Value = 1,

    /// <summary>At the end of an activity name.</summary>
    NameSuffix = 2,

    /// <summary>In a document's prose.</summary>
    Prose = 4,
}
