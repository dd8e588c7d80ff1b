using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Mining;

/// <summary>Assumptions the miner makes; each one is named in the report.</summary>
public sealed partial class MiningOptions
{
    public static MiningOptions Default { get; } = new();

    /// <summary>Resources whose names match are systems or bots: their executions count as already automated.</summary>
    public Regex AutomatedResourcePattern { get; init; } = DefaultAutomatedResource();

    /// <summary>Resource names that are systems although their names do not say so (e.g. "112" in BPIC 2012).</summary>
    public IReadOnlySet<string> AutomatedResources { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Activities whose names match end an instance as a cancellation, rejection or failure.</summary>
    public Regex FailureActivityPattern { get; init; } = DefaultFailureActivity();

    /// <summary>Local working hours [start, end); executions outside them or on weekends count as off-hours.</summary>
    public int WorkdayStartHour { get; init; } = 8;

    public int WorkdayEndHour { get; init; } = 18;

    public bool IsAutomatedResource(string resource) =>
        AutomatedResources.Contains(resource) || AutomatedResourcePattern.IsMatch(resource);

    [GeneratedRegex(@"(^|[^a-z])(system|sys|batch|bot|robot|rpa|automatic|automated|auto|scheduler|cron|daemon|job|interface|api|workflow engine|engine|service account|svc)([^a-z]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefaultAutomatedResource();

    [GeneratedRegex(@"cancel|abort|reject|declin|fail|error|withdr|void|annul|terminat|denied|deny|refus|expired|afgewezen|geannuleerd|afgebroken", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefaultFailureActivity();
}
