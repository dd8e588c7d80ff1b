namespace AutomationScanner.Core.Mining;

/// <summary>Counts row-level faults by kind and keeps the first few messages of each: faults are reported, not fatal.</summary>
public sealed class DataQualityLog
{
    public const int ExamplesPerKind = 5;

    private readonly Dictionary<string, (long Count, List<string> Examples)> _issues = new(StringComparer.Ordinal);

    public long Total { get; private set; }

    /// <summary>
    /// Also given every note as it is added (a reader on another thread hands its notes to the miner's log in the order
    /// one pass adds them: the CSV mining pipeline).
    /// </summary>
    internal Action<string, string>? Tap { get; set; }

    public void Add(string kind, string message)
    {
        Tap?.Invoke(kind, message);
        Total++;
        if (!_issues.TryGetValue(kind, out var entry))
        {
            entry = (0, []);
        }

        if (entry.Examples.Count < ExamplesPerKind)
        {
            entry.Examples.Add(message);
        }

        _issues[kind] = (entry.Count + 1, entry.Examples);
    }

    public long CountOf(string kind) => _issues.TryGetValue(kind, out var entry) ? entry.Count : 0;

    public void Merge(DataQualityLog other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (kind, entry) in other._issues)
        {
            var (count, examples) = _issues.TryGetValue(kind, out var mine) ? mine : (0, new List<string>());
            examples.AddRange(entry.Examples.Take(ExamplesPerKind - examples.Count));
            _issues[kind] = (count + entry.Count, examples);
        }

        Total += other.Total;
    }

    /// <summary>
    /// Adds a part mined from a later stretch of the same file: examples that start with "<paramref name="file"/> line N"
    /// are moved by <paramref name="lineOffset"/>, so they name the line of the whole file.
    /// </summary>
    public void Merge(DataQualityLog other, string file, long lineOffset)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (lineOffset == 0)
        {
            Merge(other);
            return;
        }

        var shifted = new DataQualityLog { Total = other.Total };
        var prefix = file + " line ";
        foreach (var (kind, entry) in other._issues)
        {
            shifted._issues[kind] = (entry.Count, [.. entry.Examples.Select(e => Shift(e, prefix, lineOffset))]);
        }

        Merge(shifted);
    }

    private static string Shift(string example, string prefix, long offset)
    {
        if (!example.StartsWith(prefix, StringComparison.Ordinal))
        {
            return example;
        }

        var digits = example.AsSpan(prefix.Length);
        var length = 0;
        while (length < digits.Length && char.IsAsciiDigit(digits[length]))
        {
            length++;
        }

        return length > 0 && long.TryParse(digits[..length], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line)
            ? string.Concat(prefix, (line + offset).ToString(System.Globalization.CultureInfo.InvariantCulture), digits[length..])
            : example;
    }

    /// <summary>The log's whole content (kinds in first-seen order), for sending a partial aggregate between processes.</summary>
    public DataQualityState ToState() => new(Total, [.. _issues.Select(i => new DataQualityIssue(i.Key, i.Value.Count, [.. i.Value.Examples]))]);

    internal void Restore(DataQualityState state)
    {
        Total = state.Total;
        foreach (var issue in state.Issues)
        {
            _issues[issue.Kind] = (issue.Count, [.. issue.Examples]);
        }
    }

    public IReadOnlyList<DataQualityIssue> ToIssues() =>
        [.. _issues.OrderByDescending(i => i.Value.Count).ThenBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => new DataQualityIssue(i.Key, i.Value.Count, [.. i.Value.Examples]))];
}
