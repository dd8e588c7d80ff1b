using System.Globalization;
using System.Text;
using System.Text.Json;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Ingestion.Ocel;

namespace AutomationScanner.Core.Tests.Ingestion.Ocel;

/// <summary>
/// The fast path for OCEL 2.0 JSON events (<see cref="OcelEventScanner"/>): events of the usual shape are scanned from
/// the bytes, the rest by the general parser, with the same statistics, data-quality notes (their line and column
/// included) and errors as the general parser alone, on generated logs mixing the shape with everything it declines,
/// cut short, broken at random places and read a few bytes at a time.
/// </summary>
public sealed class OcelEventScannerTests
{
    [Fact]
    public void TryScan_UsualShape_SameCallsAsTheGeneralParser()
    {
        const string Event = """ {"id":"e7","time":"2024-01-01T08:00:00+01:00", "type":"Pick item","attributes":[{"name":"org:resource","value":"u 1"},{"name":"n","value":-12.5e+3}],"relationships":[{"objectId":"i1-0","qualifier":"picked"},{"qualifier":"q only"},{"objectId":"o1"}]}]}""";
        var bytes = Encoding.UTF8.GetBytes("""{"events":[""" + Event);
        var fast = new CallLog();
        using var json = new JsonTokenStream("t.jsonocel", new MemoryStream(bytes), 64, 1 << 20);
        json.Expect(JsonTokenType.StartObject, "");
        json.NextProperty();
        json.Expect(JsonTokenType.StartArray, "");
        json.BeginScannedArray();

        Assert.True(new OcelEventScanner(json, fast, 1 << 20).TryScan());
        fast.Calls.Add("end " + json.Position);

        Assert.Equal(
            ["begin", "id e7", "time 2024-01-01T08:00:00+01:00", "activity Pick item", "attribute org:resource=u 1", "attribute n=-12.5e+3",
             $"relation i1-0 {OcelObjectTable.HashOf("i1-0"u8)} True picked True 12", "relation  0 False q only True 12",
             $"relation o1 {OcelObjectTable.HashOf("o1"u8)} True  False 12", "end 12"],
            fast.Calls);

        // Then the general parser reads on from where the scanner left off, its state brought past the scanned event.
        Assert.False(json.ReadObject((ref Utf8JsonReader reader) => reader.TrySkip()));
        Assert.Equal(JsonTokenType.EndArray, json.TokenType);
    }

    [Theory]
    [InlineData("""{"id":"e\"1","type":"A","time":"t"}""")]
    [InlineData("""{"id":"e1","type":"Ä","time":"t"}""")]
    [InlineData("""{"id":"e1","type":"A","time":"t","extra":"x"}""")]
    [InlineData("""{"id":"e1","type":"A","time":1}""")]
    [InlineData("""{"id":"e1","type":"A","time":"t","attributes":[{"name":"a","value":null}]}""")]
    [InlineData("""{"id":"e1","type":"A","time":"t","attributes":[{"name":"a","value":01}]}""")]
    [InlineData("""{"id":"e1","type":"A","time":"t","relationships":[{"objectId":"o1","qualifier":"q",}]}""")]
    [InlineData("""{"id":"e1","type":"A","time":"t","relationships":["o1"]}""")]
    [InlineData("""{"id":"e1",/*c*/"type":"A","time":"t"}""")]
    [InlineData("{\"id\":\"e1\",\"type\":\"A\",\"time\":\"t\"")]
    public void TryScan_AnythingElse_DeclinedWithoutACall(string @event)
    {
        var bytes = Encoding.UTF8.GetBytes("""{"events":[""" + @event);
        var calls = new CallLog();
        using var json = new JsonTokenStream("t.jsonocel", new MemoryStream(bytes), 64, 1 << 20);
        json.Expect(JsonTokenType.StartObject, "");
        json.NextProperty();
        json.Expect(JsonTokenType.StartArray, "");
        json.BeginScannedArray();

        Assert.False(new OcelEventScanner(json, calls, 1 << 20).TryScan());

        Assert.Empty(calls.Calls);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void MineAll_MixedEventsWholeCutAndBroken_SameOutcomeWithAndWithoutTheScanner(int seed)
    {
        var random = new Random(seed);
        var log = MixedLog(random, events: 400, pretty: seed % 2 == 0);
        var lengths = new List<int> { log.Length };
        var broken = new List<byte[]> { log };
        for (var i = 0; i < 12; i++)
        {
            // Cut short anywhere after the objects, or a stray byte put in.
            var at = random.Next(log.Length / 4, log.Length);
            broken.Add(log[..at]);
            var bad = (byte[])log.Clone();
            bad[at] = "x,{}]\"\\:\n\u0001 9-"u8[random.Next(13)];
            broken.Add(bad);
        }

        foreach (var bytes in broken)
        {
            foreach (var chunk in new[] { 0, 1 + random.Next(40), 1 + random.Next(3000) })
            {
                // The general parser on two threads is the reference: on one thread, an event it parses again after a
                // refill reports its unknown objects again (the flattener takes the calls as they come), which the
                // scanner, reading on before it calls anything, does not.
                var slow = Outcome(bytes, chunk, 2, fast: false);
                foreach (var parallelism in new[] { 1, 2 })
                {
                    var fast = Outcome(bytes, chunk, parallelism, fast: true);
                    Assert.Equal(slow, fast);
                }
            }
        }
    }

    [Fact]
    public void MineAll_MalformedAfterScannedEvents_SameLineAndColumnInTheNote()
    {
        // Pretty-printed events (line feeds inside and between them), then a stray byte: the note names the place the
        // general parser would, though the reader never read the events before it.
        var events = string.Join(",\r\n  ", Enumerable.Range(0, 50).Select(n => $$"""{ "id": "e{{n}}",{{"\n"}}    "type": "A", "time": "2024-01-01T00:{{n % 60:00}}:00Z",{{"\n"}}    "relationships": [ { "objectId": "o1" } ] }"""));
        foreach (var tail in new[] { "\n  , x]}", ",  x]}", "  x]}", ",\n{\"id\":\"e99\" \"type\":\"A\"}]}" })
        {
            var log = Encoding.UTF8.GetBytes("""{"objectTypes":[{"name":"T","attributes":[]}],"objects":[{"id":"o1","type":"T"}],"events":[""" + "\n  " + events + tail);

            var slow = Outcome(log, 0, 1, fast: false);
            var fast = Outcome(log, 0, 1, fast: true);

            Assert.Equal(slow, fast);
            Assert.Contains("line ", fast, StringComparison.Ordinal);
            Assert.Contains("50 events before it were kept", fast, StringComparison.Ordinal);
        }
    }

    private static string Outcome(byte[] log, int chunk, int parallelism, bool fast)
    {
        var options = new IngestionOptions
        {
            Parallelism = parallelism,
            Ocel = new OcelOptions { FastEvents = fast, EventBatchSize = 16, MiningBatchSize = 7, MaxValueBytes = 1024 },
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
    /// Orders and items, then events: most of the usual shape (keys in any order, some repeated, white space and line
    /// feeds anywhere, numbers as attribute values, relationships with only an id or only a qualifier, empty lists), and
    /// some of everything the scanner declines (escapes, non-ASCII, unknown keys, null and nested values, long values).
    /// </summary>
    private static byte[] MixedLog(Random random, int events, bool pretty)
    {
        string Space() => random.Next(4) switch
        {
            0 => pretty ? "\n  " : " ",
            1 => pretty ? "\r\n\t" : "",
            _ => "",
        };

        var text = new StringBuilder("""{"objectTypes":[{"name":"order","attributes":[]},{"name":"item","attributes":[]}],"objects":[""");
        var orders = events / 4 + 1;
        for (var o = 0; o < orders; o++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""{{(o == 0 ? "" : ",")}}{"id":"o{{o}}","type":"order"},{"id":"i{{o}}","type":"item"}""");
        }

        text.Append("],").Append(Space()).Append("\"events\":").Append(Space()).Append('[');
        string[] activities = ["Create", "Pick", "Pack", "Ship", "Bill"];
        var start = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var n = 0; n < events; n++)
        {
            var o = n / 4;
            var members = new List<string>
            {
                $"\"id\":{Space()}\"e{n}\"",
                $"\"type\":\"{activities[n % 5]}\"",
                string.Create(CultureInfo.InvariantCulture, $"\"time\":\"{start.AddMinutes(n * 7 + random.Next(-30, 30)):yyyy-MM-dd'T'HH:mm:ss'Z'}\""),
            };
            var relations = new List<string> { $$"""{"objectId":"o{{o}}",{{Space()}}"qualifier":"order"}""" };
            if (random.Next(2) == 0)
            {
                relations.Add($$"""{{{Space()}}"qualifier":"item","objectId":"i{{o}}"}""");
            }

            if (random.Next(10) == 0)
            {
                relations.Add("""{"qualifier":"lonely"}""");
            }

            if (random.Next(10) == 0)
            {
                relations.Add($$"""{"objectId":"i{{random.Next(orders + 5)}}"}""");
            }

            members.Add($"\"relationships\":{Space()}[{string.Join("," + Space(), relations)}{Space()}]");
            var attributes = new List<string>();
            if (random.Next(3) > 0)
            {
                attributes.Add($$"""{"name":"org:resource","value":"user {{n % 7}}"}""");
            }

            if (random.Next(4) == 0)
            {
                attributes.Add(random.Next(3) switch
                {
                    0 => string.Create(CultureInfo.InvariantCulture, $$"""{"value":{{random.Next(-5000, 5000) / 100.0}},"name":"amount"}"""),
                    1 => """{"name":"lifecycle:transition","value":"complete"}""",
                    _ => """{"name":"","value":"x"}""",
                });
            }

            if (attributes.Count > 0 || random.Next(2) == 0)
            {
                members.Add($"\"attributes\":[{string.Join(",", attributes)}]");
            }

            switch (random.Next(14))
            {
                case 0:
                    members.Add("\"type\":\"Pick \\\"again\\\"\"");
                    break;
                case 1:
                    members.Add("\"extra\":{\"a\":[1,2,{\"b\":null}]}");
                    break;
                case 2:
                    members[1] = "\"type\":\"Prüfen\"";
                    break;
                case 3:
                    members.Add("\"attributes\":[{\"name\":\"note\",\"value\":null},{\"name\":\"n\",\"value\":true}]");
                    break;
                case 4:
                    members.Add($"\"attributes\":[{{\"name\":\"long\",\"value\":\"{new string('v', 300)}\"}}]");
                    break;
                case 5:
                    members.Add("\"type\":\"Ship\"");
                    break;
                case 6:
                    members.Add("\"time\":\"2024-13-01T00:00:00Z\"");
                    break;
            }

            var order = members.OrderBy(_ => random.Next()).ToList();
            var body = random.Next(30) == 0 ? "{}" : "{" + Space() + string.Join("," + Space(), order) + Space() + "}";
            text.Append(n == 0 ? Space() : "," + Space()).Append(body);
        }

        return Encoding.UTF8.GetBytes(text.Append(Space()).Append("]}").ToString());
    }

    private sealed class CallLog : IOcelEventSink
    {
        public List<string> Calls { get; } = [];

        public void AddObject(ReadOnlySpan<byte> id, int idHash, int type, ReadOnlySpan<string> attributes, long location) => Calls.Add("object");

        public void BeginEvent() => Calls.Add("begin");

        public void SetEventId(ReadOnlySpan<byte> utf8) => Calls.Add($"id {Encoding.UTF8.GetString(utf8)}");

        public void SetActivity(ReadOnlySpan<byte> utf8) => Calls.Add($"activity {Encoding.UTF8.GetString(utf8)}");

        public void SetNoActivity() => Calls.Add("no activity");

        public void SetTime(ReadOnlySpan<byte> utf8) => Calls.Add($"time {Encoding.UTF8.GetString(utf8)}");

        public void AddRelation(ReadOnlySpan<byte> objectId, int objectHash, bool hasObjectId, ReadOnlySpan<byte> qualifier, bool hasQualifier, long location) =>
            Calls.Add(string.Create(CultureInfo.InvariantCulture, $"relation {Encoding.UTF8.GetString(objectId)} {objectHash} {hasObjectId} {Encoding.UTF8.GetString(qualifier)} {hasQualifier} {location}"));

        public void AddEventAttribute(ReadOnlySpan<char> name, ReadOnlySpan<char> value) => Calls.Add($"attribute {name}={value}");

        public void EndEvent(long location) => Calls.Add(string.Create(CultureInfo.InvariantCulture, $"end {location}"));
    }
}
