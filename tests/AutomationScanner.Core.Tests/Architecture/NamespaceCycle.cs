namespace AutomationScanner.Core.Tests.Architecture;

/// <summary>A set of namespaces that all reach each other, and one closed path through them (first = last).</summary>
internal sealed record NamespaceCycle(IReadOnlyList<string> Members, IReadOnlyList<string> Path)
{
    public override string ToString() =>
        $"{string.Join(" -> ", Path)} (all of: {string.Join(", ", Members)})";
}
