using System.Globalization;
using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Scanning;

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
    /// Median relative error of the start-time estimate against true service times, from the validation on logs with
    /// real start/complete pairs (docs/handling-time.md); stated as the error band of every estimated handling time.
    /// </summary>
    public const double ResourceAvailabilityMedianRelativeError = 0.34;

    /// <summary>Median relative error assumed for time in status (not validated on a log with true service times).</summary>
    public const double TimeInStatusMedianRelativeError = 0.5;

    /// <summary>Share of executions with a measured start from which the service time counts as measured.</summary>
    public const double MeasuredShare = 0.5;

    /// <summary>
    /// Seconds one execution takes, as P10 / median / P90, by the best basis the log allows: start-to-complete times
    /// (measured); starts estimated from enablement and resource availability, or time in an active status
    /// (estimated, with the method's error band); and only as the last resort the gaps since the previous event
    /// capped at <see cref="EstimatedHandlingCap"/> or the configured default (assumed).
    /// </summary>
    public (ValueRange Seconds, HandlingTimeSource Source) Handling(TaskCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var stats = candidate.Statistics;
        if (stats is { ServiceTime: { HasData: true } service }
            && (stats.Executions == 0 || service.Count >= MeasuredShare * stats.Executions || stats.EstimatedServiceTime is { HasData: false }))
        {
            return (Range(service), new HandlingTimeSource(HandlingTimeBasis.Measured, HandlingTimeMethod.StartComplete, null,
                Invariant($"measured: start to complete of {service.Count:N0} executions")));
        }

        if (stats is { EstimatedServiceTime: { HasData: true } estimated })
        {
            return (Range(estimated), new HandlingTimeSource(HandlingTimeBasis.Estimated, HandlingTimeMethod.ResourceAvailability, ResourceAvailabilityMedianRelativeError,
                Invariant($"estimated for {estimated.Count:N0} executions: start = later of enablement in the case and the resource becoming free, off-duty gaps excluded; median error in validation ±{ResourceAvailabilityMedianRelativeError:P0}")));
        }

        if (stats is { TimeInStatus: { HasData: true } inStatus })
        {
            return (Range(inStatus), new HandlingTimeSource(HandlingTimeBasis.Estimated, HandlingTimeMethod.TimeInStatus, TimeInStatusMedianRelativeError,
                Invariant($"estimated from working time in the status over {inStatus.Count:N0} visits (status log); error band ±{TimeInStatusMedianRelativeError:P0}, not validated against true service times")));
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

    private static ValueRange Range(Mining.DurationSummary d) => new(d.P10Seconds, d.MedianSeconds, d.P90Seconds);

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
                Penalise(handlingSource.Method == HandlingTimeMethod.TimeInStatus ? 0.7 : 0.8, "handling time estimated, not measured: " + handlingSource.Note);
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
