using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ingestion;

/// <summary>Which cases one part of a log split by case-id hash keeps.</summary>
internal sealed class PartFilter(int index, int count)
{
    /// <summary>A byte range of the file: every row in it belongs to it.</summary>
    public static PartFilter Everything { get; } = new(0, 1);

    public bool OwnsRowsWithoutCase => index == 0;

    /// <summary>One of several parts that each read the whole file.</summary>
    public bool SplitsByCase => count > 1;

    public bool Owns(ReadOnlySpan<char> caseId) => count == 1 || (int)(LogAggregate.Fnv1a(caseId) % (ulong)count) == index;
}
