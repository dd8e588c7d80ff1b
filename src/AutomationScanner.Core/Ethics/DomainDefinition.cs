namespace AutomationScanner.Core.Ethics;

/// <summary>A process domain (lending, healthcare...) as written in the catalogue.</summary>
public sealed record DomainDefinition
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Appended to a step name to embed it in its context ("in a consumer loan ... process").</summary>
    public string Phrase { get; set; } = "";

    public IReadOnlyList<DomainCue> Cues { get; set; } = [];

    public IReadOnlyList<string> Exemplars { get; set; } = [];

    public IReadOnlyList<DomainInheritance> Inherit { get; set; } = [];

    /// <summary>
    /// Rules that do not apply to this domain's steps, each group with its reason (their subjects are not natural
    /// persons; the use is one only a public authority makes).
    /// </summary>
    public IReadOnlyList<DomainExclusion> Excludes { get; set; } = [];

    /// <summary>
    /// A setting rather than a domain (recruitment, emergency response, employees' travel and expenses): it never
    /// competes for a process's domain; it is found beside it, on the same evidence standard, and its steps inherit
    /// its rules and exclusions as well as the domain's.
    /// </summary>
    public bool Additive { get; set; }

    /// <summary>For a setting: the domains it may be found in (empty: any, also a process of unknown domain).</summary>
    public IReadOnlyList<string> Within { get; set; } = [];
}
