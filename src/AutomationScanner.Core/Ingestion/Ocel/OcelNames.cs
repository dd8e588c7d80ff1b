namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>Data-quality kinds of object-centric logs, next to <see cref="Mining.DataQualityKinds"/>.</summary>
public static class OcelQualityKinds
{
    public const string UnknownObject = "ocel-unknown-object";
    public const string EventWithoutObjects = "ocel-event-without-objects";
    public const string DuplicateObject = "ocel-duplicate-object";
}

/// <summary>
/// OCEL has no standard resource attribute: exports name the person in an event attribute ("pr_creator",
/// "invoice_inserter", "org:resource") or relate the event to an object of a resource type ("employees").
/// </summary>
internal static class OcelNames
{
    private static readonly HashSet<string> ResourceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "resource", "user", "username", "userid", "performer", "actor", "agent", "employee", "clerk", "creator", "approver",
        "editor", "inserter", "blocker", "owner", "handler", "assignee", "responsible", "operator", "processor", "reviewer",
        "worker", "by", "person", "officer", "recruiter",
    };

    private static readonly HashSet<string> ResourceTypeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "resource", "resources", "user", "users", "employee", "employees", "worker", "workers", "clerk", "clerks", "agent", "agents",
        "staff", "person", "persons", "people", "operator", "operators",
    };

    /// <summary>True for "org:resource", "pr_creator", "createdBy", "handled_by": the last word names who did it.</summary>
    public static bool IsResourceAttribute(string name) => ResourceWords.Contains(LastWord(name));

    public static bool IsResourceType(string name) => ResourceTypeWords.Contains(LastWord(name));

    public static bool IsLifecycleAttribute(string name) =>
        name.Equals("lifecycle:transition", StringComparison.OrdinalIgnoreCase) || name.Equals("lifecycle", StringComparison.OrdinalIgnoreCase);

    private static string LastWord(string name)
    {
        var end = name.Length;
        while (end > 0 && !char.IsLetter(name[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(name[start - 1]) && !(start < end && char.IsUpper(name[start]) && char.IsLower(name[start - 1])))
        {
            start--;
        }

        return name[start..end];
    }
}
