using System.Globalization;
using System.Text;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Ingestion.Ocel;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Tests.Ingestion.Ocel;

/// <summary>The fast flattening path: the UTF-8 object table, ids never materialised, no allocation per event.</summary>
public sealed class OcelFlatteningPathTests
{
    [Fact]
    public void ObjectTable_ManyIds_EachFoundByBytesAndCharsAndNamedBack()
    {
        var sut = new OcelObjectTable();
        var ids = Enumerable.Range(0, 200_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{(i % 3 == 0 ? "Bestellung-Ä€𝄞" : "o")}{i}")).ToList();

        var indexes = ids.Select(id => sut.Add(Encoding.UTF8.GetBytes(id))).ToList();

        Assert.Equal(Enumerable.Range(0, ids.Count), indexes);
        Assert.Equal(ids.Count, sut.Count);
        for (var i = 0; i < ids.Count; i += 7)
        {
            Assert.Equal(i, sut.Find(Encoding.UTF8.GetBytes(ids[i])));
            Assert.Equal(i, sut.Find(ids[i].AsSpan()));
            Assert.Equal(ids[i], sut.Name(i));
        }

        Assert.Equal(-1, sut.Find("x1".AsSpan()));
        Assert.Equal(-1, sut.Find("o200000".AsSpan()));
        Assert.Equal(-1, sut.Find(ReadOnlySpan<char>.Empty));
    }

    [Fact]
    public void ObjectTable_ByTheReadersHash_SameIndexesAsByBytesAndChars()
    {
        var sut = new OcelObjectTable();
        var ids = Enumerable.Range(0, 50_000).Select(i => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{(i % 5 == 0 ? "Lieferung-Ä€𝄞" : "i")}{i}-{i % 7}"))).ToList();

        // Added by the hash the JSON reader computes (HashOf) half of the time, by the bytes alone the other half.
        var indexes = ids.Select((id, i) => i % 2 == 0 ? sut.Add(id, OcelObjectTable.HashOf(id)) : sut.Add(id)).ToList();

        Assert.Equal(Enumerable.Range(0, ids.Count), indexes);
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal(i, sut.Find(ids[i], OcelObjectTable.HashOf(ids[i])));
            Assert.Equal(i, sut.Find(ids[i]));
            Assert.Equal(i, sut.Find(Encoding.UTF8.GetString(ids[i]).AsSpan()));
        }

        Assert.Equal(-1, sut.Find("i1-2"u8, OcelObjectTable.HashOf("i1-2"u8)));
    }

    [Fact]
    public void ObjectTable_Warm_AnyHashes_LookupsUnchanged()
    {
        var sut = new OcelObjectTable();
        var ids = Enumerable.Range(0, 5_000).Select(i => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"o{i}"))).ToList();
        foreach (var id in ids)
        {
            sut.Add(id);
        }

        // The ids' own hashes, hashes of ids not in the table, and arbitrary ones (negative, every bit set): a hint only.
        int[] hashes = [.. ids.Select(id => OcelObjectTable.HashOf(id)), OcelObjectTable.HashOf("missing"u8), -1, int.MinValue, int.MaxValue, 0];
        sut.Warm(hashes);

        Assert.Equal(OcelObjectTable.HashOf(ids[42]), OcelObjectTable.HashOf(Encoding.UTF8.GetBytes("o42")));
        Assert.Equal(Enumerable.Range(0, ids.Count), ids.Select(id => sut.Find(id)));
        Assert.Equal(-1, sut.Find("missing"u8));
    }

    [Fact]
    public void Recording_ObjectHashes_CompleteEventsRelationsWithIdOnly()
    {
        var sut = new OcelEventRecording();
        sut.BeginEvent();
        sut.AddRelation("o1"u8, OcelObjectTable.HashOf("o1"u8), true, "order"u8, true, 1);
        sut.AddRelation([], 0, false, "orphan"u8, true, 2);
        sut.AddRelation("i1"u8, OcelObjectTable.HashOf("i1"u8), true, [], false, 3);
        sut.EndEvent(4);

        // An event whose parse restarts (a buffer refill): what it gave before the restart is dropped, hashes too.
        sut.BeginEvent();
        sut.AddRelation("dropped"u8, OcelObjectTable.HashOf("dropped"u8), true, [], false, 5);
        sut.BeginEvent();
        sut.AddRelation("o2"u8, OcelObjectTable.HashOf("o2"u8), true, [], false, 6);
        sut.EndEvent(7);

        // An unfinished last event is not replayed, so its objects are not warmed.
        sut.BeginEvent();
        sut.AddRelation("unfinished"u8, OcelObjectTable.HashOf("unfinished"u8), true, [], false, 8);

        Assert.Equal([OcelObjectTable.HashOf("o1"u8), OcelObjectTable.HashOf("i1"u8), OcelObjectTable.HashOf("o2"u8)], sut.ObjectHashes.ToArray());
        sut.Clear();
        Assert.Equal(0, sut.ObjectHashes.Length);
    }

    [Fact]
    public void Recording_ObjectHashes_ObjectsIdsForTheirInsertion()
    {
        // The objects section's batches warm the slots their insertions will probe (round 14), as events' batches do.
        var sut = new OcelEventRecording();
        sut.AddObject("o1"u8, OcelObjectTable.HashOf("o1"u8), 0, [], 1);
        sut.AddObject("i1"u8, OcelObjectTable.HashOf("i1"u8), 1, ["sku"], 2);

        Assert.Equal([OcelObjectTable.HashOf("o1"u8), OcelObjectTable.HashOf("i1"u8)], sut.ObjectHashes.ToArray());
    }

    [Fact]
    public void MineAll_EscapedAndNonAsciiObjectIds_SameObjectsAsInXml()
    {
        // "\u00e4" and "\u006F" are escapes of the ids the XML writes plainly: both must find the same objects.
        var json = OcelLogs.Json.Replace("\"o1\"", "\"Auftrag-ä1\"", StringComparison.Ordinal)
            .Replace("\"objectId\": \"i1\"", "\"objectId\": \"\\u0069\\u0031\"", StringComparison.Ordinal)
            .Replace("{ \"id\": \"Auftrag-ä1\"", "{ \"id\": \"Auftrag-\\u00e41\"", StringComparison.Ordinal);
        var xml = OcelLogs.Xml.Replace("\"o1\"", "\"Auftrag-ä1\"", StringComparison.Ordinal);
        Assert.Contains("\\u0069\\u0031", json, StringComparison.Ordinal);
        Assert.Contains("Auftrag-\\u00e41", json, StringComparison.Ordinal);

        var sut = OcelLogs.Mine("shop.jsonocel", json);

        OcelAssert.SameStatistics(OcelLogs.Mine("shop.xmlocel", xml), sut);
        Assert.Equal(2, sut.Process("Item").Summary.Cases);
        Assert.Equal(4, sut.Process("Order").Summary.Events);
        Assert.DoesNotContain(sut.Process("Order").Summary.DataQuality, i => i.Kind == OcelQualityKinds.UnknownObject);
    }

    [Fact]
    public void MineAll_EventOutsideThePlausibleWindow_NotedAndNotMined()
    {
        var json = OcelLogs.Json.Replace("2024-03-04T10:30:00+01:00", "1960-03-04T10:30:00+01:00", StringComparison.Ordinal);

        var order = OcelLogs.Mine("shop.jsonocel", json).Process("Order");

        Assert.Equal(3, order.Summary.Events);
        Assert.Equal(1, order.Activity("pick item").Executions);
        var issue = Assert.Single(order.Summary.DataQuality, i => i.Kind == DataQualityKinds.ImplausibleTimestamp);
        Assert.Contains("case 'o1': 1960-03-04T09:30:00", Assert.Single(issue.Examples), StringComparison.Ordinal);
    }

    [Fact]
    public void MineAll_MoreEventsOnTheSameObjects_NoAllocationPerEvent()
    {
        // One thread, so that this thread's allocations are all of them (the batches of the threaded path are pooled too).
        var oneThread = new IngestionOptions { Parallelism = 1 };
        var small = Log(2_000);
        var large = Log(20_000);
        OcelLogs.Mine("warm.jsonocel", small, oneThread);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var smallResult = OcelLogs.Mine("shop.jsonocel", small, oneThread);
        var smallBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var largeResult = OcelLogs.Mine("shop.jsonocel", large, oneThread);
        var largeBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(20_000, largeResult.Process("Order").Summary.ObjectCentric!.LogEvents);
        Assert.Equal(2_000, smallResult.Process("Order").Summary.ObjectCentric!.LogEvents);
        var perEvent = (largeBytes - smallBytes) / 18_000.0;
        Assert.True(perEvent < 16, $"{perEvent:0.0} bytes allocated per extra event ({smallBytes:N0} for 2,000 events, {largeBytes:N0} for 20,000)");
    }

    /// <summary>Ten orders and their items, <paramref name="events"/> events an hour apart (2023 to 2025), each on an order and an item.</summary>
    private static byte[] Log(int events)
    {
        var text = new StringBuilder("""{"objectTypes":[{"name":"Order","attributes":[]},{"name":"Item","attributes":[]}],"objects":[""");
        for (var o = 0; o < 10; o++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""{{(o == 0 ? "" : ",")}}{"id":"o{{o}}","type":"Order"},{"id":"i{{o}}","type":"Item"}""");
        }

        text.Append("""],"events":[""");
        var start = new DateTime(2023, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        string[] activities = ["Create order", "Pick item", "Pack order", "Ship order"];
        for (var e = 0; e < events; e++)
        {
            var o = e % 10;
            text.Append(CultureInfo.InvariantCulture, $$"""{{(e == 0 ? "" : ",")}}{"id":"e{{e}}","type":"{{activities[e / 10 % 4]}}","time":"{{start.AddHours(e):yyyy-MM-ddTHH:mm:ssZ}}","attributes":[{"name":"org:resource","value":"user{{e % 7}}"}],"relationships":[{"objectId":"o{{o}}","qualifier":"order"},{"objectId":"i{{o}}","qualifier":"item"}]}""");
        }

        return Encoding.UTF8.GetBytes(text.Append("]}").ToString());
    }
}
