using System.Globalization;
using System.Text;
using System.Text.Json;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Ingestion.Ocel;

namespace AutomationScanner.Core.Tests.Ingestion.Ocel;

/// <summary>
/// The fast path for OCEL 2.0 JSON objects (<see cref="OcelObjectScanner"/>): objects of the usual shape are scanned from
/// the bytes, the rest by the general parser, with the same object table, statistics, data-quality notes (their line and
/// column included) and errors as the general parser alone, on generated logs mixing the shape with everything it
/// declines, cut short, broken at random places and read a few bytes at a time.
/// </summary>
public sealed class OcelObjectScannerTests
{
    private const string Head = """{"objectTypes":[{"name":"T","attributes":[]}],"objects":[""";

    [Fact]
    public void TryScan_UsualShape_SameObjectAsTheGeneralParser()
    {
        const string Object = """ {"type":"Item", "id":"i7","attributes":[{"name":"sku","time":"1970-01-01T00:00:00Z","value":"SKU 1"},{"value":-12.5e+3,"name":"weight"},{"name":"sku","value":2},{"time":"x"}],"relationships":[{"objectId":"o1","qualifier":"part of"},{"qualifier":"q only"},{}],"type":"Order","id":"o9"}]}""";
        var bytes = Encoding.UTF8.GetBytes(Head + Object);

        var (fastScanned, fast) = ReadFirstObject(bytes, scan: true);
        var (_, general) = ReadFirstObject(bytes, scan: false);

        Assert.True(fastScanned);
        Assert.Equal($"object o9 {OcelObjectTable.HashOf("o9"u8)} type 2 [sku, weight] at 58 | types Item 1, Order 2 | next EndArray", fast);
        Assert.Equal(general, fast);
    }

    [Theory]
    [InlineData("""{"id":"o\"1","type":"U"}""")]
    [InlineData("""{"id":"o1","type":"Ü"}""")]
    [InlineData("""{"id":"o1","type":"U","extra":"x"}""")]
    [InlineData("""{"id":1,"type":"U"}""")]
    [InlineData("""{"id":"o1","type":null}""")]
    [InlineData("""{"id":"o1","type":"U","attributes":[{"name":"a","value":null}]}""")]
    [InlineData("""{"id":"o1","type":"U","attributes":[{"name":"a","value":01}]}""")]
    [InlineData("""{"id":"o1","type":"U","attributes":[{"name":"a","unit":"kg"}]}""")]
    [InlineData("""{"id":"o1","type":"U","attributes":[{"name":5}]}""")]
    [InlineData("""{"id":"o1","type":"U","attributes":{"name":"a"}}""")]
    [InlineData("""{"id":"o1","type":"U","relationships":[{"objectId":"o2","qualifier":"q",}]}""")]
    [InlineData("""{"id":"o1","type":"U","relationships":["o2"]}""")]
    [InlineData("""{"id":"o1","type":"U","relationships":[{"objectId":"o2","time":"t"}]}""")]
    [InlineData("""{"id":"o1",/*c*/"type":"U"}""")]
    [InlineData("{\"id\":\"o1\",\"type\":\"U\"")]
    public void TryScan_AnythingElse_DeclinedWithoutACall(string @object)
    {
        var bytes = Encoding.UTF8.GetBytes(Head + """{"id":"o0","type":"T"},""" + @object);
        var calls = new List<string>();
        using var flattener = new OcelFlattener("t.jsonocel", "t.jsonocel", new IngestionOptions { Parallelism = 1 }, "OCEL 2.0 JSON", "byte");
        using var json = OpenObjects(bytes);
        var parser = new OcelJsonReader.ObjectParser(json, flattener, new ObjectLog(calls));
        var sut = new OcelObjectScanner(json, parser, 1 << 20);

        Assert.True(sut.TryScan());
        parser.Complete(json.Position);
        var position = json.Position;
        Assert.False(sut.TryScan());
        parser.Complete(json.Position);

        // The declined object made no call: the parser still holds the first object, nothing was consumed.
        Assert.Equal(calls[0], calls[1]);
        Assert.Equal(position, json.Position);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void MineAll_MixedObjectsWholeCutAndBroken_SameOutcomeWithAndWithoutTheScanner(int seed)
    {
        var random = new Random(seed);
        var log = MixedLog(random, orders: 150, pretty: seed % 2 == 0);
        var objectsEnd = Encoding.UTF8.GetString(log).IndexOf("\"events\"", StringComparison.Ordinal);
        var broken = new List<byte[]> { log };
        for (var i = 0; i < 12; i++)
        {
            // Cut short or a stray byte put in, in the objects section (its events are then never reached) or after it.
            var at = random.Next(Head.Length, i % 3 == 2 ? log.Length : objectsEnd);
            broken.Add(log[..at]);
            var bad = (byte[])log.Clone();
            bad[at] = "x,{}]\"\\:\n\u0001 9-"u8[random.Next(13)];
            broken.Add(bad);
        }

        foreach (var bytes in broken)
        {
            foreach (var chunk in new[] { 0, 1 + random.Next(40), 1 + random.Next(3000) })
            {
                foreach (var parallelism in new[] { 1, 2 })
                {
                    var slow = Outcome(bytes, chunk, parallelism, fast: false);
                    var fast = Outcome(bytes, chunk, parallelism, fast: true);
                    Assert.Equal(slow, fast);
                }
            }
        }
    }

    [Fact]
    public void MineAll_MalformedAfterScannedObjects_SameLineAndColumnInTheError()
    {
        // Pretty-printed objects (line feeds inside and between them), then a stray byte: the error names the place the
        // general parser would, though the reader never read the objects before it.
        var objects = string.Join(",\r\n  ", Enumerable.Range(0, 50).Select(n => $$"""{ "id": "o{{n}}",{{"\n"}}    "type": "T", "attributes": [ { "name": "a", "time": "t", "value": {{n}} } ] }"""));
        foreach (var tail in new[] { "\n  , x]}", ",  x]}", "  x]}", ",\n{\"id\":\"o99\" \"type\":\"T\"}]}" })
        {
            var log = Encoding.UTF8.GetBytes(Head + "\n  " + objects + tail);

            var slow = Outcome(log, 0, 1, fast: false);
            var fast = Outcome(log, 0, 1, fast: true);

            Assert.Equal(slow, fast);
            Assert.Contains("line ", fast, StringComparison.Ordinal);
        }
    }

    private static JsonTokenStream OpenObjects(byte[] bytes)
    {
        var json = new JsonTokenStream("t.jsonocel", new MemoryStream(bytes), 64, 1 << 20);
        json.Expect(JsonTokenType.StartObject, "");
        json.NextProperty();
        json.SkipValue();
        json.NextProperty();
        json.Expect(JsonTokenType.StartArray, "");
        json.BeginScannedArray();
        return json;
    }

    /// <summary>The first object of the objects array read by the scanner or the general parser: the call it makes, the types, what follows.</summary>
    private static (bool Scanned, string Outcome) ReadFirstObject(byte[] bytes, bool scan)
    {
        var calls = new List<string>();
        using var flattener = new OcelFlattener("t.jsonocel", "t.jsonocel", new IngestionOptions { Parallelism = 1 }, "OCEL 2.0 JSON", "byte");
        flattener.InternType("T");
        using var json = OpenObjects(bytes);
        var parser = new OcelJsonReader.ObjectParser(json, flattener, new ObjectLog(calls));
        var scanned = scan && new OcelObjectScanner(json, parser, 1 << 20).TryScan();
        if (!scanned)
        {
            Assert.True(json.ReadObject(parser.Parse));
        }

        parser.Complete(json.Position);
        Assert.False(json.ReadObject((ref Utf8JsonReader reader) => reader.TrySkip()));
        var types = string.Create(CultureInfo.InvariantCulture, $"Item {flattener.InternType("Item")}, Order {flattener.InternType("Order")}");
        return (scanned, $"{calls[0]} | types {types} | next {json.TokenType}");
    }

    private static string Outcome(byte[] log, int chunk, int parallelism, bool fast)
    {
        var options = new IngestionOptions
        {
            Parallelism = parallelism,
            Ocel = new OcelOptions { FastObjects = fast, EventBatchSize = 16, MiningBatchSize = 7, MaxValueBytes = 1024 },
        };
        try
        {
            Stream stream = chunk == 0 ? new MemoryStream(log) : new TrickleStream(log, chunk);
            var mined = EventLogReader.MineAll("mixed.jsonocel", stream, options, cancellationToken: TestContext.Current.CancellationToken);
            return string.Join("\n", mined.Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.Summary.Process} {p.Summary.Events} {p.Summary.Cases} {p.Summary.Variants} {p.Summary.Start:O} {p.Summary.End:O} {JsonSerializer.Serialize(p.Summary.ObjectCentric)} {JsonSerializer.Serialize(p.Activities)} {JsonSerializer.Serialize(p.Summary.DataQuality)}")));
        }
        catch (IngestionException ex)
        {
            return "error: " + ex.Message;
        }
    }

    /// <summary>
    /// Orders and items with attributes and relationships, most of the usual shape (keys in any order, some repeated, white
    /// space and line feeds anywhere, numbers as values, empty lists), some of everything the scanner declines (escapes,
    /// non-ASCII, unknown keys, null and nested values, long values), duplicate and id-less objects; then simple events.
    /// </summary>
    private static byte[] MixedLog(Random random, int orders, bool pretty)
    {
        string Space() => random.Next(4) switch
        {
            0 => pretty ? "\n  " : " ",
            1 => pretty ? "\r\n\t" : "",
            _ => "",
        };

        string Object(string id, string type)
        {
            var members = new List<string> { $"\"id\":{Space()}\"{id}\"", $"\"type\":\"{type}\"" };
            var attributes = new List<string>();
            if (random.Next(3) > 0)
            {
                attributes.Add(string.Create(CultureInfo.InvariantCulture, $$"""{"name":"amount",{{Space()}}"time":"1970-01-01T00:00:00Z","value":{{random.Next(-5000, 5000) / 100.0}}}"""));
            }

            if (random.Next(3) == 0)
            {
                attributes.Add(random.Next(3) switch
                {
                    0 => """{"value":"x","name":"sku"}""",
                    1 => """{"time":"2024-01-01T00:00:00Z","name":"","value":"x"}""",
                    _ => """{"name":"status","value":"open"},{"name":"status","value":"closed"}""",
                });
            }

            if (random.Next(8) == 0)
            {
                // A name of this object alone: the type's attribute names then show whether it was read.
                attributes.Add($$"""{"name":"x{{id}}","value":1}""");
            }

            if (attributes.Count > 0 || random.Next(2) == 0)
            {
                members.Add($"\"attributes\":[{Space()}{string.Join("," + Space(), attributes)}]");
            }

            if (type == "item" || random.Next(4) == 0)
            {
                members.Add($$"""{{Space()}}"relationships":[{"objectId":"o{{random.Next(orders)}}","qualifier":"part of"}]""");
            }

            switch (random.Next(16))
            {
                case 0:
                    members.Add("\"type\":\"it\\\"em\"");
                    break;
                case 1:
                    members.Add("\"extra\":{\"a\":[1,2,{\"b\":null}]}");
                    break;
                case 2:
                    members[1] = "\"type\":\"Bestellposition\u00e4\"";
                    break;
                case 3:
                    members.Add("\"attributes\":[{\"name\":\"note\",\"value\":null},{\"name\":\"flag\",\"value\":true}]");
                    break;
                case 4:
                    members.Add($"\"attributes\":[{{\"name\":\"long\",\"value\":\"{new string('v', 1100)}\"}}]");
                    break;
                case 5:
                    members.Add("\"type\":\"order\"");
                    break;
                case 6:
                    members.RemoveAt(0);
                    break;
                case 7:
                    members.Add("\"attributes\":[{\"name\":\"n\\u00e4me\",\"value\":1}]");
                    break;
            }

            var order = members.OrderBy(_ => random.Next()).ToList();
            return "{" + Space() + string.Join("," + Space(), order) + Space() + "}";
        }

        var text = new StringBuilder("""{"objectTypes":[{"name":"order","attributes":[]},{"name":"item","attributes":[]}],"objects":[""");
        for (var o = 0; o < orders; o++)
        {
            text.Append(o == 0 ? Space() : "," + Space()).Append(Object($"o{o}", "order")).Append(',').Append(Space()).Append(Object($"i{o}", "item"));
            if (random.Next(20) == 0)
            {
                text.Append(',').Append(Object($"o{random.Next(o + 1)}", "order"));
            }
        }

        text.Append("],").Append(Space()).Append("\"events\":").Append(Space()).Append('[');
        var start = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var n = 0; n < orders * 2; n++)
        {
            var o = n / 2;
            text.Append(n == 0 ? "" : ",").Append(string.Create(CultureInfo.InvariantCulture,
                $$"""{"id":"e{{n}}","type":"{{(n % 2 == 0 ? "Create" : "Ship")}}","time":"{{start.AddMinutes(n * 7):yyyy-MM-dd'T'HH:mm:ss'Z'}}","relationships":[{"objectId":"o{{o}}"},{"objectId":"i{{o}}"}]}"""));
        }

        return Encoding.UTF8.GetBytes(text.Append(Space()).Append("]}").ToString());
    }

    private sealed class ObjectLog(List<string> calls) : IOcelEventSink
    {
        public void AddObject(ReadOnlySpan<byte> id, int idHash, int type, ReadOnlySpan<string> attributes, long location) =>
            calls.Add(string.Create(CultureInfo.InvariantCulture, $"object {Encoding.UTF8.GetString(id)} {idHash} type {type} [{string.Join(", ", attributes.ToArray())}] at {location}"));

        public void BeginEvent() => throw new InvalidOperationException();

        public void SetEventId(ReadOnlySpan<byte> utf8) => throw new InvalidOperationException();

        public void SetActivity(ReadOnlySpan<byte> utf8) => throw new InvalidOperationException();

        public void SetNoActivity() => throw new InvalidOperationException();

        public void SetTime(ReadOnlySpan<byte> utf8) => throw new InvalidOperationException();

        public void AddRelation(ReadOnlySpan<byte> objectId, int objectHash, bool hasObjectId, ReadOnlySpan<byte> qualifier, bool hasQualifier, long location) =>
            throw new InvalidOperationException();

        public void AddEventAttribute(ReadOnlySpan<char> name, ReadOnlySpan<char> value) => throw new InvalidOperationException();

        public void EndEvent(long location) => throw new InvalidOperationException();
    }
}
