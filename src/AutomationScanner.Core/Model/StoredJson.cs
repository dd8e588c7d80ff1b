using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Model;

/// <summary>The one JSON shape of what the scanner stores (reports, marks): camelCase, enums as strings, invariant numbers.</summary>
public static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // Task names are untrusted text; the default encoder escapes HTML-sensitive characters.
        Encoder = JavaScriptEncoder.Default,
    };
}
