using System.Text.Json;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Reporting;

/// <summary>The one JSON shape of reports: camelCase, enums as strings, invariant numbers.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options => StoredJson.Options;

    public static Task WriteAsync(ScanReport report, Stream destination, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(destination, report, Options, cancellationToken);
}
