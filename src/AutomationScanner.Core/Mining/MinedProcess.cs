using System.Globalization;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Mining;

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
