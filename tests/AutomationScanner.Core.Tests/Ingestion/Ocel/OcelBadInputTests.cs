using System.Text;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Ingestion.Ocel;
using AutomationScanner.Core.Mining;
using Microsoft.Data.Sqlite;

namespace AutomationScanner.Core.Tests.Ingestion.Ocel;

public sealed class OcelBadInputTests
{
    private const string Objects = """
        "objects": [ { "id": "o1", "type": "Order" }, { "id": "o2", "type": "Order" } ]
        """;

    [Fact]
    public void MineAll_MalformedJson_ErrorNamesFileAndPosition()
    {
        var error = Assert.Throws<IngestionException>(() => OcelLogs.Mine("bad.jsonocel", "{ \"objects\": [ nonsense ] }"));

        Assert.StartsWith("bad.jsonocel: not a readable OCEL JSON document at line 1, column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MineAll_JsonThatIsNotOcel_SaysSo()
    {
        var error = Assert.Throws<IngestionException>(() => OcelLogs.Mine("settings.json", "{ \"name\": \"x\", \"values\": [1, 2] }"));

        Assert.Equal("settings.json: a JSON file without 'objects'/'events' (OCEL 2.0) or 'ocel:objects'/'ocel:events' (OCEL 1.0): not an object-centric event log", error.Message);
    }

    [Fact]
    public void MineAll_TruncatedJson_KeepsEventsBeforeTheCutAndSaysWhere()
    {
        var json = "{" + Objects + """
            , "events": [
              { "id": "e1", "type": "a", "time": "2024-01-01T10:00:00Z", "relationships": [ { "objectId": "o1", "qualifier": "q" } ] },
              { "id": "e2", "type": "b", "time": "2024-01-01T11:00:00Z", "relationships": [ { "objectId": "o1", "qualifier": "q" } ] },
              { "id": "e3", "type": "c", "time": "2024-01-01T12
            """;

        var sut = Assert.Single(OcelLogs.Mine("cut.jsonocel", json));

        Assert.Equal(2, sut.Summary.Events);
        var issue = sut.Summary.DataQuality.Single(i => i.Kind == DataQualityKinds.MalformedEvent);
        Assert.Contains("cut.jsonocel at line", issue.Examples[0], StringComparison.Ordinal);
        Assert.Contains("the 2 events before it were kept", issue.Examples[0], StringComparison.Ordinal);
    }

    [Fact]
    public void MineAll_DeeplyNestedJson_RefusedWithDepthError()
    {
        var json = "{" + Objects + ", \"events\": [ { \"id\": \"e1\", \"x\": " + new string('[', 500) + new string(']', 500) + " } ] }";

        var error = Assert.Throws<IngestionException>(() => OcelLogs.Mine("deep.jsonocel", json));

        Assert.StartsWith("deep.jsonocel: not a readable OCEL JSON document", error.Message, StringComparison.Ordinal);
        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MineAll_ValueLargerThanLimit_Refused()
    {
        var options = new IngestionOptions { Ocel = new OcelOptions { MaxValueBytes = 100_000 } };
        var json = "{" + Objects + ", \"events\": [ { \"id\": \"" + new string('x', 400_000) + "\" } ] }";

        var error = Assert.Throws<IngestionException>(() => OcelLogs.Mine("huge.jsonocel", json, options));

        Assert.Contains("huge.jsonocel: at byte", error.Message, StringComparison.Ordinal);
        Assert.Contains("a single JSON value is larger than 100,000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MineAll_TooManyObjects_RefusedAtTheLimit()
    {
        var options = new IngestionOptions { Ocel = new OcelOptions { MaxObjects = 1 } };

        var error = Assert.Throws<IngestionException>(() => OcelLogs.Mine("many.jsonocel", "{" + Objects + ", \"events\": [] }", options));

        Assert.Equal("many.jsonocel: more than 1 objects: above the configured limit (Ingestion Ocel MaxObjects)", error.Message);
    }

    [Fact]
    public void MineAll_BadEvents_RecordedByKindAndTheRestMined()
    {
        var json = "{" + Objects + """
            , "events": [
              { "id": "e1", "type": "a", "time": "2024-01-01T10:00:00Z", "relationships": [ { "objectId": "o1" } ] },
              { "id": "e2", "type": "b", "time": "yesterday", "relationships": [ { "objectId": "o1" } ] },
              { "id": "e3", "type": "c", "relationships": [ { "objectId": "o1" } ] },
              { "id": "e4", "type": "d", "time": "2024-01-01T12:00:00Z", "relationships": [ { "objectId": "ghost" } ] },
              { "id": "e5", "type": "e", "time": "2024-01-01T13:00:00Z", "relationships": [] },
              { "id": "e6", "time": "2024-01-01T14:00:00Z", "relationships": [ { "objectId": "o2" } ] },
              { "id": "e7", "type": "f", "time": "2024-01-01T15:00:00Z", "relationships": [ { "objectId": "o2" } ] }
            ] }
            """;

        var sut = Assert.Single(OcelLogs.Mine("faults.jsonocel", json));

        Assert.Equal(["a", "f"], sut.Activities.Where(a => a.Events > 0).Select(a => a.Activity));
        var issues = sut.Summary.DataQuality.ToDictionary(i => i.Kind);
        Assert.Equal(2, issues[DataQualityKinds.BadTimestamp].Count);
        Assert.Contains("event 'e2': cannot read 'yesterday' as a timestamp", issues[DataQualityKinds.BadTimestamp].Examples[0], StringComparison.Ordinal);
        Assert.StartsWith("faults.jsonocel byte ", issues[OcelQualityKinds.UnknownObject].Examples[0], StringComparison.Ordinal);
        Assert.Contains("object 'ghost', which is not in the object table", issues[OcelQualityKinds.UnknownObject].Examples[0], StringComparison.Ordinal);
        Assert.Equal(2, issues[OcelQualityKinds.EventWithoutObjects].Count);
        Assert.Contains(issues[OcelQualityKinds.EventWithoutObjects].Examples, e => e.Contains("event 'e5' (e) relates to no object", StringComparison.Ordinal));
        Assert.Contains("event 'e6' has no activity", issues[DataQualityKinds.EmptyCaseOrActivity].Examples[0], StringComparison.Ordinal);
    }

    [Fact]
    public void MineAll_NoUsableEvent_ErrorListsWhatWasFound()
    {
        var json = "{" + Objects + """, "events": [ { "id": "e1", "type": "a", "time": "soon", "relationships": [ { "objectId": "o1" } ] } ] }""";

        var error = Assert.Throws<IngestionException>(() => OcelLogs.Mine("empty.jsonocel", json));

        Assert.StartsWith("empty.jsonocel: no usable events: 1 events read, 2 objects (Order (2 objects)); empty.jsonocel byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MineAll_XmlWithDoctype_RefusedWithoutExpandingEntities()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE log [ <!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>
            <log><objects><object id="o1" type="&b;"/></objects><events/></log>
            """;

        var error = Assert.Throws<IngestionException>(() => OcelLogs.Mine("bomb.xmlocel", xml));

        Assert.Matches("^bomb.xmlocel line [12]: not a readable OCEL XML document", error.Message);
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MineAll_XmlWithAnotherRoot_SaysItIsNotOcel()
    {
        var error = Assert.Throws<IngestionException>(() => OcelLogs.Mine("feed.xml", "<rss><objects/></rss>"));

        Assert.Equal("feed.xml line 1: the root element is <rss>, not <log>: not an OCEL 2.0 XML log", error.Message);
    }

    [Fact]
    public void MineAll_SqliteHeaderThenJunk_ErrorNamesFile()
    {
        var bytes = Encoding.ASCII.GetBytes("SQLite format 3\0").Concat(Enumerable.Repeat((byte)0x5A, 4096)).ToArray();

        var error = Assert.Throws<IngestionException>(() => OcelLogs.Mine("broken.sqlite", bytes));

        Assert.StartsWith("broken.sqlite: not a readable OCEL 2.0 SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MineAll_SqliteWithViewsInsteadOfTables_RefusedWithoutRunningThem()
    {
        var bytes = SqliteFile(
            "CREATE TABLE object (ocel_id TEXT, ocel_type TEXT)",
            "CREATE TABLE event_object (ocel_event_id TEXT, ocel_object_id TEXT, ocel_qualifier TEXT)",
            "CREATE TABLE event_map_type (ocel_type TEXT, ocel_type_map TEXT)",
            "CREATE VIEW event AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i AS ocel_id, 'x' AS ocel_type FROM n");

        var error = Assert.Throws<IngestionException>(() => OcelLogs.Mine("views.sqlite", bytes));

        Assert.Equal("views.sqlite: no table 'event': not an OCEL 2.0 SQLite database (tables: event_map_type, event_object, object)", error.Message);
    }

    [Fact]
    public void MineAll_SqliteWrittenFromTheStandard_Mined()
    {
        var bytes = SqliteFile(
            "CREATE TABLE event (ocel_id TEXT PRIMARY KEY, ocel_type TEXT)",
            "CREATE TABLE object (ocel_id TEXT PRIMARY KEY, ocel_type TEXT)",
            "CREATE TABLE event_object (ocel_event_id TEXT, ocel_object_id TEXT, ocel_qualifier TEXT, PRIMARY KEY (ocel_event_id, ocel_object_id, ocel_qualifier))",
            "CREATE TABLE object_object (ocel_source_id TEXT, ocel_target_id TEXT, ocel_qualifier TEXT)",
            "CREATE TABLE event_map_type (ocel_type TEXT PRIMARY KEY, ocel_type_map TEXT)",
            "CREATE TABLE object_map_type (ocel_type TEXT PRIMARY KEY, ocel_type_map TEXT)",
            "CREATE TABLE event_PlaceOrder (ocel_id TEXT PRIMARY KEY, ocel_time TIMESTAMP, clerk TEXT)",
            "CREATE TABLE event_Ship (ocel_id TEXT PRIMARY KEY, ocel_time TIMESTAMP)",
            "CREATE TABLE object_Order (ocel_id TEXT, ocel_time TIMESTAMP, ocel_changed_field TEXT, amount REAL)",
            "INSERT INTO event_map_type VALUES ('place order', 'PlaceOrder'), ('ship', 'Ship')",
            "INSERT INTO object_map_type VALUES ('Order', 'Order')",
            "INSERT INTO object VALUES ('o1', 'Order'), ('o2', 'Order')",
            "INSERT INTO event VALUES ('e1', 'place order'), ('e2', 'place order'), ('e3', 'ship')",
            "INSERT INTO event_PlaceOrder VALUES ('e1', '2024-01-01 09:00:00', 'Ann'), ('e2', '2024-01-01 10:00:00', 'Ben')",
            "INSERT INTO event_Ship VALUES ('e3', '2024-01-02 09:00:00')",
            "INSERT INTO event_object VALUES ('e1', 'o1', 'placed'), ('e2', 'o2', 'placed'), ('e3', 'o1', 'shipped'), ('e3', 'o2', 'shipped')");

        var sut = Assert.Single(OcelLogs.Mine("orders.sqlite", bytes));

        Assert.Equal("orders/Order", sut.Summary.Process);
        Assert.Equal(2, sut.Summary.Cases);
        Assert.Equal(2, sut.Activity("ship").Executions);
        Assert.Equal(1, sut.Summary.ObjectCentric!.ConvergentEvents);
        Assert.Equal(["Ann", "Ben"], sut.Activity("place order").ExecutionsByResource.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("case:amount", sut.Summary.Attributes);
    }

    private static byte[] SqliteFile(params string[] statements)
    {
        var path = Path.Combine(Path.GetTempPath(), "ocel-test-" + Guid.NewGuid().ToString("N") + ".sqlite");
        try
        {
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                connection.Open();
                foreach (var statement in statements)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = statement;
                    command.ExecuteNonQuery();
                }
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
