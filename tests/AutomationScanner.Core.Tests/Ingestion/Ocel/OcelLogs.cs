using System.Text;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Tests.Ingestion.Ocel;

/// <summary>
/// Small OCEL 2.0 logs written from the standard (ocel-standard.org): one order with two items and one delivery.
/// "place order" and "ship" touch the order and both items (convergence for the item type); "pick item" runs once
/// per item (divergence for the order type); the clerk is the event attribute "org:resource".
/// </summary>
internal static class OcelLogs
{
    public const string Json = """
        {
          "objectTypes": [
            { "name": "Order", "attributes": [ { "name": "customer_email", "type": "string" } ] },
            { "name": "Item", "attributes": [ { "name": "weight", "type": "float" } ] },
            { "name": "Delivery", "attributes": [] }
          ],
          "eventTypes": [
            { "name": "place order", "attributes": [ { "name": "org:resource", "type": "string" } ] },
            { "name": "pick item", "attributes": [ { "name": "org:resource", "type": "string" } ] },
            { "name": "ship", "attributes": [ { "name": "org:resource", "type": "string" } ] }
          ],
          "objects": [
            { "id": "o1", "type": "Order", "attributes": [ { "name": "customer_email", "time": "1970-01-01T00:00:00Z", "value": "a@example.org" } ],
              "relationships": [ { "objectId": "i1", "qualifier": "comprises" }, { "objectId": "i2", "qualifier": "comprises" } ] },
            { "id": "i1", "type": "Item", "attributes": [ { "name": "weight", "time": "1970-01-01T00:00:00Z", "value": 1.5 } ] },
            { "id": "i2", "type": "Item", "attributes": [] },
            { "id": "d1", "type": "Delivery" }
          ],
          "events": [
            { "id": "e1", "type": "place order", "time": "2024-03-04T09:00:00+01:00",
              "attributes": [ { "name": "org:resource", "value": "Alice" } ],
              "relationships": [ { "objectId": "o1", "qualifier": "placed" }, { "objectId": "i1", "qualifier": "ordered item" }, { "objectId": "i2", "qualifier": "ordered item" } ] },
            { "id": "e2", "type": "pick item", "time": "2024-03-04T10:00:00+01:00",
              "attributes": [ { "name": "org:resource", "value": "Bob" } ],
              "relationships": [ { "objectId": "o1", "qualifier": "for order" }, { "objectId": "i1", "qualifier": "picked" } ] },
            { "id": "e3", "type": "pick item", "time": "2024-03-04T10:30:00+01:00",
              "attributes": [ { "name": "org:resource", "value": "Bob" } ],
              "relationships": [ { "objectId": "o1", "qualifier": "for order" }, { "objectId": "i2", "qualifier": "picked" } ] },
            { "id": "e4", "type": "ship", "time": "2024-03-05T08:00:00+01:00",
              "attributes": [ { "name": "org:resource", "value": "ShippingBot" } ],
              "relationships": [ { "objectId": "o1", "qualifier": "shipped" }, { "objectId": "i1", "qualifier": "shipped" }, { "objectId": "i2", "qualifier": "shipped" }, { "objectId": "d1", "qualifier": "by" } ] }
          ]
        }
        """;

    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <log>
          <object-types>
            <object-type name="Order"><attributes><attribute name="customer_email" type="string"/></attributes></object-type>
            <object-type name="Item"><attributes><attribute name="weight" type="float"/></attributes></object-type>
            <object-type name="Delivery"><attributes/></object-type>
          </object-types>
          <event-types>
            <event-type name="place order"><attributes><attribute name="org:resource" type="string"/></attributes></event-type>
            <event-type name="pick item"><attributes><attribute name="org:resource" type="string"/></attributes></event-type>
            <event-type name="ship"><attributes><attribute name="org:resource" type="string"/></attributes></event-type>
          </event-types>
          <objects>
            <object id="o1" type="Order">
              <attributes><attribute name="customer_email" time="1970-01-01T00:00:00Z">a@example.org</attribute></attributes>
              <objects><relationship object-id="i1" qualifier="comprises"/><relationship object-id="i2" qualifier="comprises"/></objects>
            </object>
            <object id="i1" type="Item"><attributes><attribute name="weight" time="1970-01-01T00:00:00Z">1.5</attribute></attributes></object>
            <object id="i2" type="Item"><attributes/></object>
            <object id="d1" type="Delivery"/>
          </objects>
          <events>
            <event id="e1" type="place order" time="2024-03-04T09:00:00+01:00">
              <attributes><attribute name="org:resource">Alice</attribute></attributes>
              <objects><relationship object-id="o1" qualifier="placed"/><relationship object-id="i1" qualifier="ordered item"/><relationship object-id="i2" qualifier="ordered item"/></objects>
            </event>
            <event id="e2" type="pick item" time="2024-03-04T10:00:00+01:00">
              <attributes><attribute name="org:resource">Bob</attribute></attributes>
              <objects><relationship object-id="o1" qualifier="for order"/><relationship object-id="i1" qualifier="picked"/></objects>
            </event>
            <event id="e3" type="pick item" time="2024-03-04T10:30:00+01:00">
              <attributes><attribute name="org:resource">Bob</attribute></attributes>
              <objects><relationship object-id="o1" qualifier="for order"/><relationship object-id="i2" qualifier="picked"/></objects>
            </event>
            <event id="e4" type="ship" time="2024-03-05T08:00:00+01:00">
              <attributes><attribute name="org:resource">ShippingBot</attribute></attributes>
              <objects><relationship object-id="o1" qualifier="shipped"/><relationship object-id="i1" qualifier="shipped"/><relationship object-id="i2" qualifier="shipped"/><relationship object-id="d1" qualifier="by"/></objects>
            </event>
          </events>
        </log>
        """;

    public static IReadOnlyList<MinedProcess> Mine(string name, string content, IngestionOptions? options = null) =>
        Mine(name, Encoding.UTF8.GetBytes(content), options);

    public static IReadOnlyList<MinedProcess> Mine(string name, byte[] content, IngestionOptions? options = null) =>
        EventLogReader.MineAll(name, new MemoryStream(content), options, cancellationToken: TestContext.Current.CancellationToken);

    public static IReadOnlyList<MinedProcess> MineFile(string path, IngestionOptions? options = null)
    {
        using var stream = File.OpenRead(path);
        return EventLogReader.MineAll(Path.GetFileName(path), stream, options, cancellationToken: TestContext.Current.CancellationToken);
    }

    public static string Ocel(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "ocel", name);

    public static MinedProcess Process(this IReadOnlyList<MinedProcess> processes, string objectType) =>
        processes.Single(p => p.Summary.ObjectCentric!.ObjectType == objectType);
}
