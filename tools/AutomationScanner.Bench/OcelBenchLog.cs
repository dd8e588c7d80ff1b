using System.Globalization;
using System.Text;

namespace AutomationScanner.Bench;

/// <summary>
/// A generated OCEL 2.0 JSON log for the bench tool: orders with 1-5 items, a package and an invoice each, events in
/// time order with orders overlapping (as an ERP export interleaves them), 1-4 objects per event, resources as the
/// event attribute "org:resource". Objects come first, as the standard's exporters write them.
/// </summary>
internal static class OcelBenchLog
{
    private static readonly string[] Users = [.. Enumerable.Range(0, 150).Select(i => string.Create(CultureInfo.InvariantCulture, $"user{i:D3}")).Append("billing-bot")];

    public static void Generate(string path, long events)
    {
        var orders = 0;
        long planned = 0;
        while (planned < events)
        {
            planned += EventsOf(orders++);
        }

        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.Write("""{"objectTypes":[{"name":"Order","attributes":[{"name":"amount","type":"float"}]},{"name":"Item","attributes":[{"name":"sku","type":"string"}]},{"name":"Package","attributes":[]},{"name":"Invoice","attributes":[]}],""");
            writer.Write("""
                "eventTypes":[{"name":"Create order","attributes":[]},{"name":"Pick item","attributes":[]},{"name":"Pack order","attributes":[]},{"name":"Ship package","attributes":[]},{"name":"Create invoice","attributes":[]},{"name":"Receive payment","attributes":[]}],"objects":[
                """);
            for (var o = 0; o < orders; o++)
            {
                writer.Write(o == 0 ? "" : ",");
                writer.Write(Invariant($$"""{"id":"o{{o}}","type":"Order","attributes":[{"name":"amount","time":"1970-01-01T00:00:00Z","value":{{o % 997}}.5}]}"""));
                for (var i = 0; i < Items(o); i++)
                {
                    writer.Write(Invariant($$""",{"id":"i{{o}}-{{i}}","type":"Item","attributes":[{"name":"sku","time":"1970-01-01T00:00:00Z","value":"SKU{{(o + i) % 5000}}"}],"relationships":[{"objectId":"o{{o}}","qualifier":"part of"}]}"""));
                }

                writer.Write(Invariant($$""",{"id":"p{{o}}","type":"Package","attributes":[]},{"id":"v{{o}}","type":"Invoice","attributes":[]}"""));
            }

            writer.Write("],\"events\":[");
            var pending = new PriorityQueue<string, long>();
            var start = new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Unspecified).Ticks;
            long written = 0;
            for (var o = 0; o < orders; o++)
            {
                var orderStart = start + o * 20 * TimeSpan.TicksPerSecond;
                foreach (var (ticks, json) in EventsOfOrder(o, orderStart))
                {
                    pending.Enqueue(json, ticks);
                }

                while (pending.TryPeek(out _, out var first) && first <= orderStart)
                {
                    WriteEvent(writer, pending.Dequeue(), first, ref written);
                }
            }

            while (pending.TryDequeue(out var json, out var ticks))
            {
                WriteEvent(writer, json, ticks, ref written);
            }

            writer.Write("]}");
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteEvent(StreamWriter writer, string body, long ticks, ref long written)
    {
        writer.Write(written == 0 ? "{\"id\":\"e" : ",{\"id\":\"e");
        writer.Write(written.ToString(CultureInfo.InvariantCulture));
        writer.Write("\",\"time\":\"");
        writer.Write(new DateTime(ticks, DateTimeKind.Unspecified).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        writer.Write("+01:00\",");
        writer.Write(body);
        writer.Write('}');
        written++;
    }

    private static int Items(int order) => 1 + (int)((uint)(order * 2654435761u) >> 29) % 5;

    private static int EventsOf(int order) => 5 + Items(order);

    private static IEnumerable<(long Ticks, string Json)> EventsOfOrder(int o, long start)
    {
        var items = Items(o);
        var user = Users[o % 150];
        var clock = start;
        var itemRelations = string.Join(",", Enumerable.Range(0, items).Select(i => Invariant($$"""{"objectId":"i{{o}}-{{i}}","qualifier":"item"}""")));
        yield return (clock, Invariant($$""" "type":"Create order","attributes":[{"name":"org:resource","value":"{{user}}"}],"relationships":[{"objectId":"o{{o}}","qualifier":"order"},{{itemRelations}}]"""));
        for (var i = 0; i < items; i++)
        {
            clock += (5 + (o + i) % 40) * TimeSpan.TicksPerMinute;
            yield return (clock, Invariant($$""" "type":"Pick item","attributes":[{"name":"org:resource","value":"{{Users[(o + i) % 150]}}"}],"relationships":[{"objectId":"i{{o}}-{{i}}","qualifier":"picked"},{"objectId":"o{{o}}","qualifier":"for order"}]"""));
        }

        clock += (30 + o % 90) * TimeSpan.TicksPerMinute;
        yield return (clock, Invariant($$""" "type":"Pack order","attributes":[{"name":"org:resource","value":"{{user}}"}],"relationships":[{"objectId":"o{{o}}","qualifier":"packed"},{"objectId":"p{{o}}","qualifier":"package"},{{itemRelations}}]"""));
        clock += (2 + o % 20) * TimeSpan.TicksPerHour;
        yield return (clock, Invariant($$""" "type":"Ship package","attributes":[{"name":"org:resource","value":"{{Users[(o + 7) % 150]}}"}],"relationships":[{"objectId":"p{{o}}","qualifier":"shipped"},{"objectId":"o{{o}}","qualifier":"order"}]"""));
        clock += 10 * TimeSpan.TicksPerMinute;
        yield return (clock, Invariant($$""" "type":"Create invoice","attributes":[{"name":"org:resource","value":"billing-bot"}],"relationships":[{"objectId":"v{{o}}","qualifier":"invoice"},{"objectId":"o{{o}}","qualifier":"billed"}]"""));
        clock += (1 + o % 30) * TimeSpan.TicksPerDay / 2;
        yield return (clock, Invariant($$""" "type":"Receive payment","attributes":[{"name":"org:resource","value":"{{Users[(o + 3) % 150]}}"}],"relationships":[{"objectId":"v{{o}}","qualifier":"paid"}]"""));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
