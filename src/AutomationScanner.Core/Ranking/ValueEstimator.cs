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
    /// Seconds one execution takes, as P10 / median / P90: start-to-complete times when the log has them, else the
    /// gaps since the previous event of the case capped at <see cref="EstimatedHandlingCap"/>, else the default.
    /// </summary>
    public (ValueRange Seconds, HandlingTimeBasis Basis) Handling(TaskCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Statistics is { ServiceTime: { HasData: true } service })
        {
            return (new ValueRange(service.P10Seconds, service.MedianSeconds, service.P90Seconds), HandlingTimeBasis.ServiceTime);
        }

        if (candidate.Statistics is { WaitingTime: { HasData: true } waiting })
        {
            var cap = EstimatedHandlingCap.TotalSeconds;
            return (new ValueRange(Math.Min(waiting.P10Seconds, cap), Math.Min(waiting.MedianSeconds, cap), Math.Min(waiting.P90Seconds, cap)),
                HandlingTimeBasis.EstimatedFromWaiting);
        }

        var seconds = Options.DefaultHandlingMinutes * 60;
        return (new ValueRange(seconds / 2, seconds, seconds * 2), HandlingTimeBasis.Assumed);
    }

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

        var (handling, basis) = Handling(candidate);
        switch (basis)
        {
            case HandlingTimeBasis.Assumed:
                Penalise(0.5, "handling time assumed (no times in the log)");
                break;
            case HandlingTimeBasis.EstimatedFromWaiting:
                Penalise(0.7, "handling time estimated from gaps between events (no start events)");
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
