using System.Text;
using System.Text.Json;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Ingestion;

/// <summary>
/// A log split into parts, each mined alone and merged in order, gives exactly what one pass gives: every count,
/// distribution, variant and data-quality example (with its line number in the whole file).
/// </summary>
public sealed class ExportChunkerTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>
    /// The mined process as JSON, all of it: counts, sketches, variants, data-quality examples, and what the start-time
    /// estimator gives (estimated service times, their validation against true starts, times in status, the late-event
    /// note), which the parts' journals reproduce when replayed after the merge.
    /// </summary>
    private static string Comparable(MinedProcess mined) => JsonSerializer.Serialize(mined, Json);

    public static TheoryData<string, int> RealLogs()
    {
        var data = new TheoryData<string, int>();
        string[] logs =
        [
            "02_teleclaims.xes.gz", "03_repairExample.xes.gz", "04_reviewing.xes.gz", "06_bpic2013_closed.xes.gz", "08_receipt.xes.gz",
            "13_SEPSIS_1t_per_variant.xes.gz", "14_Billing_1t_per_variant.xes.gz", "roadtraffic100traces.xes",
            "sepsis.csv.gz", "reviewing.csv.gz", "roadtraffic100traces.csv", "running-example.csv",
        ];
        foreach (var log in logs)
        {
            foreach (var parts in new[] { 1, 2, 8 })
            {
                data.Add(log, parts);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RealLogs))]
    public void MineInParallel_RealLogSplitInParts_EqualsOnePass(string log, int parts)
    {
        var bytes = TestFiles.ReadAll(TestFiles.EventLog(log));
        var file = log.EndsWith(".gz", StringComparison.Ordinal) ? log[..^3] : log; // uncompressed, so it can be cut in byte ranges
        var onePass = EventLogReader.Mine(file, new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);

        var plan = ExportChunker.Plan(file, new MemoryStream(bytes), parts);
        var merged = ExportChunker.MineInParallel(file, () => new MemoryStream(bytes), EventLogReader.ProcessName(file), parts, parallelism: 2,
            cancellationToken: TestContext.Current.CancellationToken);

        // A log with fewer cases than parts (the six cases of running-example.csv) gets fewer cuts.
        Assert.InRange(plan.Count, Math.Min(parts, 6), parts);
        Assert.All(plan, c => Assert.Equal(parts == 1 ? ChunkKind.Whole : ChunkKind.ByteRange, c.Kind));
        Assert.Equal(Comparable(onePass), Comparable(MinedProcess.From(merged, TimeZoneInfo.Utc)));
    }

    /// <summary>
    /// On this machine the first part is the smaller one (its thread estimates start times live and then merges the
    /// others and replays their journals): the cut falls near the share asked for, still at a case boundary, and the
    /// merge of the uneven parts equals one pass.
    /// </summary>
    [Theory]
    [InlineData("sepsis.csv.gz")]
    [InlineData("08_receipt.xes.gz")]
    public void MineInParallel_FirstPartSmaller_CutNearItsShareAndEqualsOnePass(string log)
    {
        var bytes = TestFiles.ReadAll(TestFiles.EventLog(log));
        var file = log[..^3];
        var share = ExportChunker.FirstPartShare(2);
        var onePass = EventLogReader.Mine(file, new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);

        var plan = ExportChunker.Plan(file, new MemoryStream(bytes), 2, IngestionOptions.Default, share);
        var merged = ExportChunker.MineInParallel(file, () => new MemoryStream(bytes), EventLogReader.ProcessName(file), plan, parallelism: 2,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.InRange(share, 0.4, 0.49);
        Assert.Equal(2, plan.Count);
        Assert.InRange(plan[0].End / (double)bytes.Length, share - 0.02, share + 0.05);
        Assert.Equal(Comparable(onePass), Comparable(MinedProcess.From(merged, TimeZoneInfo.Utc)));
    }

    [Fact]
    public void Plan_XesInEightParts_CutsAtTraceStartsCoveringTheFileOnce()
    {
        var bytes = TestFiles.ReadAll(TestFiles.EventLog("08_receipt.xes.gz"));

        var plan = ExportChunker.Plan("receipt.xes", new MemoryStream(bytes), 8);

        Assert.Equal(0, plan[0].Start);
        Assert.Equal(bytes.Length, plan[^1].End);
        Assert.All(plan.Zip(plan.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Start));
        Assert.All(plan.Skip(1), c => Assert.StartsWith("<trace", Encoding.UTF8.GetString(bytes, (int)c.Start, 6), StringComparison.Ordinal));
        Assert.Equal("<trace", Encoding.UTF8.GetString(bytes, (int)plan[0].HeaderEnd, 6));
    }

    [Fact]
    public void Plan_CsvGroupedByCase_CutsWhereTheCaseChanges()
    {
        var bytes = TestFiles.ReadAll(TestFiles.EventLog("sepsis.csv.gz"));
        var text = Encoding.UTF8.GetString(bytes);

        var plan = ExportChunker.Plan("sepsis.csv", new MemoryStream(bytes), 4);

        Assert.Equal(4, plan.Count);
        foreach (var chunk in plan.Skip(1))
        {
            Assert.Equal('\n', text[(int)chunk.Start - 1]);
            var before = text[..((int)chunk.Start - 1)].Split('\n')[^1];
            var after = text[(int)chunk.Start..].Split('\n')[0];
            Assert.NotEqual(before.Split(',')[0], after.Split(',')[0]);
        }
    }

    [Fact]
    public void MineInParallel_CsvWithInterleavedCases_ReplansByCaseHashAndEqualsOnePass()
    {
        var rows = new StringBuilder("case,activity,timestamp,resource\n");
        var start = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 4000; i++)
        {
            // 200 cases open at once (fewer than the miner's window), each visited in turn: no byte range is case-aligned.
            var c = i % 200;
            var step = i / 200;
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{c},{(step % 3 == 0 ? "Register" : step % 3 == 1 ? "Check" : "Approve")},{start.AddMinutes(i * 7 + c):yyyy-MM-ddTHH:mm:ssZ},r{(c + step) % 7}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(rows.ToString());
        var onePass = EventLogReader.Mine("interleaved.csv", new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
        var byRange = ExportChunker.Plan("interleaved.csv", new MemoryStream(bytes), 4)
            .Select(c => ExportChunker.Mine("interleaved.csv", new MemoryStream(bytes), c, "interleaved", new MemoryStream(), cancellationToken: TestContext.Current.CancellationToken)).ToList();

        var merged = ExportChunker.MineInParallel("interleaved.csv", () => new MemoryStream(bytes), "interleaved", 4, 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(ExportChunker.NeedsCaseHash(byRange));
        Assert.Throws<InvalidOperationException>(() => ExportChunker.Merge("interleaved.csv", byRange, _ => new MemoryStream()));
        Assert.Equal(Comparable(onePass), Comparable(MinedProcess.From(merged, TimeZoneInfo.Utc)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void MineInParallel_RealLogSortedByTime_SplitByCaseHashEqualsOnePassWithEstimates(int parts)
    {
        // reviewing.csv re-ordered by timestamp, as many systems export: every case interleaves with the others.
        var lines = Encoding.UTF8.GetString(TestFiles.ReadAll(TestFiles.EventLog("reviewing.csv.gz"))).TrimEnd('\n').Split('\n');
        var sorted = lines[0] + "\n" + string.Join("\n", lines.Skip(1).OrderBy(l => l[(l.LastIndexOf(',') + 1)..], StringComparer.Ordinal)) + "\n";
        var bytes = Encoding.UTF8.GetBytes(sorted);
        var onePass = EventLogReader.Mine("reviewing.csv", new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
        var byRange = ExportChunker.Plan("reviewing.csv", new MemoryStream(bytes), parts)
            .Select(c => ExportChunker.Mine("reviewing.csv", new MemoryStream(bytes), c, "reviewing", new MemoryStream(), cancellationToken: TestContext.Current.CancellationToken)).ToList();

        var merged = ExportChunker.MineInParallel("reviewing.csv", () => new MemoryStream(bytes), "reviewing", parts, 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(ExportChunker.NeedsCaseHash(byRange));
        Assert.Contains(onePass.Activities, a => a.EstimatedServiceTime.Count > 0);
        Assert.NotEmpty(onePass.Summary.StartEstimateValidation);

        // Identical including the order of the tables: each part meets the names in its own order, and the merge puts
        // them back in the order one pass meets them (the row where each was first seen travels in the aggregate).
        var chunked = MinedProcess.From(merged, TimeZoneInfo.Utc);
        Assert.Equal(onePass.Activities.Select(a => a.Activity), chunked.Activities.Select(a => a.Activity));
        Assert.Equal(Comparable(onePass), Comparable(chunked));
        Assert.Equal(
            onePass.Activities.Select(a => string.Join(",", a.ExecutionsByResource)),
            chunked.Activities.Select(a => string.Join(",", a.ExecutionsByResource)));
    }

    [Fact]
    public void Merge_CaseHashPartsMetNamesInAnotherOrder_TablesKeepOnePassOrder()
    {
        // Case c1 (part A) meets "Zeta" first in the file; case c2 (part B) meets "Alpha" and resource "r2" before part A
        // sees them: merged in part order the tables would start with part 0's names.
        var rows = new StringBuilder("case,activity,timestamp,resource\n");
        var start = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 600; i++)
        {
            var c = i % 40;
            var activity = ((i / 40 + c) % 5) switch { 0 => "Zeta", 1 => "Alpha", 2 => "Mid", 3 => "Beta", _ => "Omega" };
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{c},{activity},{start.AddMinutes(i * 3):yyyy-MM-ddTHH:mm:ssZ},r{(i * 7 + c) % 9}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(rows.ToString());
        var onePass = EventLogReader.Mine("mixed.csv", new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
        foreach (var parts in new[] { 2, 3, 8 })
        {
            var plan = ExportChunker.PlanByCaseHash(parts);
            var sidecars = plan.Select(_ => new MemoryStream()).ToList();
            var mined = plan.Select((c, i) => ExportChunker.Mine("mixed.csv", new MemoryStream(bytes), c, "mixed", sidecars[i], cancellationToken: TestContext.Current.CancellationToken)).ToList();

            var merged = MinedProcess.From(ExportChunker.Merge("mixed.csv", mined, m => new MemoryStream(sidecars[m.Chunk.Index].ToArray())), TimeZoneInfo.Utc);

            // The parts do meet the names in different orders (else this test would prove nothing).
            Assert.Contains(mined, m => !m.Aggregate!.ActivityNames.SequenceEqual(onePass.Activities.Select(a => a.Activity).Where(m.Aggregate.ActivityNames.Contains)) || m.Aggregate.ActivityNames[0] != onePass.Activities[0].Activity);
            Assert.Equal(Comparable(onePass), Comparable(merged));
        }
    }

    [Fact]
    public void Mine_ManyCasesEachItsOwnVariant_OutputStaysSmallAndVariantsComeBackFromTheSidecar()
    {
        // 20,000 cases, nearly every one a variant of its own: the variant hashes (one per case, and one per case and
        // activity) go to the sidecar, so the part's output does not grow with the cases.
        var rows = new StringBuilder("case,activity,timestamp,resource\n");
        var random = new Random(7);
        var start = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        for (var c = 0; c < 20_000; c++)
        {
            var steps = random.Next(4, 12);
            for (var s = 0; s < steps; s++)
            {
                rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"k{c},step {random.Next(0, 12)},{start.AddMinutes(c * 5 + s):yyyy-MM-ddTHH:mm:ssZ},u{random.Next(0, 30)}\n");
            }
        }

        var bytes = Encoding.UTF8.GetBytes(rows.ToString());
        var onePass = EventLogReader.Mine("variants.csv", new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
        var plan = ExportChunker.Plan("variants.csv", new MemoryStream(bytes), 2);
        var sidecars = plan.Select(_ => new MemoryStream()).ToList();

        var mined = plan.Select((c, i) => ExportChunker.Mine("variants.csv", new MemoryStream(bytes), c, "variants", sidecars[i], cancellationToken: TestContext.Current.CancellationToken)).ToList();
        var payloads = mined.Select(m => JsonSerializer.Serialize(m)).ToList();
        var merged = ExportChunker.Merge("variants.csv", payloads.Select(p => JsonSerializer.Deserialize<MinedChunk>(p)!), m => new MemoryStream(sidecars[m.Chunk.Index].ToArray()));

        Assert.Equal(2, plan.Count);
        Assert.True(onePass.Summary.Variants > 15_000, $"{onePass.Summary.Variants} variants");
        Assert.All(payloads, p => Assert.True(p.Length < 48 * 1024, $"a part's output is {p.Length} bytes"));
        Assert.All(mined, m => Assert.InRange(m.VariantsAt, 1, m.SidecarBytes - 1));
        Assert.Equal(Comparable(onePass), Comparable(MinedProcess.From(merged, TimeZoneInfo.Utc)));
    }

    [Fact]
    public void MineFile_LargeEnoughOnSeveralCores_SplitsAndEqualsOnePass()
    {
        var bytes = TestFiles.ReadAll(TestFiles.EventLog("reviewing.csv.gz"));
        var onePass = EventLogReader.MineAll("reviewing.csv", new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
        var opened = 0;
        Stream Open()
        {
            Interlocked.Increment(ref opened);
            return new MemoryStream(bytes);
        }

        var options = IngestionOptions.Default with { Parallelism = 4, ParallelMinBytes = 1024 };
        var split = ExportChunker.MineFile("reviewing.csv", Open, "reviewing", options, TestContext.Current.CancellationToken);
        var splitOpens = opened;
        opened = 0;
        var single = ExportChunker.MineFile("reviewing.csv", Open, "reviewing", options with { ParallelMinBytes = bytes.Length + 1L }, TestContext.Current.CancellationToken);

        Assert.Equal(1 + 4, splitOpens); // the plan, then one per part
        Assert.Equal(1, opened);
        Assert.Equal(Comparable(onePass[0]), Comparable(split[0]));
        Assert.Equal(Comparable(onePass[0]), Comparable(single[0]));
    }

    [Fact]
    public void MineFile_PartCannotBeRead_ReportsTheOnePassError()
    {
        // A record past the size limit (the reader's buffer is at least 64 K characters) in the second half: the split read fails in a part; the error names the line of the whole file.
        var rows = new StringBuilder("case,activity,timestamp\n");
        for (var i = 0; i < 3000; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{i / 3},a{i % 3},2026-01-05T08:{i % 60:00}:00Z\n");
        }

        rows.Append("c9999,\"").Append('x', 100_000).Append("\",2026-01-05T09:00:00Z\n");
        var bytes = Encoding.UTF8.GetBytes(rows.ToString());
        var options = IngestionOptions.Default with { Parallelism = 2, ParallelMinBytes = 1024, Limits = InputLimits.Default with { MaxRecordCharacters = 4096 } };

        var onePass = Assert.Throws<IngestionException>(() => EventLogReader.MineAll("big.csv", new MemoryStream(bytes), options, cancellationToken: TestContext.Current.CancellationToken));
        var split = Assert.Throws<IngestionException>(() => ExportChunker.MineFile("big.csv", () => new MemoryStream(bytes), "big", options, TestContext.Current.CancellationToken));

        Assert.Equal(onePass.Message, split.Message);
    }

    [Fact]
    public void MineInParallel_CsvWithBadRowsInEveryPart_ReportsTheLinesOfTheWholeFile()
    {
        var rows = new StringBuilder("case,activity,timestamp\n");
        for (var i = 0; i < 2000; i++)
        {
            var timestamp = i % 250 == 17 ? "not a date" : new DateTime(2026, 2, 2, 9, 0, 0, DateTimeKind.Utc).AddMinutes(i).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"case-{i / 5},step {i % 5},{timestamp}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(rows.ToString());
        var onePass = EventLogReader.Mine("bad.csv", new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);

        var merged = MinedProcess.From(ExportChunker.MineInParallel("bad.csv", () => new MemoryStream(bytes), "bad", 8, 2, cancellationToken: TestContext.Current.CancellationToken), TimeZoneInfo.Utc);

        var expected = Assert.Single(onePass.Summary.DataQuality, i => i.Kind == DataQualityKinds.BadTimestamp);
        var actual = Assert.Single(merged.Summary.DataQuality, i => i.Kind == DataQualityKinds.BadTimestamp);
        Assert.Equal(8, actual.Count);
        Assert.Equal(expected.Examples, actual.Examples);
        Assert.Contains("bad.csv line 19,", actual.Examples[0], StringComparison.Ordinal);
        Assert.Contains("bad.csv line 769,", actual.Examples[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_NoPartHasAUsableEvent_ThrowsNamingTheFile()
    {
        var bytes = Encoding.UTF8.GetBytes("case,activity,timestamp\n" + string.Concat(Enumerable.Range(0, 400).Select(i => $"c{i / 4},a,never\n")));
        var plan = ExportChunker.Plan("empty.csv", new MemoryStream(bytes), 2);
        var mined = plan.Select(c => ExportChunker.Mine("empty.csv", new MemoryStream(bytes), c, "empty", new MemoryStream(), cancellationToken: TestContext.Current.CancellationToken)).ToList();

        var failure = Assert.Throws<IngestionException>(() => ExportChunker.Merge("empty.csv", mined, _ => new MemoryStream()));

        Assert.Equal(2, plan.Count);
        Assert.Contains("empty.csv", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ocel20_example.jsonocel")]
    [InlineData("ocel20_example.xmlocel")]
    [InlineData("ocel20_example.sqlite")]
    [InlineData("recruiting-red.jsonocel.gz")]
    public void Finish_ObjectCentricLog_IsOnePartGivingTheOnePassProcesses(string log)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "ocel", log));
        var onePass = EventLogReader.MineAll(log, new MemoryStream(bytes), processName: "p2p", cancellationToken: TestContext.Current.CancellationToken);
        var plan = ExportChunker.Plan(log, new MemoryStream(bytes), 8);
        using var sidecar = new MemoryStream();

        var part = ExportChunker.Mine(log, new MemoryStream(bytes), Assert.Single(plan), "p2p", sidecar, cancellationToken: TestContext.Current.CancellationToken);
        var payload = JsonSerializer.Deserialize<MinedChunk>(JsonSerializer.Serialize(part))!;
        var processes = ExportChunker.Finish(log, "p2p", [payload], _ => new MemoryStream(sidecar.ToArray()));

        Assert.Equal(ChunkKind.Whole, plan[0].Kind);
        Assert.True(payload.ObjectCentric);
        Assert.Null(payload.Aggregate);
        Assert.Equal(sidecar.Length, payload.SidecarBytes);
        Assert.True(processes.Count > 1);
        Assert.Equal(onePass.Select(Comparable), processes.Select(Comparable));

        // What reports never show but the scan judges (who did the work) comes back too.
        Assert.Equal(
            onePass.SelectMany(p => p.Activities).Select(a => string.Join(",", a.ExecutionsByResource.OrderBy(r => r.Key, StringComparer.Ordinal))),
            processes.SelectMany(p => p.Activities).Select(a => string.Join(",", a.ExecutionsByResource.OrderBy(r => r.Key, StringComparer.Ordinal))));
        Assert.Equal(log.StartsWith("ocel20", StringComparison.Ordinal), processes.SelectMany(p => p.Activities).Any(a => a.ExecutionsByResource.Count > 0)); // the P2P log names resources
    }

    [Fact]
    public void Merge_SidecarOfAnotherPart_IsRejectedOrChangesTheEstimates()
    {
        // The replay maps each journal through its own part's names: swapping two parts' journals cannot pass unnoticed.
        var bytes = TestFiles.ReadAll(TestFiles.EventLog("08_receipt.xes.gz"));
        var plan = ExportChunker.Plan("receipt.xes", new MemoryStream(bytes), 2);
        var sidecars = plan.Select(_ => new MemoryStream()).ToList();
        var mined = plan.Select((c, i) => ExportChunker.Mine("receipt.xes", new MemoryStream(bytes), c, "receipt", sidecars[i], cancellationToken: TestContext.Current.CancellationToken)).ToList();
        var onePass = EventLogReader.Mine("receipt.xes", new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);

        var inOrder = ExportChunker.Merge("receipt.xes", mined, m => new MemoryStream(sidecars[m.Chunk.Index].ToArray()));
        LogAggregate? swapped = null;
        var failure = Record.Exception(() => swapped = ExportChunker.Merge("receipt.xes", mined, m => new MemoryStream(sidecars[1 - m.Chunk.Index].ToArray())));

        Assert.Equal(Comparable(onePass), Comparable(MinedProcess.From(inOrder, TimeZoneInfo.Utc)));
        Assert.True(failure is InvalidDataException || Comparable(onePass) != Comparable(MinedProcess.From(swapped!, TimeZoneInfo.Utc)));
        Assert.All(mined, m => Assert.InRange(m.SidecarBytes, 1, m.Events * 16));
    }

    [Fact]
    public void Plan_CompressedExport_IsOneWholePart()
    {
        var bytes = File.ReadAllBytes(TestFiles.EventLog("sepsis.csv.gz"));

        var plan = ExportChunker.Plan("sepsis.csv.gz", new MemoryStream(bytes), 8);

        Assert.Equal(ChunkKind.Whole, Assert.Single(plan).Kind);
    }

    [Fact]
    public void LogAggregateState_RoundTripsThroughJson()
    {
        var bytes = TestFiles.ReadAll(TestFiles.EventLog("04_reviewing.xes.gz"));
        var log = new LogAggregate("reviewing");
        var miner = new ProcessMiner(log);
        EventLogReader.Read("reviewing.xes", new MemoryStream(bytes), miner, cancellationToken: TestContext.Current.CancellationToken);
        miner.Complete();

        var state = JsonSerializer.Deserialize<LogAggregateState>(JsonSerializer.Serialize(log.ToState()))!;

        Assert.Equal(JsonSerializer.Serialize(MinedProcess.From(log, TimeZoneInfo.Utc)), JsonSerializer.Serialize(MinedProcess.From(LogAggregate.FromState(state), TimeZoneInfo.Utc)));
    }
}
