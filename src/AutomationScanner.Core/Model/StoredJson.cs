using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AutomationScanner.Core.Model;

/// <summary>The one JSON shape of what the scanner stores (reports, marks): camelCase, enums as strings, invariant numbers.</summary>
public static class StoredJson
{
    private static JsonSerializerOptions? _reflectionOptions;

    /// <summary>
    /// The shape with reflection-based metadata, for hosts that run with the JIT (the Functions app's status API). The
    /// scanner's own documents go through their source-generated contexts (<c>ReportJson</c>, <c>EngagementMarks</c>),
    /// which Native AOT needs.
    /// </summary>
    public static JsonSerializerOptions Options
    {
        [RequiresUnreferencedCode("Reflection-based JSON metadata; use a source-generated context under trimming.")]
        [RequiresDynamicCode("Reflection-based JSON metadata; use a source-generated context under Native AOT.")]
        get => _reflectionOptions ??= Create(null, new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    /// <summary>
    /// The shape with <paramref name="resolver"/>'s metadata (a source-generated context) and <paramref name="enumConverters"/>:
    /// one <see cref="CamelCaseEnumConverter{TEnum}"/> per enum the documents hold.
    /// </summary>
    public static JsonSerializerOptions Create(IJsonTypeInfoResolver? resolver, params IEnumerable<JsonConverter> enumConverters)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            // Task names are untrusted text; the default encoder escapes HTML-sensitive characters.
            Encoder = JavaScriptEncoder.Default,
            TypeInfoResolver = resolver,
        };
        foreach (var converter in enumConverters)
        {
            options.Converters.Add(converter);
        }

        return options;
    }
}
