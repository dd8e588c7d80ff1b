using AutomationScanner.Core.Reporting;

namespace AutomationScanner.Azure.Storage;

/// <summary>A downloadable rendering of a report: its short name (the API's <c>format</c>), blob name, media type and writer.</summary>
public sealed record ReportFormat(string Name, string FileName, string ContentType, Func<ScanReport, Stream, CancellationToken, Task> WriteAsync)
{
    public static ReportFormat Json { get; } = new("json", "report.json", "application/json; charset=utf-8", ReportJson.WriteAsync);

    public static ReportFormat Csv { get; } = new("csv", "report.csv", "text/csv; charset=utf-8", CsvReportWriter.WriteAsync);

    /// <summary>Every format a scan publishes, in the order they are written.</summary>
    public static IReadOnlyList<ReportFormat> All { get; } = [Json, Csv];

    /// <summary>Format names the download API and CLI know; a name in here but not in <see cref="All"/> is not served yet.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["json", "csv", "html", "md"];

    public static ReportFormat? Find(string? name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
