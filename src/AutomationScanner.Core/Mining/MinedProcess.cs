using System.Globalization;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Mining;

/// <summary>Log-level facts the report states next to the activities.</summary>
public sealed record LogSummary
{
    public required string Process { get; init; }

    public required IReadOnlyList<string> Files { get; init; }

    public required long Events { get; init; }

    public required long Cases { get; init; }

    public required int Activities { get; init; }

    public required int Variants { get; init; }

    public DateTimeOffset? Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public required double SpanDays { get; init; }

    public required DurationSummary CaseDuration { get; init; }

    /// <summary>Events whose timestamps had no offset and were read in <see cref="TimeZone"/>.</summary>
    public required long EventsWithoutOffset { get; init; }

    public required string TimeZone { get; init; }

    /// <summary>Plain statement of how timestamps were read, for the report.</summary>
    public required string TimeZoneNote { get; init; }

    public required IReadOnlyList<string> Attributes { get; init; }

    public required IReadOnlyList<DataQualityIssue> DataQuality { get; init; }

    /// <summary>Set when the process was flattened from an object-centric log (OCEL): its case notion and context.</summary>
    public ObjectCentricSummary? ObjectCentric { get; init; }

    /// <summary>Resources judged to be systems (by name or behaviour); their executions are automation already achieved.</summary>
    public int AutomatedResources { get; init; }

    /// <summary>Why, grouped by reason (never resource names).</summary>
    public IReadOnlyList<string> AutomatedResourceReasons { get; init; } = [];

    /// <summary>True when lifecycle values are statuses, not XES transitions: the log is read as a status log.</summary>
    public bool StatusLog { get; init; }

    /// <summary>Where the log has real starts: the start-time estimator's error per activity, measured on this log.</summary>
    public IReadOnlyList<StartEstimateValidation> StartEstimateValidation { get; init; } = [];

    /// <summary>Distinct resources (people, systems, shared accounts) named in the log.</summary>
    public long Resources { get; init; }

    /// <summary>Distinct roles named in the log (XES <c>org:role</c>, a CSV role column); 0 when it has none.</summary>
    public int Roles { get; init; }

    /// <summary>
    /// Resource ids that stand for a role or a group, not a person (a catch-all such as "STAFF MEMBER"): job
    /// displacement counts them as roles. In a report, <see cref="SharedResource.Who"/> is a pseudonym unless the
    /// name itself is a generic role word.
    /// </summary>
    public IReadOnlyList<SharedResource> SharedResources { get; init; } = [];

    /// <summary>Events that came after cases starting more than a day later (log not ordered by case start): their estimated starts may come out early.</summary>
    public long StartEstimateLateEvents { get; init; }

    /// <summary>
    /// Median relative error of the start-time estimator over the validated executions of the log whose true times are
    /// effort (activities whose start/complete pairs are elapsed time, see <see cref="HandlingPlausibility"/>, are left
    /// out); null without such starts.
    /// </summary>
    public double? StartEstimateMedianRelativeError { get; init; }
}

/// <summary>
/// The start-time estimator checked on one activity with real starts: the start was estimated as if the log had none
/// and compared with the truth.
/// </summary>
/// <param name="Activity">The activity.</param>
/// <param name="Instances">Executions compared (true service time of at least a second).</param>
/// <param name="MedianAbsoluteErrorSeconds">Median |estimate - truth|.</param>
/// <param name="MedianRelativeError">Median |estimate - truth| / truth.</param>
/// <param name="TrueMedianSeconds">Median true service time, for scale.</param>
public sealed record StartEstimateValidation(string Activity, long Instances, double MedianAbsoluteErrorSeconds, double MedianRelativeError, double TrueMedianSeconds);

/// <summary>A resource id that is a role or a shared account, with the evidence that says so.</summary>
/// <param name="Who">The resource as the report shows it (raw in mining, a pseudonym or the generic name in a report).</param>
/// <param name="Evidence">Why: its name, the roles it acts in, its volume.</param>
/// <param name="GenericName">Whether the name itself is a generic role or group word ("STAFF MEMBER", "Team").</param>
/// <param name="Roles">Distinct log roles it acts in (placeholders such as UNDEFINED left out).</param>
/// <param name="Executions">Its executions across the log.</param>
/// <param name="Activities">Distinct activities it executes.</param>
public sealed record SharedResource(string Who, string Evidence, bool GenericName, int Roles, long Executions, int Activities);

/// <summary>The result of mining one process: its summary and one statistics record per activity.</summary>
public sealed record MinedProcess(LogSummary Summary, IReadOnlyList<ActivityStatistics> Activities)
{
    /// <summary>A bounded sample of the log's attribute text values (for the process domain; never serialised, never in a report).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<AttributeValueSample> AttributeValues { get; init; } = [];

    /// <summary>The span used to turn counts into rates: at least one day, so a tiny log does not explode them.</summary>
    private const double MinimumSpanDays = 1;

    public static MinedProcess From(LogAggregate log, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(zone);
        var hasSpan = log.MaxUtcTicks >= log.MinUtcTicks;
        var spanDays = hasSpan ? (log.MaxUtcTicks - log.MinUtcTicks) / (double)TimeSpan.TicksPerDay : 0;
        var rateDays = Math.Max(spanDays, MinimumSpanDays);
        // Activities all of whose events were dropped (unreadable or implausible timestamps) are no activities.
        var present = Enumerable.Range(0, log.Activities.Count).Where(i => log.Activities[i].Events > 0).ToList();
        var inference = ActivityKindInference.Infer(log, present);
        var activities = new List<ActivityStatistics>(present.Count);
        var validation = new List<StartEstimateValidation>();
        var shared = SharedResourceDetector.Detect(log, inference.AutomatedResources);
        var sharedNames = shared.Select(s => s.Who).ToHashSet(StringComparer.Ordinal);
        var excluded = new HashSet<int>(inference.AutomatedResources);
        excluded.UnionWith(Enumerable.Range(0, log.ResourceNames.Count).Where(r => sharedNames.Contains(log.ResourceNames[r])));
        // The log validates the estimator only where its true times are effort: start/complete pairs that are elapsed
        // time (reviewers holding papers open for days) are no truth for a handling time.
        var effortTruth = present.Where(i => HandlingPlausibilityMeasure.Of(log, log.Activities[i], excluded, null, 0).ElapsedNotEffort() is null).ToList();
        var pooledError = PooledSketch(effortTruth.Select(i => log.Activities[i].EstimateRelativeError));
        double? logError = pooledError.Count == 0 ? null : pooledError.Quantile(0.5);
        var variantsPerActivity = log.VariantsPerActivity();
        for (var index = 0; index < present.Count; index++)
        {
            var i = present[index];
            var a = log.Activities[i];
            var executions = a.Executions > 0 ? a.Executions : a.Starts;
            var kind = inference.Kinds[index];
            var automatedExecutions = a.ResourceExecutions.Where(r => inference.AutomatedResources.Contains(r.Key)).Sum(r => r.Value);
            if (a.EstimateRelativeError.Count > 0)
            {
                validation.Add(new StartEstimateValidation(log.ActivityNames[i], a.EstimateRelativeError.Count,
                    a.EstimateAbsoluteError.Quantile(0.5), a.EstimateRelativeError.Quantile(0.5), a.ServiceTime.Quantile(0.5)));
            }

            activities.Add(new ActivityStatistics
            {
                Kind = kind.Kind,
                KindConfidence = kind.Confidence,
                KindEvidence = kind.Evidence,
                DecidedBy = inference.DecidedBy[index],
                EstimatedServiceTime = a.EstimatedServiceTime.ToSummary(),
                TimeInStatus = a.TimeInStatus.ToSummary(),
                Plausibility = HandlingPlausibilityMeasure.Of(log, a, excluded, logError, pooledError.Count),
                Activity = log.ActivityNames[i],
                Events = a.Events,
                Executions = executions,
                Cases = a.Cases,
                CaseCoverage = Ratio(a.Cases, log.Cases),
                ExecutionsPerWeek = executions / (rateDays / 7),
                ExecutionsPerMonth = executions / (rateDays / 30.4375),
                ExecutionsByMonth = a.Months.OrderBy(m => m.Key).ToDictionary(
                    m => string.Create(CultureInfo.InvariantCulture, $"{m.Key / 12:D4}-{m.Key % 12 + 1:D2}"), m => m.Value),
                ServiceTime = a.ServiceTime.ToSummary(),
                WaitingTime = a.WaitingTime.ToSummary(),
                SelfLoops = a.SelfLoops,
                RepeatExecutions = a.RepeatExecutions,
                CasesWithRepeat = a.CasesWithRepeat,
                ReworkRate = Ratio(a.RepeatExecutions, a.Executions),
                FailureEvents = a.FailureEvents,
                FailureRate = Ratio(a.FailedCases, a.Cases),
                PredecessorEntropy = Entropy(a.Predecessors.Values),
                SuccessorEntropy = Entropy(a.Successors.Values),
                VariantShare = Ratio(variantsPerActivity[i], a.Cases),
                DistinctResources = a.ResourceExecutions.Count,
                Handovers = a.Handovers,
                AutomationRate = Math.Min(1, Ratio(automatedExecutions, executions)),
                OffHoursShare = Ratio(a.OffHoursExecutions, a.Executions),
                // Ties in the order of the log's tables, the same whether the log was mined in one pass or in parts.
                ExecutionsByResource = a.ResourceExecutions.OrderByDescending(r => r.Value).ThenBy(r => r.Key)
                    .ToDictionary(r => log.ResourceNames[r.Key], r => r.Value, StringComparer.Ordinal),
                ExecutionsByRole = a.RoleExecutions.OrderByDescending(r => r.Value).ThenBy(r => r.Key)
                    .ToDictionary(r => log.RoleNames[r.Key], r => r.Value, StringComparer.Ordinal),
            });
        }

        var summary = new LogSummary
        {
            Process = log.Process,
            Files = [.. log.Files],
            Events = log.Events,
            Cases = log.Cases,
            Activities = present.Count,
            AutomatedResources = inference.AutomatedResources.Count,
            AutomatedResourceReasons = [.. inference.AutomatedResourceReasons.Values.GroupBy(r => r, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} resource(s): {g.Key}"))],
            StatusLog = log.Activities.Any(a => a.StatusEvents > 0),
            StartEstimateLateEvents = log.StartEstimateLateEvents,
            StartEstimateValidation = [.. validation.OrderByDescending(v => v.Instances)],
            StartEstimateMedianRelativeError = logError,
            Variants = log.VariantCount,
            Start = hasSpan ? new DateTimeOffset(log.MinUtcTicks, TimeSpan.Zero) : null,
            End = hasSpan ? new DateTimeOffset(log.MaxUtcTicks, TimeSpan.Zero) : null,
            SpanDays = spanDays,
            CaseDuration = log.CaseDuration.ToSummary(),
            EventsWithoutOffset = log.EventsWithoutOffset,
            TimeZone = zone.Id,
            TimeZoneNote = log.EventsWithoutOffset == 0
                ? "All timestamps carried their own UTC offset."
                : string.Create(CultureInfo.InvariantCulture,
                    $"{log.EventsWithoutOffset:N0} of {log.Events:N0} timestamps had no offset and were read as {zone.Id} local time."),
            Attributes = [.. log.Attributes],
            DataQuality = log.DataQuality.ToIssues(),
            Resources = log.ResourceNames.Count,
            Roles = log.RoleNames.Count(r => !SharedResourceDetector.IsPlaceholderRole(r)),
            SharedResources = shared,
        };
        return new MinedProcess(summary, activities) { AttributeValues = log.AttributeValues.Samples() };
    }

    private static QuantileSketch PooledSketch(IEnumerable<QuantileSketch> sketches)
    {
        var pooled = new QuantileSketch();
        foreach (var sketch in sketches)
        {
            pooled.Merge(sketch);
        }

        return pooled;
    }

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : part / (double)whole;

    private static double Entropy(IEnumerable<long> counts)
    {
        // Summed in a fixed order, so a merged aggregate (other dictionary order) gives the same bits as one pass.
        var values = counts.Where(c => c > 0).Order().ToArray();
        double total = values.Sum();
        if (total == 0)
        {
            return 0;
        }

        return -values.Sum(c => c / total * Math.Log2(c / total));
    }
}
