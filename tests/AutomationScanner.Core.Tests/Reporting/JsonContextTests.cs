using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Tests.Reporting;

/// <summary>
/// What the Native AOT scanner needs of the source-generated JSON contexts, checked in the JIT build (the AOT publish
/// is too slow for the suite): every enum a document holds is written as a string, reading keeps the defaults of
/// properties a file leaves out (as reflection does), and the report is byte-identical to the reflection-based one.
/// </summary>
public sealed class JsonContextTests
{
    public static TheoryData<string> Documents => new(Shapes.Keys);

    /// <summary>The documents the scanner reads back (the report itself is only written; earlier reports are read as JSON documents).</summary>
    public static TheoryData<string> ReadDocuments => new(Shapes.Keys.Where(k => k != "report"));

    private static readonly Dictionary<string, (JsonSerializerOptions Options, Type Root)> Shapes = new()
    {
        ["report"] = (ReportJson.Options, typeof(ScanReport)),
        ["realisation"] = (ReportJson.Options, typeof(RealisationSummary)),
        ["marks"] = (EngagementMarks.JsonOptions, typeof(EngagementMarks)),
        ["catalogue"] = (RuleCatalogue.JsonOptions, typeof(RuleCatalogue.CatalogueDocument)),
        ["llm cache"] = (AssessmentCacheSerializer.Options, typeof(LlmJudgement)),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Context_EveryEnumItHolds_HasAStringConverter(string document)
    {
        var (options, root) = Shapes[document];

        var enums = Reachable(options, root).Select(i => i.Type).Where(t => t.IsEnum).ToList();

        Assert.NotEmpty(enums);
        var missing = enums.Where(e => !options.Converters.Any(c => c.CanConvert(e))).Select(e => e.FullName).ToList();
        Assert.True(missing.Count == 0, $"{document}: no string converter for {string.Join(", ", missing)} (it would be written as a number)");
    }

    [Theory]
    [MemberData(nameof(ReadDocuments))]
    public void Context_ReadingAnEmptyObject_KeepsEveryInitializerDefaultAsReflectionDoes(string document)
    {
        var (options, root) = Shapes[document];
        var reflection = new JsonSerializerOptions(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var lost = new List<string>();
        var checkedTypes = 0;

        foreach (var info in Reachable(options, root).Where(i => i.Kind == JsonTypeInfoKind.Object && !i.Type.IsAbstract && i.Type != typeof(object)))
        {
            object? expected;
            try
            {
                expected = JsonSerializer.Deserialize("{}", info.Type, reflection);
            }
            catch (JsonException)
            {
                continue; // required members: reading fails either way
            }

            var actual = JsonSerializer.Deserialize("{}", info);
            checkedTypes++;
            var expectedJson = JsonSerializer.Serialize(expected, info.Type, reflection);
            var actualJson = JsonSerializer.Serialize(actual, info.Type, reflection);
            if (expectedJson != actualJson)
            {
                lost.Add($"{info.Type.Name}: reflection reads {{}} as {expectedJson}, the context as {actualJson}");
            }
        }

        Assert.True(checkedTypes > 0, $"{document}: no type was checked");
        Assert.True(lost.Count == 0, $"{document}: the source-generated context loses initializer defaults (make the property settable or a constructor parameter):\n{string.Join("\n", lost)}");
    }

    [Fact]
    public async Task WriteAsync_Report_IsByteIdenticalToReflectionBasedJson()
    {
        var report = SampleReport.Build();
        using var stream = new MemoryStream();

        await ReportJson.WriteAsync(report, stream, TestContext.Current.CancellationToken);

#pragma warning disable IL2026, IL3050 // the JIT-only reference the context must match
        var reflection = JsonSerializer.SerializeToUtf8Bytes(report, StoredJson.Options);
#pragma warning restore IL2026, IL3050
        Assert.Equal(System.Text.Encoding.UTF8.GetString(reflection), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Contains("\"tier\": \"", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void RuleCatalogue_ShippedThroughTheContext_EqualsTheReflectionReading()
    {
        using var stream = typeof(RuleCatalogue).Assembly.GetManifestResourceStream("AutomationScanner.Core.Ethics.rule-catalogue.json")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var reflection = new JsonSerializerOptions(RuleCatalogue.JsonOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

        var viaContext = JsonSerializer.Deserialize(copy.ToArray(), (JsonTypeInfo<RuleCatalogue.CatalogueDocument>)RuleCatalogue.JsonOptions.GetTypeInfo(typeof(RuleCatalogue.CatalogueDocument)));
        var viaReflection = JsonSerializer.Deserialize<RuleCatalogue.CatalogueDocument>(copy.ToArray(), reflection);

        Assert.Equal(JsonSerializer.Serialize(viaReflection, reflection), JsonSerializer.Serialize(viaContext, reflection));
        Assert.NotEmpty(viaContext!.Rules);
    }

    /// <summary>The metadata of <paramref name="root"/> and of every type it holds (properties, elements, keys).</summary>
    private static List<JsonTypeInfo> Reachable(JsonSerializerOptions options, Type root)
    {
        var seen = new HashSet<Type>();
        var found = new List<JsonTypeInfo>();
        var queue = new Queue<Type>([root]);
        while (queue.TryDequeue(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type))
            {
                continue;
            }

            var info = options.GetTypeInfo(type);
            found.Add(info);
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object:
                    foreach (var property in info.Properties)
                    {
                        queue.Enqueue(property.PropertyType);
                    }

                    break;
                case JsonTypeInfoKind.Enumerable:
                    queue.Enqueue(info.ElementType!);
                    break;
                case JsonTypeInfoKind.Dictionary:
                    queue.Enqueue(info.KeyType!);
                    queue.Enqueue(info.ElementType!);
                    break;
            }
        }

        return found;
    }
}
