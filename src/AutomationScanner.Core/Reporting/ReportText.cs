using System.Globalization;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Reporting;

/// <summary>
/// Wording and figures shared by the HTML, Markdown and Excel reports, so the three say the same thing: the handling
/// time with its basis, a process's counts and span, the benefit split by basis, the work by role.
/// </summary>
public static class ReportText
{
    /// <summary>Opportunities that carry recommended benefit (recommended, with or without safeguards).</summary>
    public static bool IsRecommended(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        return opportunity.Recommendation is Recommendation.Recommended or Recommendation.RecommendedWithSafeguards;
    }

    /// <summary>"measured", "estimated", "assumed": the word a reader filters on.</summary>
    public static string BasisWord(HandlingTimeBasis basis) => basis switch
    {
        HandlingTimeBasis.Measured => "measured",
        HandlingTimeBasis.Estimated => "estimated",
        _ => "assumed",
    };

    /// <summary>The method in words: "start to complete", "resource availability (Fracca et al.)"...</summary>
    public static string MethodWords(HandlingTimeMethod method) => method switch
    {
        HandlingTimeMethod.StartComplete => "start to complete in the log",
        HandlingTimeMethod.ResourceAvailability => "start estimated from when the case enabled it and its resource was free",
        HandlingTimeMethod.TimeInStatus => "time in an active status",
        HandlingTimeMethod.CappedCaseGap => "gap since the previous event, capped (last resort)",
        HandlingTimeMethod.ResourceCapacity => "upper bound from the people's throughput (times in the log are not effort)",
        _ => "configured default (last resort)",
    };

    /// <summary>How the handling time was obtained, with the method's validated error band, in words a client can check.</summary>
    public static string BasisDetail(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var source = opportunity.HandlingTime;
        var band = source.MedianRelativeError is { } error ? string.Create(CultureInfo.InvariantCulture, $", median error {error:P0} in validation") : string.Empty;
        var note = string.IsNullOrWhiteSpace(source.Note) ? string.Empty : ". " + source.Note;
        return BasisWord(source.Basis) + ": " + MethodWords(source.Method) + band + note;
    }

    /// <summary>"12.5 min (measured)".</summary>
    public static string Handling(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        return Duration(opportunity.HandlingSeconds) + " (" + BasisWord(opportunity.HandlingBasis) + ")";
    }

    /// <summary>Seconds as "45 s", "12.5 min", "3.2 h" or "4.0 d".</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 90 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 90 * 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        < 48 * 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:0.#} d"),
    };

    /// <summary>"2017-01-01 to 2018-12-31 (728 days)".</summary>
    public static string Span(LogSummary process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.Start is { } start && process.End is { } end
            ? string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd} to {end:yyyy-MM-dd} ({process.SpanDays:N0} days)")
            : "no dated events";
    }

    /// <summary>Rows rejected or repaired while reading the process's export.</summary>
    public static long Faults(LogSummary process)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.DataQuality.Sum(i => i.Count);
    }

    /// <summary>"measured 1,200 h (60 %), estimated 800 h (40 %), assumed 0 h (0 %)": the recommended benefit by basis.</summary>
    public static string BenefitByBasisLine(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var split = report.BenefitByBasis.Count > 0 ? report.BenefitByBasis : BenefitByBasis.From(report.Opportunities);
        return string.Join("; ", split.Select(b => string.Create(CultureInfo.InvariantCulture,
            $"{BasisWord(b.Basis)} {b.RecommendedBenefitHours:N0} h ({b.ShareOfRecommendedBenefit:P0}, {b.Recommended} of {b.Opportunities} opportunities)")));
    }

    /// <summary>"state (0.85): naming: past participle SUBMITTED; resource: ..." for a kind and its evidence.</summary>
    public static string KindEvidence(IReadOnlyList<KindSignal> evidence, int max = 4)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return evidence.Count == 0
            ? "no evidence recorded"
            : string.Join("; ", evidence.Take(max).Select(e => e.Source + " (" + e.Kind.ToString().ToLowerInvariant() + "): " + e.Description));
    }

    /// <summary>One role of one process: executions, the activities it does most, and the share of the process's role-attributed executions.</summary>
    public sealed record RoleLine(string Process, string Role, long Executions, double Share, double HoursPerYear, IReadOnlyList<string> TopActivities);

    /// <summary>
    /// Work by role per process, from the roles named in the log (XES <c>org:role</c> or a role column). Placeholder
    /// roles ("UNDEFINED") are kept, as the log says them, so the counts add up.
    /// </summary>
    public static IReadOnlyList<RoleLine> Roles(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<RoleLine>();
        foreach (var process in report.Opportunities.Where(o => o.Statistics is not null).GroupBy(o => o.Process, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byRole = new Dictionary<string, (long Executions, double Hours, List<(string Task, long Executions)> Tasks)>(StringComparer.Ordinal);
            foreach (var o in process)
            {
                var total = o.Statistics!.ExecutionsByRole.Values.Sum();
                foreach (var (role, executions) in o.Statistics.ExecutionsByRole)
                {
                    if (!byRole.TryGetValue(role, out var entry))
                    {
                        entry = (0, 0, []);
                    }

                    // The task's human hours a year, split over its roles by their share of its executions.
                    var hours = total == 0 ? 0 : o.Value.Hours.P50 * executions / total;
                    entry.Tasks.Add((o.Task, executions));
                    byRole[role] = (entry.Executions + executions, entry.Hours + hours, entry.Tasks);
                }
            }

            var all = byRole.Values.Sum(v => v.Executions);
            lines.AddRange(byRole.OrderByDescending(r => r.Value.Executions).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => new RoleLine(
                process.Key, r.Key, r.Value.Executions, all == 0 ? 0 : r.Value.Executions / (double)all, r.Value.Hours,
                [.. r.Value.Tasks.OrderByDescending(t => t.Executions).Take(3).Select(t => t.Task)])));
        }

        return lines;
    }
}
