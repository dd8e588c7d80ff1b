using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;

namespace AutomationScanner.Core.Tests.Ingestion.Ocel;

public sealed class OcelFlatteningTests
{
    [Fact]
    public void MineAll_Ocel2Json_OneProcessPerObjectTypeWithEachObjectACase()
    {
        var sut = OcelLogs.Mine("shop.jsonocel", OcelLogs.Json);

        Assert.Equal(["shop/Delivery", "shop/Item", "shop/Order"], sut.Select(p => p.Summary.Process));
        var order = sut.Process("Order");
        Assert.Equal(1, order.Summary.Cases);
        Assert.Equal(4, order.Summary.Events);
        Assert.Equal("OCEL 2.0 JSON", order.Summary.ObjectCentric!.Format);
        Assert.Equal(1, order.Summary.ObjectCentric.Objects);
        Assert.Equal(new Dictionary<string, long> { ["Delivery"] = 1, ["Item"] = 2, ["Order"] = 1 }, order.Summary.ObjectCentric.ObjectTypes);
        var items = sut.Process("Item");
        Assert.Equal(2, items.Summary.Cases);
        Assert.Equal(6, items.Summary.Events);
        Assert.Equal(1, sut.Process("Delivery").Summary.Cases);
    }

    [Fact]
    public void MineAll_EventOnSeveralObjectsOfTheCaseType_CountedAsConvergence()
    {
        var items = OcelLogs.Mine("shop.jsonocel", OcelLogs.Json).Process("Item");

        var summary = items.Summary.ObjectCentric!;
        Assert.Equal(4, summary.Events);
        Assert.Equal(2, summary.ConvergentEvents);
        Assert.Equal(2, summary.EventCopies);
        Assert.Equal(2, items.Activity("place order").Executions);
        Assert.Equal(1, items.Activity("place order").Objects!.ConvergentEvents);
        Assert.Contains(summary.Notes, n => n.StartsWith("Convergence: 2 events relate to several 'Item' objects", StringComparison.Ordinal));
    }

    [Fact]
    public void MineAll_ActivityOncePerRelatedObject_CountedAsDivergence()
    {
        var order = OcelLogs.Mine("shop.jsonocel", OcelLogs.Json).Process("Order");

        var pick = order.Activity("pick item");
        Assert.Equal(2, pick.Executions);
        Assert.Equal(1, pick.RepeatExecutions);
        Assert.Equal(1, order.Summary.ObjectCentric!.RepeatedExecutions);
        Assert.Equal(1, order.Summary.ObjectCentric.ObjectsWithRepeatedActivity);
        Assert.Equal(0, order.Summary.ObjectCentric.ConvergentEvents);
        Assert.Contains(order.Summary.ObjectCentric.Notes, n => n.StartsWith("Divergence: 1 executions repeat an activity within the same 'Order' object", StringComparison.Ordinal));
    }

    [Fact]
    public void MineAll_QualifiersAttributesAndResources_KeptForKindsAndRiskScreen()
    {
        var order = OcelLogs.Mine("shop.jsonocel", OcelLogs.Json).Process("Order");

        var ship = order.Activity("ship");
        Assert.Equal(new Dictionary<string, long> { ["Delivery"] = 1, ["Item"] = 2, ["Order"] = 1 }, ship.Objects!.RelatedObjectTypes);
        Assert.Equal(["shipped", "by"], ship.Objects.Qualifiers);
        Assert.Equal(["org:resource"], ship.Objects.EventAttributes);
        Assert.Equal(1.0, ship.AutomationRate);
        Assert.Equal(["Bob"], order.Activity("pick item").ExecutionsByResource.Keys);
        Assert.Contains("case:customer_email", order.Summary.Attributes);
        Assert.Contains("Item:weight", order.Summary.Attributes);
        Assert.Equal(["customer_email"], order.Summary.ObjectCentric!.ObjectAttributes);
        Assert.Equal(["org:resource"], order.Summary.ObjectCentric.ResourceAttributes);
    }

    [Fact]
    public void MineAll_ObjectTypeChosen_OnlyThatProcessCaseInsensitive()
    {
        var options = new IngestionOptions { Ocel = new OcelOptions { ObjectTypes = ["order"] } };

        var sut = OcelLogs.Mine("shop.jsonocel", OcelLogs.Json, options);

        Assert.Equal("shop/Order", Assert.Single(sut).Summary.Process);
    }

    [Fact]
    public void MineAll_ChosenObjectTypeAbsent_ErrorNamesFileAndTheTypesThereAre()
    {
        var options = new IngestionOptions { Ocel = new OcelOptions { ObjectTypes = ["Invoice"] } };

        var error = Assert.Throws<IngestionException>(() => OcelLogs.Mine("shop.jsonocel", OcelLogs.Json, options));

        Assert.Equal("shop.jsonocel: none of the chosen object types (Invoice) is in this log; it has: Order (1 objects), Item (2 objects), Delivery (1 objects)", error.Message);
    }

    [Fact]
    public void MineAll_XmlOfTheSameLog_IdenticalStatistics()
    {
        var json = OcelLogs.Mine("shop.jsonocel", OcelLogs.Json);

        var sut = OcelLogs.Mine("shop.xmlocel", OcelLogs.Xml);

        OcelAssert.SameStatistics(json, sut);
        Assert.Equal("OCEL 2.0 XML", sut[0].Summary.ObjectCentric!.Format);
    }

    [Fact]
    public void MineAll_EventsBeforeObjects_SameResultAsObjectsFirst()
    {
        var objectsStart = OcelLogs.Json.IndexOf("\"objects\"", StringComparison.Ordinal);
        var eventsStart = OcelLogs.Json.IndexOf("\"events\"", StringComparison.Ordinal);
        var objects = OcelLogs.Json[objectsStart..eventsStart].TrimEnd().TrimEnd(',');
        var events = OcelLogs.Json[eventsStart..OcelLogs.Json.LastIndexOf('}')].TrimEnd();
        var reordered = OcelLogs.Json[..objectsStart] + events + ",\n" + objects + "\n}";

        var sut = OcelLogs.Mine("shop.jsonocel", reordered);

        OcelAssert.SameStatistics(OcelLogs.Mine("shop.jsonocel", OcelLogs.Json), sut);
    }

    [Fact]
    public void MineAll_Ocel1Json_ReadsObjectsAndOmap()
    {
        const string legacy = """
            {"ocel:global-log": {"ocel:attribute-names": ["clerk"], "ocel:object-types": ["patients", "beds"]},
             "ocel:events": {
               "1": {"ocel:activity": "admit patient", "ocel:timestamp": "2024-01-02T08:00:00Z", "ocel:omap": ["p1", "b1"], "ocel:vmap": {"clerk": "Eve"}},
               "2": {"ocel:activity": "triage", "ocel:timestamp": "2024-01-02T08:30:00Z", "ocel:omap": ["p1"], "ocel:vmap": {"clerk": "Eve"}},
               "3": {"ocel:activity": "admit patient", "ocel:timestamp": "2024-01-02T09:00:00Z", "ocel:omap": ["p2", "b1"], "ocel:vmap": {}}
             },
             "ocel:objects": {"p1": {"ocel:type": "patients", "ocel:ovmap": {"age": 61}}, "p2": {"ocel:type": "patients", "ocel:ovmap": {}}, "b1": {"ocel:type": "beds", "ocel:ovmap": {}}}}
            """;

        var sut = OcelLogs.Mine("ward.json", legacy);

        var patients = sut.Process("patients");
        Assert.Equal("OCEL 1.0 JSON", patients.Summary.ObjectCentric!.Format);
        Assert.Equal(2, patients.Summary.Cases);
        Assert.Equal(2, patients.Activity("admit patient").Executions);
        Assert.Equal(["Eve"], patients.Activity("triage").ExecutionsByResource.Keys);
        Assert.Contains("case:age", patients.Summary.Attributes);
        Assert.Equal(2, sut.Process("beds").Activity("admit patient").Executions);
    }

    [Fact]
    public void IsEventLogName_OcelExtensions_Accepted()
    {
        foreach (var name in new[] { "log.jsonocel", "log.xmlocel", "log.sqlite", "log.jsonocel.gz", "order-management.json", "p2p.xml" })
        {
            Assert.True(ExportSniffer.IsEventLogName(name), name);
        }

        Assert.Equal("p2p", EventLogReader.ProcessName("p2p.jsonocel.gz"));
    }
}
