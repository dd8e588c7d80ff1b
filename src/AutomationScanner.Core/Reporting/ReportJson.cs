using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Reporting;

/// <summary>The one JSON shape of reports: camelCase, enums as strings, invariant numbers.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // Task names are untrusted text; the default encoder escapes HTML-sensitive characters.
        Encoder = JavaScriptEncoder.Default,
    };

    public static Task WriteAsync(ScanReport report, Stream destination, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(destination, report, Options, cancellationToken);
}
