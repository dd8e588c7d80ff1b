using System.Text.Json;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Tracking;

/// <summary>One opportunity's figures in the report a consultant marked it from.</summary>
public sealed record BaselineItem(
    string Id,
    string Process,
    string Task,
    double? AutomationRate,
    double ExecutionsPerYear,
    double ManualHoursPerYear,
    double HandlingSeconds,
    string? HandlingBasis,
    ValueRange EstimatedBenefitHours)
{
    public MarkBaseline ToBaseline(BaselineReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new MarkBaseline
        {
            ScanId = report.ScanId,
            GeneratedAt = report.GeneratedAt,
            AutomationRate = AutomationRate,
            ExecutionsPerYear = ExecutionsPerYear,
            ManualHoursPerYear = ManualHoursPerYear,
            HandlingSeconds = HandlingSeconds,
            HandlingBasis = HandlingBasis,
            EstimatedBenefitHours = EstimatedBenefitHours,
            HourlyCost = report.HourlyCost,
            Currency = report.Currency,
        };
    }
}

/// <summary>The figures of a published report that a mark's baseline needs, read tolerantly from its JSON.</summary>
public sealed record BaselineReport(string ScanId, DateTimeOffset? GeneratedAt, double? HourlyCost, string? Currency, IReadOnlyList<BaselineItem> Items)
{
    public BaselineItem? Find(string id) => Items.FirstOrDefault(i => i.Id == id);

    /// <summary>Reads a JSON report (any 2.x schema); errors name <paramref name="sourceName"/> and the item.</summary>
    public static async Task<BaselineReport> ReadAsync(Stream json, string sourceName, CancellationToken cancellationToken)
    {
        using (var document = await ReportJsonDocument.ParseAsync(json, sourceName, cancellationToken))
        {
            var root = document.RootElement;
            var items = root.GetProperty("opportunities");

            var list = new List<BaselineItem>();
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var id = String(item, "id") ?? throw new InvalidDataException($"{sourceName}: opportunities[{index}] has no 'id'.");
                var value = Object(item, "value");
                var benefit = value is { } v ? Object(v, "benefitHours") : null;
                list.Add(new BaselineItem(
                    id,
                    String(item, "process") ?? "",
                    String(item, "task") ?? "",
                    Object(item, "statistics") is { } stats ? Number(stats, "automationRate") : null,
                    Number(item, "executionsPerYear") ?? 0,
                    Number(item, "manualHoursPerYear") ?? 0,
                    Number(item, "handlingSeconds") ?? 0,
                    String(item, "handlingBasis"),
                    benefit is { } b ? new ValueRange(Number(b, "p10") ?? 0, Number(b, "p50") ?? 0, Number(b, "p90") ?? 0) : ValueRange.Zero));
                index++;
            }

            var assumptions = Object(root, "valueAssumptions");
            return new BaselineReport(
                String(root, "scanId") ?? "",
                root.TryGetProperty("generatedAt", out var at) && at.TryGetDateTimeOffset(out var generated) ? generated : null,
                assumptions is { } a ? Number(a, "hourlyCost") : null,
                assumptions is { } c ? String(c, "currency") : null,
                list);
        }
    }

    private static JsonElement? Object(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
}
