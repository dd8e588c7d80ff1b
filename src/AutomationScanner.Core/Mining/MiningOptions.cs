namespace AutomationScanner.Core.Mining;

/// <summary>Assumptions the miner makes; each one is named in the report.</summary>
public sealed partial class MiningOptions
{
    private static readonly HashSet<string> DefaultAutomatedTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "system", "sys", "batch", "bot", "robot", "rpa", "automatic", "automated", "auto", "scheduler", "cron", "daemon",
        "job", "interface", "api", "engine", "svc", "service", "integration", "workflow",
    };

    public static MiningOptions Default { get; } = new();

    /// <summary>
    /// Words that mark a resource as a system or bot ("BatchBot", "SAP_System", "svc-rpa"): names are split on
    /// non-letters and lower-to-upper case changes, and any word in this set counts.
    /// </summary>
    public IReadOnlySet<string> AutomatedResourceWords { get; init; } = DefaultAutomatedTokens;

    /// <summary>Resource names that are systems although their names do not say so (e.g. "112" in BPIC 2012).</summary>
    public IReadOnlySet<string> AutomatedResources { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Activities whose names match end an instance as a cancellation, rejection or failure.</summary>
    public System.Text.RegularExpressions.Regex FailureActivityPattern { get; init; } = DefaultFailureActivity();

    /// <summary>Local working hours [start, end); executions outside them or on weekends count as off-hours.</summary>
    public int WorkdayStartHour { get; init; } = 8;

    public int WorkdayEndHour { get; init; } = 18;

    /// <summary>Events before this are faults (counted, not used): default 1970-01-01.</summary>
    public DateTimeOffset EarliestPlausibleTimestamp { get; init; } = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Events after this are faults (counted, not used): default one year after the scan.</summary>
    public DateTimeOffset LatestPlausibleTimestamp { get; init; } = DateTimeOffset.UtcNow.AddYears(1);

    public bool IsAutomatedResource(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (AutomatedResources.Contains(resource))
        {
            return true;
        }

        var start = 0;
        for (var i = 1; i <= resource.Length; i++)
        {
            var boundary = i == resource.Length || !char.IsLetter(resource[i])
                || (char.IsUpper(resource[i]) && char.IsLower(resource[i - 1]));
            if (!boundary)
            {
                continue;
            }

            var word = resource.AsSpan(start, i - start).Trim();
            while (word.Length > 0 && !char.IsLetter(word[0]))
            {
                word = word[1..];
            }

            if (word.Length > 0 && AutomatedResourceWords.Contains(word.ToString()))
            {
                return true;
            }

            start = i;
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"cancel|abort|reject|declin|fail|error|withdr|void|annul|terminat|denied|deny|refus|expired|afgewezen|geannuleerd|afgebroken", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DefaultFailureActivity();
}
