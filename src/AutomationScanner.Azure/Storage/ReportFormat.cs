using AutomationScanner.Core.Reporting;

namespace AutomationScanner.Azure.Storage;

/// <summary>A downloadable rendering of a report: its short name (the API's <c>format</c>), blob name, media type and writer.</summary>
public sealed record ReportFormat(string Name, string FileName, string ContentType, Func<ScanReport, Stream, CancellationToken, Task> WriteAsync)
{
    public static ReportFormat Json { get; } = new("json", "report.json", "application/json; charset=utf-8", ReportJson.WriteAsync);

    public static ReportFormat Csv { get; } = new("csv", "report.csv", "text/csv; charset=utf-8", CsvReportWriter.WriteAsync);

    public static ReportFormat Html { get; } = new("html", "report.html", "text/html; charset=utf-8", HtmlReportWriter.WriteAsync);

    public static ReportFormat Markdown { get; } = new("md", "report.md", "text/markdown; charset=utf-8", MarkdownReportWriter.WriteAsync);

    public static ReportFormat Xlsx { get; } = new("xlsx", "report.xlsx", XlsxReportWriter.ContentType, XlsxReportWriter.WriteAsync);

    /// <summary>Every format a scan publishes, in the order they are written.</summary>
    public static IReadOnlyList<ReportFormat> All { get; } = [Json, Csv, Html, Markdown, Xlsx];

    /// <summary>
    /// Format names the download API and CLI accept. A name here but not in <see cref="All"/> (none today) would be
    /// known but not published: 404 rather than 400, so older scans without a newer format answer sensibly.
    /// </summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["json", "csv", "html", "md", "xlsx"];

    public static ReportFormat? Find(string? name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
