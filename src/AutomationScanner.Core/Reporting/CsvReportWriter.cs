using System.Globalization;
using System.Text;
using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Classification.Llm;

namespace AutomationScanner.Core.Reporting;

/// <summary>
/// Writes the ranked list as Excel-friendly CSV: UTF-8 with BOM, comma separated, invariant numbers, and cells that
/// a spreadsheet would run as a formula (= + - @, tab, CR) prefixed with an apostrophe.
/// </summary>
public static class CsvReportWriter
{
    private static readonly string[] Header =
    [
        "rank", "process", "task", "score", "recommendation", "risk_tier", "safeguards", "risk_rules",
        "suitability", "suitability_class", "text_model_probability", "process_criteria_score", "suitability_low_confidence",
        "ease", "confidence", "confidence_reasons",
        "executions_per_year", "handling_minutes", "handling_basis",
        "manual_hours_p10", "manual_hours_per_year", "manual_hours_p90",
        "benefit_hours_p10", "benefit_hours_p50", "benefit_hours_p90", "fte_p10", "fte_p50", "fte_p90",
        "money_p10", "money_p50", "money_p90", "currency",
        "displaced_hours_per_year", "max_share_of_persons_work",
        "automation_rate", "case_coverage", "rework_rate", "failure_rate", "predecessor_entropy", "successor_entropy",
        "distinct_resources", "off_hours_share", "id", "llm_suitability", "llm_kind", "llm_status",
    ];

    public static async Task WriteAsync(ScanReport report, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var writer = new StreamWriter(destination, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 0x10000, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', Header).AsMemory(), cancellationToken);
        foreach (var o in report.Opportunities)
        {
            var s = o.Statistics;
            var v = o.Value;
            var u = o.SuitabilityAssessment;
            string[] cells =
            [
                Number(o.Rank), o.Process, o.Task, Number(o.Score), o.Recommendation.ToString(), o.Risk.Tier.ToString(),
                string.Join("; ", o.Risk.Safeguards), string.Join("; ", o.Risk.Hits.Where(h => h.Applied).Select(h => h.RuleId).Distinct()),
                Number(o.Suitability), u is null ? string.Empty : u.Class.ToCode(), Number(u?.TextProbability), Number(u?.ProcessScore),
                u is null ? string.Empty : u.LowConfidence ? "true" : "false", Number(o.Ease), Number(v.Confidence), string.Join("; ", v.ConfidenceReasons),
                Number(v.ExecutionsPerYear), Number(v.HandlingSeconds.P50 / 60), v.HandlingBasis.ToString(),
                Number(v.Hours.P10), Number(v.Hours.P50), Number(v.Hours.P90),
                Number(v.BenefitHours.P10), Number(v.BenefitHours.P50), Number(v.BenefitHours.P90),
                Number(v.Fte.P10), Number(v.Fte.P50), Number(v.Fte.P90),
                Number(v.Money.P10), Number(v.Money.P50), Number(v.Money.P90), v.Currency,
                Number(o.Risk.Displacement.HoursPerYear), Number(o.Risk.Displacement.MaxShare),
                Number(s?.AutomationRate), Number(s?.CaseCoverage), Number(s?.ReworkRate), Number(s?.FailureRate),
                Number(s?.PredecessorEntropy), Number(s?.SuccessorEntropy), Number(s?.DistinctResources), Number(s?.OffHoursShare), o.Id,
                Number(o.Llm?.Judgement?.Suitability), o.Llm?.Judgement?.RecommendedKind.ToString() ?? string.Empty, LlmStatus(o.Llm),
            ];
            await writer.WriteLineAsync(string.Join(',', cells.Select(Cell)).AsMemory(), cancellationToken);
        }
    }

    private static string LlmStatus(TaskAssessment? assessment) => assessment switch
    {
        null => string.Empty,
        { Status: AssessmentStatus.Assessed, FromCache: true } => "assessed (cached)",
        { Status: AssessmentStatus.Assessed } => "assessed",
        _ => "fallback: " + assessment.FallbackReason,
    };

    /// <summary>Quotes a cell when needed and defuses spreadsheet formulas.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = DefuseFormula(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// Prefixes an apostrophe to text a spreadsheet would run as a formula (= + - @, tab, CR first) unless it is a plain
    /// number; the CSV and the Excel workbook share this rule.
    /// </summary>
    public static string DefuseFormula(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(value) ? "'" + value : value;
    }

    private static bool IsNumber(string value) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Number(double? value) => value is null ? string.Empty : Math.Round(value.Value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
