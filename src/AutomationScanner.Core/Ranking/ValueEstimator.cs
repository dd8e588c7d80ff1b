using System.Globalization;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ranking;

/// <summary>
/// Sizes a task as UiPath Automation Hub does, with ranges: executions/year x handling time = hours/year;
/// benefit = suitability x hours; FTE = benefit hours / (days x hours/day); money = benefit hours x rate.
/// Ranges are scenarios at the P10, median and P90 handling time, not a confidence interval of the sum.
/// </summary>
public sealed class ValueEstimator(ValueOptions options)
{
    private const double DaysPerYear = 365.2425;

    public ValueOptions Options { get; } = options;

    /// <summary>Gaps between events include queueing; one execution is rarely handled for longer than this.</summary>
    public static readonly TimeSpan EstimatedHandlingCap = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Median relative error of the start-time estimate against true service times on BPIC 2012 (docs/handling-time.md):
    /// the error band stated where a log has no real starts of its own to validate the estimate on.
    /// </summary>
    public const double ResourceAvailabilityMedianRelativeError = 0.34;

    /// <summary>Median relative error assumed for time in status: no status log with true service times validates it, so it is an assumption.</summary>
    public const double TimeInStatusMedianRelativeError = 0.5;

    /// <summary>Share of executions with a measured start from which the service time counts as measured.</summary>
    public const double MeasuredShare = 0.5;

    /// <summary>A log's own validation counts when it covers this many executions with real starts.</summary>
    public const long MinValidationInstances = 100;

    /// <summary>A log's own validation above this median relative error does not validate the method there.</summary>
    public const double MaxValidatedError = 0.5;

    /// <summary>
    /// Seconds one execution takes, as P10 / median / P90, by the best basis the log allows: start-to-complete times
    /// (measured) when they can be effort; starts estimated from enablement and resource availability (estimated, with
    /// the error band of this log's own validation, or BPIC 2012's where it has none) when they fit the people's
    /// throughput; and otherwise an assumption: elapsed times or implausible estimates capped at what the people's
    /// throughput allows, unvalidated time in status, the gaps since the previous event capped at
    /// <see cref="EstimatedHandlingCap"/>, or the configured default. Assumed times make an opportunity "needs data".
    /// </summary>
    public (ValueRange Seconds, HandlingTimeSource Source) Handling(TaskCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var stats = candidate.Statistics;
        var plausibility = stats?.Plausibility ?? Model.HandlingPlausibility.None;
        if (stats is { ServiceTime: { HasData: true } service }
            && (stats.Executions == 0 || service.Count >= MeasuredShare * stats.Executions || stats.EstimatedServiceTime is { HasData: false }))
        {
            if (plausibility.ElapsedNotEffort() is { } elapsed)
            {
                return Capped(Range(service), plausibility, HandlingTimeMethod.StartComplete, Invariant(
                    $"start to complete of {service.Count:N0} executions (median {Hours(service.MedianSeconds)}) is elapsed time, not effort: {elapsed}"));
            }

            return (Range(service), new HandlingTimeSource(HandlingTimeBasis.Measured, HandlingTimeMethod.StartComplete, null,
                Invariant($"measured: start to complete of {service.Count:N0} executions")));
        }

        if (stats is { EstimatedServiceTime: { HasData: true } estimated })
        {
            var validatedHere = plausibility is { LogEstimateMedianRelativeError: <= MaxValidatedError, LogEstimateInstances: >= MinValidationInstances };
            var band = validatedHere ? plausibility.LogEstimateMedianRelativeError!.Value : ResourceAvailabilityMedianRelativeError;
            var bandSource = validatedHere
                ? Invariant($"median error ±{band:P0} in this log's own validation ({plausibility.LogEstimateInstances:N0} executions with real starts)")
                : plausibility.LogEstimateMedianRelativeError is { } poor && plausibility.LogEstimateInstances >= MinValidationInstances
                    ? Invariant($"this log's own validation gives ±{poor:P0}, too poor to rely on; ±{ResourceAvailabilityMedianRelativeError:P0} on BPIC 2012")
                    : Invariant($"median error ±{ResourceAvailabilityMedianRelativeError:P0} on BPIC 2012; this log has no real starts to validate it");
            var method = Invariant($"estimated for {estimated.Count:N0} executions: start = later of enablement in the case and the resource becoming free, off-duty gaps excluded");
            if (plausibility.CapacitySecondsPerExecution is not { } capacity)
            {
                return validatedHere
                    ? (Range(estimated), new HandlingTimeSource(HandlingTimeBasis.Estimated, HandlingTimeMethod.ResourceAvailability, band, method + "; " + bandSource))
                    : (Range(estimated), new HandlingTimeSource(HandlingTimeBasis.Assumed, HandlingTimeMethod.ResourceAvailability, null,
                        method + "; not validated on this log and its people log too little to check it against their throughput: needs data"));
            }

            if (plausibility.ExceedsCapacity(estimated.MedianSeconds))
            {
                var why = Invariant($"{method}; the median estimate ({Hours(estimated.MedianSeconds)}) exceeds what the people's throughput allows ({Hours(capacity)} per execution: {Model.HandlingPlausibility.WorkingHoursPerDay:0} h a day / executions a day): it counts idle time");
                if (!validatedHere)
                {
                    return Capped(Range(estimated), plausibility, HandlingTimeMethod.ResourceAvailability, why + "; not validated on this log");
                }

                var capped = Cap(Range(estimated), capacity);
                return (capped, new HandlingTimeSource(HandlingTimeBasis.Estimated, HandlingTimeMethod.ResourceAvailability, band,
                    why + Invariant($"; capped at {Hours(capacity)}; ") + bandSource));
            }

            // The typical time fits the people's throughput; longer tails (days of absence counted as work) are trimmed to it.
            var trimmed = estimated.P90Seconds > capacity ? Invariant($", P90 trimmed to it from {Hours(estimated.P90Seconds)}") : string.Empty;
            return (Cap(Range(estimated), capacity), new HandlingTimeSource(HandlingTimeBasis.Estimated, HandlingTimeMethod.ResourceAvailability, band,
                method + Invariant($"; median within the people's throughput ({Hours(capacity)} per execution{trimmed}); ") + bandSource));
        }

        if (stats is { TimeInStatus: { HasData: true } inStatus })
        {
            // No status log with true service times validates time in status: its error band is itself an assumption.
            return (Range(inStatus), new HandlingTimeSource(HandlingTimeBasis.Assumed, HandlingTimeMethod.TimeInStatus, null,
                Invariant($"working time in the status over {inStatus.Count:N0} visits (status log); the error band (±{TimeInStatusMedianRelativeError:P0}) is assumed, not validated against true service times: needs data")));
        }

        if (stats is { WaitingTime: { HasData: true } waiting })
        {
            var cap = EstimatedHandlingCap.TotalSeconds;
            return (new ValueRange(Math.Min(waiting.P10Seconds, cap), Math.Min(waiting.MedianSeconds, cap), Math.Min(waiting.P90Seconds, cap)),
                new HandlingTimeSource(HandlingTimeBasis.Assumed, HandlingTimeMethod.CappedCaseGap, null,
                    "assumed (last resort): gaps since the previous event of the case, capped at 30 minutes; no start events and no resource or status to estimate from"));
        }

        var seconds = Options.DefaultHandlingMinutes * 60;
        return (new ValueRange(seconds / 2, seconds, seconds * 2), new HandlingTimeSource(HandlingTimeBasis.Assumed, HandlingTimeMethod.Default, null,
            Invariant($"assumed (last resort): the configured default of {Options.DefaultHandlingMinutes:0.#} minutes (P10 half, P90 double); no times in any input")));
    }

    /// <summary>Times that cannot be effort: at most what the people's throughput allows (when known), and assumed.</summary>
    private static (ValueRange, HandlingTimeSource) Capped(ValueRange range, Model.HandlingPlausibility plausibility, HandlingTimeMethod method, string why)
    {
        if (plausibility.CapacitySecondsPerExecution is { } capacity)
        {
            return (Cap(range, capacity), new HandlingTimeSource(HandlingTimeBasis.Assumed, HandlingTimeMethod.ResourceCapacity, null,
                why + Invariant($"; assumed at most {Hours(capacity)} per execution ({Model.HandlingPlausibility.WorkingHoursPerDay:0} h a day / the people's executions a day): needs data")));
        }

        return (range, new HandlingTimeSource(HandlingTimeBasis.Assumed, method, null, why + "; no throughput to bound it: needs data"));
    }

    private static ValueRange Cap(ValueRange range, double cap) => new(Math.Min(range.P10, cap), Math.Min(range.P50, cap), Math.Min(range.P90, cap));

    private static string Hours(double seconds) => seconds >= 3600 ? Invariant($"{seconds / 3600:0.#} h") : seconds >= 60 ? Invariant($"{seconds / 60:0.#} min") : Invariant($"{seconds:0} s");

    private static ValueRange Range(Model.DurationSummary d) => new(d.P10Seconds, d.MedianSeconds, d.P90Seconds);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public ValueEstimate Estimate(TaskCandidate candidate, double suitability, DataQualitySignals? quality = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        quality ??= DataQualitySignals.None;
        suitability = Math.Clamp(double.IsFinite(suitability) ? suitability : 0, 0, 1);
        var reasons = new List<string>();
        var confidence = 1.0;

        void Penalise(double factor, string reason)
        {
            confidence *= factor;
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{reason} (x{factor:0.##})"));
        }

        var stats = candidate.Statistics;
        double executionsPerYear;
        VolumeSource source;
        double? spanDays = null;
        if (stats is { Executions: > 0, ExecutionsPerWeek: > 0 })
        {
            executionsPerYear = stats.ExecutionsPerWeek * DaysPerYear / 7;
            source = VolumeSource.EventLog;
            spanDays = stats.Executions / stats.ExecutionsPerWeek * 7;
            if (stats.Executions < Options.MinExecutions)
            {
                Penalise(0.7, string.Create(CultureInfo.InvariantCulture, $"only {stats.Executions} executions logged"));
            }

            if (spanDays < Options.MinLogSpanDays)
            {
                Penalise(0.8, string.Create(CultureInfo.InvariantCulture, $"log spans {spanDays:0} days, extrapolated to a year"));
            }
        }
        else if (DocumentSizing.ExecutionsPerYearHint(candidate) is > 0 and var hint)
        {
            executionsPerYear = hint;
            source = VolumeSource.DocumentHint;
            Penalise(0.7, "volume from a document's frequency hint, not a log");
        }
        else
        {
            executionsPerYear = 0;
            source = VolumeSource.None;
            Penalise(0.2, "no volume in any log or document");
        }

        var (handling, handlingSource) = Handling(candidate);
        var basis = handlingSource.Basis;
        switch (basis)
        {
            case HandlingTimeBasis.Assumed:
                Penalise(0.5, "handling time assumed, not measured or estimated: " + handlingSource.Note);
                break;
            case HandlingTimeBasis.Estimated:
                Penalise(0.8, "handling time estimated, not measured: " + handlingSource.Note);
                break;
            default:
                if (handling.P10 > 0 && handling.P90 / handling.P10 > 10)
                {
                    Penalise(0.9, "handling times spread more than tenfold between P10 and P90");
                }

                break;
        }

        if (quality.FaultyRowShare > 0)
        {
            var factor = 1 - Math.Min(0.5, 2 * quality.FaultyRowShare);
            Penalise(factor, string.Create(CultureInfo.InvariantCulture, $"{quality.FaultyRowShare:P1} of the export's rows faulty"));
        }

        foreach (var issue in quality.Issues ?? [])
        {
            Penalise(0.9, issue);
        }

        // Without a log, a task whose every statement says it is already automated has no manual time left.
        var manualShare = stats is not null
            ? Math.Clamp(1 - stats.AutomationRate, 0, 1)
            : candidate.Statements.Count > 0 && candidate.Statements.All(s => s.Interaction == InteractionKind.Automated) ? 0 : 1;
        var hours = handling.Scale(executionsPerYear * manualShare / 3600);
        var benefit = hours.Scale(suitability);
        return new ValueEstimate
        {
            ExecutionsPerYear = executionsPerYear,
            VolumeSource = source,
            LogSpanDays = spanDays,
            HandlingSeconds = handling,
            HandlingBasis = basis,
            HandlingSource = handlingSource,
            ManualShare = manualShare,
            Suitability = suitability,
            Hours = hours,
            BenefitHours = benefit,
            Fte = benefit.Scale(1 / Options.HoursPerFte),
            Money = benefit.Scale(Options.HourlyCost),
            Currency = Options.Currency,
            Confidence = Math.Clamp(confidence, 0, 1),
            ConfidenceReasons = reasons,
        };
    }
}
