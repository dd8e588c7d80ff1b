using System.Globalization;
using System.Text;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Ingestion.Ocel;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Ingestion.Ocel;

/// <summary>
/// The object types mined on their own threads (<see cref="OcelMiningPipeline"/>): the same statistics as one thread,
/// failures surface on the reader's thread, and nothing is left running.
/// </summary>
public sealed class OcelMiningPipelineTests
{
    private static readonly IngestionOptions OneThread = new() { Parallelism = 1 };

    /// <summary>Four workers and batches of 64 events: every type's events cross many batches and threads.</summary>
    private static readonly IngestionOptions FourThreads = new() { Parallelism = 5, Ocel = new OcelOptions { MiningBatchSize = 64 } };

    [Fact]
    public void MineAll_GeneratedLogOnWorkerThreads_SameStatisticsAsOneThread()
    {
        var log = GeneratedLog(orders: 600);

        var single = OcelLogs.Mine("shop.jsonocel", log, OneThread);
        var parallel = OcelLogs.Mine("shop.jsonocel", log, FourThreads);

        OcelAssert.SameStatistics(single, parallel);
        Assert.Equal(["Invoice", "Item", "Order", "Package"], parallel.Select(p => p.Summary.ObjectCentric!.ObjectType));
        Assert.True(parallel.Process("Item").Summary.ObjectCentric!.ConvergentEvents > 0);
        Assert.True(parallel.Process("Order").Summary.ObjectCentric!.RepeatedExecutions > 0);
    }

    [Fact]
    public void Read_GeneratedLogOnWorkerThreads_ThreadsStartOnlyPastOneBatch()
    {
        var large = Flatten(GeneratedLog(orders: 200), FourThreads, out var largeResult);
        var small = Flatten(GeneratedLog(orders: 2), FourThreads, out var smallResult);

        Assert.True(large);
        Assert.False(small);
        Assert.Equal(200, largeResult.Process("Order").Summary.Cases);
        Assert.Equal(2, smallResult.Process("Order").Summary.Cases);
    }

    [Fact]
    public void MineAll_ShippedPurchaseToPayOnWorkerThreads_SameStatisticsInEveryFormat()
    {
        var tiny = FourThreads with { Ocel = new OcelOptions { MiningBatchSize = 2 } };
        var expected = OcelLogs.MineFile(OcelLogs.Ocel("ocel20_example.jsonocel"), OneThread);

        OcelAssert.SameStatistics(expected, OcelLogs.MineFile(OcelLogs.Ocel("ocel20_example.jsonocel"), tiny));
        OcelAssert.SameStatistics(expected, OcelLogs.MineFile(OcelLogs.Ocel("ocel20_example.xmlocel"), tiny with { DefaultTimeZone = PlusOne }));
        OcelAssert.SameStatistics(expected, OcelLogs.MineFile(OcelLogs.Ocel("ocel20_example.sqlite"), tiny with { DefaultTimeZone = PlusOne }));
    }

    [Fact]
    public void Read_ReaderFailsWhileTypesAreMined_ErrorNamesTheFileAndTheThreadsStop()
    {
        // Past the first batches an event relates to more objects than the limit allows: the reader throws mid-stream.
        var log = GeneratedLog(orders: 300, lastEventRelations: 40);
        var options = FourThreads with { Ocel = new OcelOptions { MiningBatchSize = 64, MaxRelationsPerEvent = 30 } };
        var flattener = new OcelFlattener("shop.jsonocel", "shop.jsonocel", options, "OCEL 2.0 JSON", "byte");

        var error = Assert.Throws<IngestionException>(() => OcelJsonReader.Read(new MemoryStream(log), flattener, TestContext.Current.CancellationToken));
        Assert.True(flattener.MinedInParallel);
        flattener.Dispose();

        Assert.Contains("shop.jsonocel", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than 30 objects", error.Message, StringComparison.Ordinal);
        Assert.False(flattener.MiningThreadsRunning);
    }

    [Fact]
    public void MineAll_ReaderFailsWhileTypesAreMined_SameErrorAsOneThread()
    {
        var log = GeneratedLog(orders: 300, lastEventRelations: 40);
        var limits = new OcelOptions { MiningBatchSize = 64, MaxRelationsPerEvent = 30 };

        var parallel = Assert.Throws<IngestionException>(() => OcelLogs.Mine("shop.jsonocel", log, FourThreads with { Ocel = limits }));
        var single = Assert.Throws<IngestionException>(() => OcelLogs.Mine("shop.jsonocel", log, OneThread with { Ocel = limits }));

        Assert.Equal(single.Message, parallel.Message);
    }

    [Fact]
    public void MineAll_MoreEventTypesThanTheActivityLimit_LaterOnesDroppedAndNoted()
    {
        var log = GeneratedLog(orders: 100);
        var limits = new IngestionOptions { Limits = InputLimits.Default with { MaxActivities = 3 } };

        foreach (var options in new[] { limits with { Parallelism = 1 }, limits with { Parallelism = 5, Ocel = new OcelOptions { MiningBatchSize = 16 } } })
        {
            var order = OcelLogs.Mine("shop.jsonocel", log, options).Process("Order");

            Assert.Equal(3, order.Activities.Count);
            Assert.Contains(order.Summary.DataQuality, i => i.Kind == DataQualityKinds.TooManyActivities);
        }
    }

    [Fact]
    public void Complete_OneWorker_TypesClosedOnTheWorkerAndTheReadersThreadAtOnce()
    {
        var activities = new OcelFlattener.Names();
        activities.Add("Pick item");
        var resources = new OcelFlattener.Names();
        resources.Add("user1");
        using var pipeline = new OcelMiningPipeline(activities, resources, workers: 1, batchSize: 4);
        var processes = Enumerable.Range(0, 3).Select(type =>
        {
            var log = new LogAggregate($"shop/T{type}");
            var miner = new ProcessMiner(log);
            miner.ReserveCases(10);
            var process = new OcelTypeProcess(type, log, miner) { Cases = 10 * (type + 1) };
            pipeline.Assign(process);
            return process;
        }).ToList();
        var start = new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc).Ticks;
        for (var e = 0; e < 20; e++)
        {
            foreach (var process in processes)
            {
                pipeline.Add(process, new OcelFlatEvent { Case = e % 10, Activity = 0, Resource = 0, Ticks = start + e * TimeSpan.TicksPerMinute, Sequence = process.Sequence++ });
            }
        }

        // Each closed type waits (up to a while) until a second thread is closing one too: one thread closing them all in turn never gets there.
        var closers = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        pipeline.Complete(processes, process =>
        {
            closers.TryAdd(Environment.CurrentManagedThreadId, process.Type);
            SpinWait.SpinUntil(() => closers.Count >= 2, TimeSpan.FromSeconds(5));
        });

        Assert.True(pipeline.Started);
        Assert.Equal(2, closers.Count);
        Assert.Contains(Environment.CurrentManagedThreadId, closers.Keys);
        Assert.All(processes, p => Assert.True(p.Completed));
        Assert.All(processes, p => Assert.Equal(10, p.Log.Cases));
        Assert.All(processes, p => Assert.Equal(20, p.Log.Events));
        Assert.False(pipeline.Running);
    }

    private static readonly TimeZoneInfo PlusOne = TimeZoneInfo.CreateCustomTimeZone("plus-one", TimeSpan.FromHours(1), "plus-one", "plus-one");

    private static bool Flatten(byte[] log, IngestionOptions options, out IReadOnlyList<MinedProcess> result)
    {
        using var flattener = new OcelFlattener("shop.jsonocel", "shop.jsonocel", options, "OCEL 2.0 JSON", "byte");
        OcelJsonReader.Read(new MemoryStream(log), flattener, TestContext.Current.CancellationToken);
        result = flattener.Complete();
        return flattener.MinedInParallel;
    }

    /// <summary>
    /// Orders of one to four items, overlapping in time: create (order and its items), pick (item, order; start and
    /// complete), pack (order, package, items, the order twice), ship, invoice, pay; some times without an offset.
    /// </summary>
    private static byte[] GeneratedLog(int orders, int lastEventRelations = 0)
    {
        var text = new StringBuilder("""{"objectTypes":[{"name":"Order","attributes":[{"name":"amount","type":"float"}]},{"name":"Item","attributes":[]},{"name":"Package","attributes":[]},{"name":"Invoice","attributes":[]}],"objects":[""");
        for (var o = 0; o < orders; o++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""{{(o == 0 ? "" : ",")}}{"id":"o{{o}}","type":"Order","attributes":[{"name":"amount","time":"1970-01-01T00:00:00Z","value":{{o}}}]}""");
            for (var i = 0; i < Items(o); i++)
            {
                text.Append(CultureInfo.InvariantCulture, $$""",{"id":"i{{o}}-{{i}}","type":"Item"}""");
            }

            text.Append(CultureInfo.InvariantCulture, $$""",{"id":"p{{o}}","type":"Package"},{"id":"v{{o}}","type":"Invoice"}""");
        }

        var events = new List<(DateTime Time, string Body)>();
        var start = new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var o = 0; o < orders; o++)
        {
            var clock = start.AddMinutes(o * 13);
            var items = Enumerable.Range(0, Items(o)).Select(i => $$"""{"objectId":"i{{o}}-{{i}}","qualifier":"item"}""").ToList();
            var user = $"user{o % 9}";
            events.Add((clock, $$""" "type":"Create order","attributes":[{"name":"org:resource","value":"{{user}}"}],"relationships":[{"objectId":"o{{o}}","qualifier":"order"},{{string.Join(",", items)}}]"""));
            for (var i = 0; i < Items(o); i++)
            {
                clock = clock.AddMinutes(3 + (o + i) % 17);
                var picker = $"user{(o + i) % 9}";
                events.Add((clock, $$""" "type":"Pick item","attributes":[{"name":"org:resource","value":"{{picker}}"},{"name":"lifecycle:transition","value":"start"}],"relationships":[{"objectId":"i{{o}}-{{i}}","qualifier":"picked"},{"objectId":"o{{o}}","qualifier":"for"}]"""));
                clock = clock.AddMinutes(2 + o % 5);
                events.Add((clock, $$""" "type":"Pick item","attributes":[{"name":"org:resource","value":"{{picker}}"},{"name":"lifecycle:transition","value":"complete"}],"relationships":[{"objectId":"i{{o}}-{{i}}","qualifier":"picked"},{"objectId":"o{{o}}","qualifier":"for"}]"""));
            }

            clock = clock.AddHours(1 + o % 6);
            events.Add((clock, $$""" "type":"Pack order","attributes":[{"name":"org:resource","value":"{{user}}"}],"relationships":[{"objectId":"o{{o}}","qualifier":"packed"},{"objectId":"o{{o}}","qualifier":"checked"},{"objectId":"p{{o}}","qualifier":"package"},{{string.Join(",", items)}}]"""));
            clock = clock.AddHours(3 + o % 11);
            events.Add((clock, $$""" "type":"Ship package","relationships":[{"objectId":"p{{o}}","qualifier":"shipped"},{"objectId":"o{{o}}","qualifier":"order"}]"""));
            clock = clock.AddMinutes(10);
            events.Add((clock, $$""" "type":"Create invoice","attributes":[{"name":"org:resource","value":"billing-bot"}],"relationships":[{"objectId":"v{{o}}","qualifier":"invoice"},{"objectId":"o{{o}}","qualifier":"billed"}]"""));
            clock = clock.AddDays(1 + o % 9);
            events.Add((clock, $$""" "type":"Receive payment","attributes":[{"name":"org:resource","value":"user{{o % 4}}"}],"relationships":[{"objectId":"v{{o}}","qualifier":"paid"}]"""));
        }

        text.Append("""],"events":[""");
        var ordered = events.Select((e, n) => (e.Time, e.Body, n)).OrderBy(e => e.Time).ThenBy(e => e.n).ToList();
        for (var n = 0; n < ordered.Count; n++)
        {
            var (time, body, _) = ordered[n];
            var stamp = n % 5 == 0 ? time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) : time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $$"""{{(n == 0 ? "" : ",")}}{"id":"e{{n}}","time":"{{stamp}}",{{body}}}""");
        }

        if (lastEventRelations > 0)
        {
            var relations = Enumerable.Range(0, lastEventRelations).Select(r => $$"""{"objectId":"o{{r % orders}}","qualifier":"audit"}""");
            text.Append(CultureInfo.InvariantCulture, $$""",{"id":"audit","time":"2030-01-01T00:00:00Z","type":"Audit","relationships":[{{string.Join(",", relations)}}]}""");
        }

        return Encoding.UTF8.GetBytes(text.Append("]}").ToString());
    }

    private static int Items(int order) => 1 + order * 7 % 4;
}
