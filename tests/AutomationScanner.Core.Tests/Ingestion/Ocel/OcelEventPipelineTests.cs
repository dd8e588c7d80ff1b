using System.Globalization;
using System.Text;
using System.Text.Json;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Ingestion.Ocel;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Tests.Ingestion.Ocel;

/// <summary>
/// The JSON objects and events arrays tokenised on one thread and put into the object table and flattened on another
/// (<see cref="OcelEventPipeline"/>): the same statistics, data-quality notes and errors as one thread, on JSON whose
/// strings hold quotes, brackets, escapes and non-ASCII text, with objects and events cut at every buffer boundary, and
/// with malformed input.
/// </summary>
public sealed class OcelEventPipelineTests
{
    private static readonly IngestionOptions OneThread = new() { Parallelism = 1 };

    /// <summary>
    /// Events whose strings are full of JSON syntax: escaped quotes and backslashes, brackets and braces, unicode as
    /// text and as \u escapes (a surrogate pair too), nested attribute values, relationships without an object id or
    /// with a null qualifier, a type that is an object, an unreadable time, an unknown object, a status lifecycle.
    /// </summary>
    private const string Tricky = """
        {"objectTypes":[{"name":"Order \"A\"","attributes":[{"name":"amount","type":"float"}]},{"name":"Bürger","attributes":[]},{"name":"employees","attributes":[]}],
         "eventTypes":[{"name":"Prüfen [schnell]","attributes":[]}],
         "objects":[
          {"id":"o\"1]","type":"Order \"A\"","attributes":[{"name":"amount","time":"1970-01-01T00:00:00Z","value":"{[\"x\"]}"}]},
          {"id":"o\\2}","type":"Order \"A\""},
          {"id":"b-ü-\u00e9-😀","type":"Bürger"},
          {"id":"b,2","type":"Bürger","relationships":[{"objectId":"o\"1]","qualifier":"[owner]"}]},
          {"id":"emp \"Kim\"","type":"employees"}
         ],
         "events":[
          {"id":"e1 \"first\" [","type":"Prüfen [schnell]","time":"2024-01-01T08:00:00Z","attributes":[{"name":"note","value":"a } b ] c \" d \\ e"},{"name":"nested","value":{"deep":[1,{"x":"]}"}]}}],"relationships":[{"objectId":"o\"1]","qualifier":"order \"main\""},{"objectId":"b-ü-\u00e9-\ud83d\ude00","qualifier":null}]},
          {"id":"e2","type":"Ship {it}","time":"2024-01-01T09:30:00+02:00","relationships":[{"objectId":"o\\2}","qualifier":"[x]"},{"qualifier":"orphan qualifier"},{"objectId":"b,2"},{"objectId":"emp \"Kim\"","qualifier":"by"}]},
          {"id":"e3","type":{"not":"a string"},"time":"2024-01-01T10:00:00Z","relationships":[{"objectId":"o\"1]"}]},
          {"id":"e4","type":"Prüfen [schnell]","time":"not a time ]}","relationships":[{"objectId":"o\"1]"}]},
          {"id":"e5","type":"Prüfen [schnell]","time":"2024-01-01T11:00:00Z","relationships":[{"objectId":"nobody \"here\""},{"objectId":"o\\2}","qualifier":"again"}]},
          {"id":"e6","type":"Review","time":"2024-01-02T11:00:00Z","attributes":[{"name":"lifecycle:transition","value":"In \"Progress\""}],"relationships":[{"objectId":"o\"1]"},{"objectId":"o\\2}"},{"objectId":"o\"1]","qualifier":"twice"}]},
          {"id":"e7","type":"Review","time":"2024-01-03T11:00:00Z","extra":[[[{"a":"]]]"}]]],"relationships":[{"objectId":"b,2","qualifier":{"odd":true}},{"objectId":"b-ü-é-😀"}]},
          {"id":"e8","type":"Close \u00c4rger","time":"2024-01-04T11:00:00","relationships":[{"objectId":"o\"1]"},{"objectId":"b,2"},{"objectId":"emp \"Kim\""}]}
         ]}
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1024)]
    public void MineAll_TrickyStrings_SameStatisticsAndNotesAsOneThread(int batch)
    {
        var log = Encoding.UTF8.GetBytes(Tricky);
        var expected = OcelLogs.Mine("tricky.jsonocel", log, OneThread);

        var actual = OcelLogs.Mine("tricky.jsonocel", log, TwoThreads(batch));

        SameResults(expected, actual);
        Assert.Equal(["Bürger", "Order \"A\"", "employees"], actual.Select(p => p.Summary.ObjectCentric!.ObjectType));
        var order = actual.Process("Order \"A\"");
        Assert.Contains(order.Activities, a => a.Activity == "Prüfen [schnell]");
        Assert.Contains(order.Activities, a => a.Activity == "Close Ärger");
        Assert.Contains(order.Activities, a => a.Activity == "Review (In \"Progress\")");
        Assert.Contains(order.Summary.DataQuality, i => i.Kind == DataQualityKinds.BadTimestamp);
        Assert.Contains(order.Summary.DataQuality, i => i.Kind == OcelQualityKinds.UnknownObject && i.Examples.Any(e => e.Contains("nobody \"here\"", StringComparison.Ordinal)));
        Assert.Contains(order.Summary.DataQuality, i => i.Kind == DataQualityKinds.EmptyCaseOrActivity);
        var citizen = actual.Process("Bürger");
        Assert.Equal(2, citizen.Summary.Cases);
    }

    [Fact]
    public void MineAll_EventsCutAtEveryBufferBoundary_SameStatisticsAsOneThread()
    {
        // A stream that hands out 7 bytes a read: most events end up split across refills and are parsed again.
        var log = Encoding.UTF8.GetBytes(Tricky);
        var expected = OcelLogs.Mine("tricky.jsonocel", log, OneThread);

        var actual = EventLogReader.MineAll("tricky.jsonocel", new TrickleStream(log, 7), TwoThreads(2), cancellationToken: TestContext.Current.CancellationToken);

        SameResults(expected, actual);
    }

    [Fact]
    public void MineAll_GeneratedLogInSmallBatches_SameStatisticsAsOneThread()
    {
        var log = GeneratedLog(events: 5_000);
        var expected = OcelLogs.Mine("gen.jsonocel", log, OneThread);

        var actual = OcelLogs.Mine("gen.jsonocel", log, TwoThreads(37) with { Ocel = new OcelOptions { EventBatchSize = 37, MiningBatchSize = 50 } });

        SameResults(expected, actual);
        Assert.Equal(5_000, actual.Process("order").Summary.ObjectCentric!.LogEvents);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void MineAll_TruncatedInTheEvents_SameEventsKeptAndSameNoteAsOneThread(double keep)
    {
        var whole = GeneratedLog(events: 3_000);
        var log = whole[..(int)(whole.Length * keep)];

        var expected = OcelLogs.Mine("cut.jsonocel", log, OneThread);
        var actual = OcelLogs.Mine("cut.jsonocel", log, TwoThreads(16));

        SameResults(expected, actual);
        var note = Assert.Single(actual.Process("order").Summary.DataQuality, i => i.Kind == DataQualityKinds.MalformedEvent);
        Assert.Contains("cut.jsonocel", note.Examples[0], StringComparison.Ordinal);
        Assert.Contains("events before it were kept", note.Examples[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"e1","type":"A","time":"2024-01-01T00:00:00Z","relationships":[{"objectId":"o1"}]}, ]}""")]
    [InlineData("""{"id":"e1","type":"A","time":"2024-01-01T00:00:00Z","relationships":[{"objectId":"o1"}]} {"id":"e2"}]}""")]
    [InlineData("""{"id":"e1","type":"A","time":"2024-01-01T00:00:00Z","relationships":[{"objectId":"o1" "qualifier":"q"}]}]}""")]
    [InlineData("""{"id":"e1\x","type":"A","time":"2024-01-01T00:00:00Z","relationships":[{"objectId":"o1"}]}]}""")]
    [InlineData("""{"id":"e1","type":"A","time":"2024-01-01T00:00:00Z","relationships":[{"objectId":"o1"}]},"a string",{"id":"e2"}]}""")]
    public void MineAll_MalformedEvents_SameOutcomeAsOneThreadNamingFileAndPlace(string events)
    {
        var log = Encoding.UTF8.GetBytes("""{"objectTypes":[{"name":"T","attributes":[]}],"objects":[{"id":"o1","type":"T"}],"events":[""" + events);

        var expected = Outcome(() => OcelLogs.Mine("bad.jsonocel", log, OneThread));
        var actual = Outcome(() => OcelLogs.Mine("bad.jsonocel", log, TwoThreads(1)));

        Assert.Equal(expected, actual);
        Assert.Contains("bad.jsonocel", actual, StringComparison.Ordinal);
        Assert.Matches(@"(byte|line) \d+", actual);
    }

    [Fact]
    public void Read_FlatteningFailsWhileTheReaderParses_SameErrorAsOneThreadNamingTheFile()
    {
        // The 2,000th event relates to more objects than allowed: the replay thread throws while the reader is ahead of it;
        // a parse error further on must not hide it.
        var log = GeneratedLog(events: 4_000, wideEventAt: 2_000, tail: "]}garbage");
        var options = TwoThreads(8) with { Ocel = new OcelOptions { EventBatchSize = 8, MaxRelationsPerEvent = 5 } };
        var single = Assert.Throws<IngestionException>(() => OcelLogs.Mine("wide.jsonocel", log, OneThread with { Ocel = options.Ocel }));
        using var flattener = new OcelFlattener("wide.jsonocel", "wide.jsonocel", options, "OCEL 2.0 JSON", "byte");

        var error = Assert.Throws<IngestionException>(() => OcelJsonReader.Read(new MemoryStream(log), flattener, TestContext.Current.CancellationToken));

        Assert.Equal(single.Message, error.Message);
        Assert.Contains("wide.jsonocel", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than 5 objects", error.Message, StringComparison.Ordinal);
        Assert.Equal(2_000, flattener.EventsRead);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.03)]
    [InlineData(0.06)]
    public void MineAll_TruncatedInTheObjects_SameOutcomeAsOneThreadNamingTheFile(double keep)
    {
        var whole = GeneratedLog(events: 3_000);
        var log = whole[..(int)(whole.Length * keep)];

        var expected = Outcome(() => OcelLogs.Mine("cut.jsonocel", log, OneThread));
        var actual = Outcome(() => OcelLogs.Mine("cut.jsonocel", log, TwoThreads(16)));

        Assert.Equal(expected, actual);
        Assert.StartsWith("error: ", actual, StringComparison.Ordinal);
        Assert.Contains("cut.jsonocel", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ObjectTableFullWhileTheReaderParses_SameErrorAsOneThreadNamingTheFile()
    {
        // The 1,000th object is past the cap: the object table's thread throws while the reader is ahead of it; the
        // truncation further on in the objects must not hide it.
        var whole = GeneratedLog(events: 10_000);
        var log = whole[..(whole.Length / 20)];
        var options = TwoThreads(8) with { Ocel = new OcelOptions { EventBatchSize = 8, MaxObjects = 999 } };
        var single = Assert.Throws<IngestionException>(() => OcelLogs.Mine("full.jsonocel", log, OneThread with { Ocel = options.Ocel }));
        using var flattener = new OcelFlattener("full.jsonocel", "full.jsonocel", options, "OCEL 2.0 JSON", "byte");

        var error = Assert.Throws<IngestionException>(() => OcelJsonReader.Read(new MemoryStream(log), flattener, TestContext.Current.CancellationToken));

        Assert.Equal(single.Message, error.Message);
        Assert.Contains("full.jsonocel", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than 999 objects", error.Message, StringComparison.Ordinal);
        Assert.Equal(999, flattener.ObjectCount);
    }

    [Fact]
    public void Read_Cancelled_EventsBeforeTheCheckFlattenedThenStops()
    {
        var log = GeneratedLog(events: 40_000);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        using var flattener = new OcelFlattener("c.jsonocel", "c.jsonocel", TwoThreads(64), "OCEL 2.0 JSON", "byte");

        Assert.ThrowsAny<OperationCanceledException>(() => OcelJsonReader.Read(new MemoryStream(log), flattener, cancel.Token));

        // Cancellation is checked every 16,384 events: those before it were flattened, in order, then the read stopped.
        Assert.Equal(16_384, flattener.EventsRead);
    }

    [Fact]
    public void Recording_ReplaysTheCallsInOrderAndDropsAnUnfinishedEvent()
    {
        var recording = new OcelEventRecording();
        recording.BeginEvent();
        recording.SetEventId("dropped"u8);
        recording.BeginEvent();
        recording.SetEventId("e\"1"u8);
        recording.SetActivity("Prüfen"u8);
        recording.SetTime("2024-01-01T00:00:00Z"u8);
        recording.AddRelation("o1"u8, 11, true, "q"u8, true, 1L << 40);
        recording.AddRelation([], 0, false, "lonely"u8, true, 7);
        recording.AddEventAttribute("name", "va}lue");
        recording.EndEvent(12_345_678_901);
        recording.BeginEvent();
        recording.SetNoActivity();
        recording.EndEvent(-1);
        recording.BeginEvent();
        recording.SetEventId("unfinished"u8);
        var log = new CallLog();

        recording.Replay(log);

        Assert.Equal(2, recording.Events);
        Assert.Equal(
            ["begin", "id e\"1", "activity Prüfen", "time 2024-01-01T00:00:00Z", "relation o1 11 True q True 1099511627776", "relation  0 False lonely True 7",
             "attribute name=va}lue", "end 12345678901", "begin", "no activity", "end -1"],
            log.Calls);
    }

    [Fact]
    public void Recording_ReplaysObjectsInOrderWithTheirAttributes()
    {
        var recording = new OcelEventRecording();
        recording.AddObject("o\"1"u8, -5, 3, ["amount", "größe"], 1L << 40);
        recording.AddObject([], 0, -1, [], 7);
        recording.AddObject("i-ü"u8, int.MaxValue, 0, ["sku"], 12_345);
        var log = new CallLog();

        recording.Replay(log);

        Assert.Equal(3, recording.Events);
        Assert.Equal(["object o\"1 -5 3 [amount,größe] 1099511627776", "object  0 -1 [] 7", "object i-ü 2147483647 0 [sku] 12345"], log.Calls);
    }

    private static IngestionOptions TwoThreads(int batch) => new() { Parallelism = 2, Ocel = new OcelOptions { EventBatchSize = batch, MiningBatchSize = 3 } };

    private static void SameResults(IReadOnlyList<MinedProcess> expected, IReadOnlyList<MinedProcess> actual)
    {
        OcelAssert.SameStatistics(expected, actual);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(JsonSerializer.Serialize(expected[i].Summary.DataQuality), JsonSerializer.Serialize(actual[i].Summary.DataQuality));
        }
    }

    private static string Outcome(Func<IReadOnlyList<MinedProcess>> mine)
    {
        try
        {
            var result = mine();
            return string.Join("\n", result.Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.Summary.Process} {p.Summary.Events} {JsonSerializer.Serialize(p.Summary.DataQuality)}")));
        }
        catch (IngestionException ex)
        {
            return "error: " + ex.Message;
        }
    }

    /// <summary>One order per 5 events, each with 1-3 items; events in time order.</summary>
    private static byte[] GeneratedLog(int events, int wideEventAt = -1, string tail = "]}")
    {
        var orders = events / 5 + 1;
        var text = new StringBuilder("""{"objectTypes":[{"name":"order","attributes":[]},{"name":"item","attributes":[]}],"objects":[""");
        for (var o = 0; o < orders; o++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""{{(o == 0 ? "" : ",")}}{"id":"o{{o}}","type":"order"},{"id":"i{{o}}a","type":"item"},{"id":"i{{o}}b","type":"item"}""");
        }

        text.Append("""],"events":[""");
        string[] activities = ["Create", "Pick \"fast\"", "Pack [box]", "Ship", "Bill"];
        var start = new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var n = 0; n < events; n++)
        {
            var o = n / 5;
            var relations = n == wideEventAt
                ? string.Join(",", Enumerable.Range(0, 8).Select(r => $$"""{"objectId":"o{{r}}"}"""))
                : $$"""{"objectId":"o{{o}}","qualifier":"order"},{"objectId":"i{{o}}a","qualifier":"item"}{{(n % 3 == 0 ? $$""",{"objectId":"i{{o}}b","qualifier":"item"}""" : "")}}""";
            text.Append(CultureInfo.InvariantCulture,
                $$"""{{(n == 0 ? "" : ",")}}{"id":"e{{n}}","type":"{{activities[n % 5].Replace("\"", "\\\"", StringComparison.Ordinal)}}","time":"{{start.AddMinutes(n * 7):yyyy-MM-dd'T'HH:mm:ss'Z'}}","attributes":[{"name":"org:resource","value":"user {{n % 7}}"}],"relationships":[{{relations}}]}""");
        }

        return Encoding.UTF8.GetBytes(text.Append(tail).ToString());
    }

    private sealed class CallLog : IOcelEventSink
    {
        public List<string> Calls { get; } = [];

        public void AddObject(ReadOnlySpan<byte> id, int idHash, int type, ReadOnlySpan<string> attributes, long location) =>
            Calls.Add(string.Create(CultureInfo.InvariantCulture, $"object {Encoding.UTF8.GetString(id)} {idHash} {type} [{string.Join(",", attributes.ToArray())}] {location}"));

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
