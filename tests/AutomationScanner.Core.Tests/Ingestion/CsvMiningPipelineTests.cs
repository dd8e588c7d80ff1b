using System.Globalization;
using System.Text;
using System.Text.Json;
using AutomationScanner.Core.Diagnostics;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Ingestion;

/// <summary>
/// A CSV read on one thread and mined on another (<see cref="CsvMiningPipeline"/>, what <see cref="ExportChunker.MineFile"/>
/// does on two cores) gives exactly what one pass on one thread gives: every count, distribution, variant, estimate and
/// data-quality note, with the names and the notes in one pass's order, across many batches.
/// </summary>
public sealed class CsvMiningPipelineTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private static readonly IngestionOptions TwoCores = IngestionOptions.Default with { Parallelism = 2, ParallelMinBytes = 0 };

    /// <summary>The mined process as JSON, all of it (as <see cref="ExportChunkerTests"/> compares a split with one pass).</summary>
    private static string Comparable(MinedProcess mined) => JsonSerializer.Serialize(mined, Json);

    /// <summary>The aggregate itself as JSON: name tables in id order and data-quality kinds in first-seen order.</summary>
    private static string Comparable(LogAggregate log) => JsonSerializer.Serialize(log.ToState(), Json);

    private static (LogAggregate OnePass, LogAggregate Pipelined) MineBoth(string file, byte[] bytes, IngestionOptions options)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        LogAggregate Mine(bool pipelined)
        {
            using var export = ExportSniffer.Open(file, new MemoryStream(bytes), options.Limits);
            var log = new LogAggregate(EventLogReader.ProcessName(file), options.Mining);
            var miner = new ProcessMiner(log);
            EventLogReader.ReadSniffed(file, export, miner, options, cancellationToken, pipelined);
            miner.Complete();
            return log;
        }

        return (Mine(pipelined: false), Mine(pipelined: true));
    }

    [Theory]
    [InlineData("sepsis.csv.gz")]
    [InlineData("reviewing.csv.gz")]
    [InlineData("roadtraffic100traces.csv")]
    [InlineData("running-example.csv")]
    public void MineFile_RealCsvOnTwoCores_IsPipelinedAndEqualsOnePass(string log)
    {
        var bytes = TestFiles.ReadAll(TestFiles.EventLog(log));
        var onePass = EventLogReader.MineAll(log, new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
        var opened = 0;
        Stream Open()
        {
            Interlocked.Increment(ref opened);
            return new MemoryStream(bytes);
        }

        // Compressed or not: the pipeline reads the stream once, as one pass does (no byte ranges, no second open).
        var pipelined = ExportChunker.MineFile(log, Open, EventLogReader.ProcessName(log), TwoCores, TestContext.Current.CancellationToken);

        Assert.Equal(1, opened);
        Assert.Equal(Comparable(onePass[0]), Comparable(pipelined[0]));
        var (first, second) = MineBoth(log, bytes, IngestionOptions.Default);
        Assert.Equal(Comparable(first), Comparable(second));
    }

    /// <summary>
    /// Many batches: names first met late (in later batches, some in the middle of a batch), rows the reader rejects
    /// (bad timestamps, empty activities) and events the miner rejects (implausible timestamps), a few cases revisited spread
    /// through the file. The notes of both kinds keep one pass's order and examples; the tables keep one pass's ids.
    /// </summary>
    [Fact]
    public void Pipeline_NamesAndNotesAcrossBatches_EqualOnePassExactly()
    {
        var rows = new StringBuilder("case,activity,timestamp,resource,lifecycle,role,Dose\n");
        var start = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        var events = (CsvMiningPipeline.BatchEvents * 5) + 123;
        for (var i = 0; i < events; i++)
        {
            var caseNo = i / 7;
            var step = i % 7;
            var when = start.AddMinutes((caseNo * 3) + (step * 11) - (i % 97 == 5 ? 400 : 0));
            var timestamp = i % 1013 == 17 ? "31/31/2026 99:00"
                : i % 2111 == 3 ? "1901-01-01T00:00:00Z"
                : when.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "+01:00";
            var activity = i % 1500 == 9 ? string.Empty
                : i > CsvMiningPipeline.BatchEvents * 3 && step == 4 ? $"Late step {i % 13}"
                : i % 9000 == 77 ? "Dose" : $"Step {step}";
            var resource = i > CsvMiningPipeline.BatchEvents * 2 ? $"clerk {i % 41}" : $"user {i % 5}";
            var lifecycle = step % 2 == 0 ? "start" : "complete";
            var caseId = i % 3001 == 100 ? caseNo - 2 : caseNo; // a few revisits: the log turns out to interleave cases
            rows.Append(CultureInfo.InvariantCulture, $"case-{caseId},{activity},{timestamp},{resource},{lifecycle},role {i % 3},{i % 5}\n");
        }

        var bytes = Encoding.UTF8.GetBytes(rows.ToString());
        var (onePass, pipelined) = MineBoth("doses.csv", bytes, IngestionOptions.Default);

        Assert.True(onePass.ActivityNames.Count > 15, string.Join(", ", onePass.ActivityNames));
        Assert.True(onePass.DataQuality.CountOf(DataQualityKinds.BadTimestamp) > 20);
        Assert.True(onePass.DataQuality.CountOf(DataQualityKinds.ImplausibleTimestamp) > 10);
        Assert.True(onePass.DataQuality.CountOf(DataQualityKinds.EmptyCaseOrActivity) > 10);
        Assert.Equal(onePass.ActivityNames, pipelined.ActivityNames);
        Assert.Equal(onePass.ResourceNames, pipelined.ResourceNames);
        Assert.Equal(onePass.RoleNames, pipelined.RoleNames);
        Assert.Equal(onePass.EventsWithoutOffset, pipelined.EventsWithoutOffset);
        Assert.Equal(Comparable(onePass), Comparable(pipelined));
        Assert.Equal(Comparable(MinedProcess.From(onePass, TimeZoneInfo.Utc)), Comparable(MinedProcess.From(pipelined, TimeZoneInfo.Utc)));
    }

    /// <summary>The activity cap is met by the reader's tables: its note and the dropped events are those of one pass.</summary>
    [Fact]
    public void Pipeline_MoreActivitiesThanTheLimit_DropsAndNotesAsOnePass()
    {
        var rows = new StringBuilder("case,activity,timestamp\n");
        for (var i = 0; i < CsvMiningPipeline.BatchEvents * 2; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"c{i / 4},act {i % 40},2026-01-05T08:{i % 60:00}:00Z\n");
        }

        var options = IngestionOptions.Default with { Limits = InputLimits.Default with { MaxActivities = 25, MaxEventsPerCase = 3 } };
        var (onePass, pipelined) = MineBoth("many.csv", Encoding.UTF8.GetBytes(rows.ToString()), options);

        Assert.Equal(25, onePass.ActivityNames.Count);
        Assert.True(onePass.DataQuality.CountOf(DataQualityKinds.TooManyActivities) > 0);
        Assert.True(onePass.DataQuality.CountOf(DataQualityKinds.CaseTooLong) > 0);
        Assert.Equal(Comparable(onePass), Comparable(pipelined));
    }

    /// <summary>
    /// Rows that add a note and no event (every row past the cap a new activity, as in a file of a million distinct
    /// activities) hand their notes over in batches of <see cref="CsvMiningPipeline.BatchEvents"/> notes rather than in one
    /// batch holding all of them: the notes, their order among the kept events and their count are still one pass's.
    /// </summary>
    [Fact]
    public void Pipeline_RowsOfNotesOnly_AcrossManyNoteBatches_EqualOnePass()
    {
        var rows = new StringBuilder("case,activity,timestamp\n");
        var dropped = 0;
        for (var i = 0; i < CsvMiningPipeline.BatchEvents * 4; i++)
        {
            // One row in 500 is an activity met first (so kept events fall between the note batches); every other row is a
            // new activity, kept while the table has room (the first 12), dropped with a note after.
            var kept = i % 500 == 0;
            dropped += kept || i <= 12 ? 0 : 1;
            var activity = kept ? "kept" : $"activity {i}";
            rows.Append(CultureInfo.InvariantCulture, $"c{i % 97},{activity},2026-01-05T08:{i % 60:00}:{i % 59:00}Z\n");
        }

        var options = IngestionOptions.Default with { Limits = InputLimits.Default with { MaxActivities = 13 } };
        var (onePass, pipelined) = MineBoth("bomb.csv", Encoding.UTF8.GetBytes(rows.ToString()), options);

        Assert.Equal(13, onePass.ActivityNames.Count);
        Assert.Equal(dropped, onePass.DataQuality.CountOf(DataQualityKinds.TooManyActivities));
        Assert.True(dropped > CsvMiningPipeline.BatchEvents * 3, dropped.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(onePass.DataQuality.CountOf(DataQualityKinds.TooManyActivities), pipelined.DataQuality.CountOf(DataQualityKinds.TooManyActivities));
        Assert.Equal(Comparable(onePass), Comparable(pipelined));
        Assert.Equal(Comparable(MinedProcess.From(onePass, TimeZoneInfo.Utc)), Comparable(MinedProcess.From(pipelined, TimeZoneInfo.Utc)));
    }

    [Fact]
    public void MineFile_RecordTooLargeLateInTheFile_ReportsTheOnePassError()
    {
        var rows = new StringBuilder("case,activity,timestamp\n");
        for (var i = 0; i < CsvMiningPipeline.BatchEvents * 3; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"c{i / 3},a{i % 3},2026-01-05T08:{i % 60:00}:00Z\n");
        }

        rows.Append("c9999,\"").Append('x', 100_000).Append("\",2026-01-05T09:00:00Z\n");
        var bytes = Encoding.UTF8.GetBytes(rows.ToString());
        var options = TwoCores with { Limits = InputLimits.Default with { MaxRecordCharacters = 4096 } };

        var onePass = Assert.Throws<IngestionException>(() => EventLogReader.MineAll("big.csv", new MemoryStream(bytes), options, cancellationToken: TestContext.Current.CancellationToken));
        var pipelined = Assert.Throws<IngestionException>(() => ExportChunker.MineFile("big.csv", () => new MemoryStream(bytes), "big", options, TestContext.Current.CancellationToken));

        Assert.Equal(onePass.Message, pipelined.Message);
        Assert.Contains("line " + (CsvMiningPipeline.BatchEvents * 3 + 2).ToString(CultureInfo.InvariantCulture), pipelined.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MineFile_NoUsableRow_ReportsTheOnePassError()
    {
        var rows = new StringBuilder("case,activity,timestamp\n");
        for (var i = 0; i < 100; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"c{i},a,never\n");
        }

        var bytes = Encoding.UTF8.GetBytes(rows.ToString());

        var onePass = Assert.Throws<IngestionException>(() => EventLogReader.MineAll("none.csv", new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken));
        var pipelined = Assert.Throws<IngestionException>(() => ExportChunker.MineFile("none.csv", () => new MemoryStream(bytes), "none", TwoCores, TestContext.Current.CancellationToken));

        Assert.Equal(onePass.Message, pipelined.Message);
    }

    /// <summary>An uncompressed XES of the split's size on two cores is still split at trace boundaries and merged.</summary>
    [Fact]
    public void MineFile_XesOnTwoCores_IsSplitAndEqualsOnePass()
    {
        var bytes = TestFiles.ReadAll(TestFiles.EventLog("roadtraffic100traces.xes"));
        var onePass = EventLogReader.MineAll("roadtraffic100traces.xes", new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
        var opened = 0;
        Stream Open()
        {
            Interlocked.Increment(ref opened);
            return new MemoryStream(bytes);
        }

        var split = ExportChunker.MineFile("roadtraffic100traces.xes", Open, EventLogReader.ProcessName("roadtraffic100traces.xes"), TwoCores, TestContext.Current.CancellationToken);

        Assert.Equal(1 + 2, opened); // the plan, then one per part
        Assert.Equal(Comparable(onePass[0]), Comparable(split[0]));
    }

    /// <summary>
    /// A compressed XES (never split) of at least <see cref="ExportChunker.XesPipelineMinBytes"/> on two cores: its traces
    /// are read on one thread and mined on the other, and the result is one pass's.
    /// </summary>
    [Theory]
    [InlineData("07_bpic2013_incidents.xes.gz")]
    [InlineData("bpic2012.xes.gz")]
    [InlineData("DomesticDeclarations.xes.gz")]
    public void MineFile_CompressedXesOnTwoCores_IsPipelinedAndEqualsOnePass(string log)
    {
        var bytes = File.ReadAllBytes(TestFiles.EventLog(log)); // compressed, as shipped
        Assert.True(bytes.Length >= ExportChunker.XesPipelineMinBytes);
        var onePass = EventLogReader.MineAll(log, new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
        var opened = 0;
        Stream Open()
        {
            Interlocked.Increment(ref opened);
            return new MemoryStream(bytes);
        }

        ThreadCpu.Enabled = true;
        ThreadCpu.LastPipeline = null;
        try
        {
            var pipelined = ExportChunker.MineFile(log, Open, EventLogReader.ProcessName(log), IngestionOptions.Default with { Parallelism = 2 }, TestContext.Current.CancellationToken);

            Assert.NotNull(ThreadCpu.LastPipeline); // read on one thread, mined on the other
            Assert.Equal(1, opened);
            Assert.Equal(Comparable(onePass[0]), Comparable(pipelined[0]));
        }
        finally
        {
            ThreadCpu.Enabled = false;
        }
    }

    /// <summary>A small XES is read in one pass: a second thread would cost more than it saves.</summary>
    [Fact]
    public void MineFile_SmallXesOnTwoCores_IsOnePass()
    {
        var bytes = TestFiles.ReadAll(TestFiles.EventLog("roadtraffic100traces.xes"));
        Assert.True(bytes.Length < ExportChunker.XesPipelineMinBytes);
        ThreadCpu.Enabled = true;
        ThreadCpu.LastPipeline = null;
        try
        {
            ExportChunker.MineFile("roadtraffic100traces.xes", () => new MemoryStream(bytes), "roadtraffic100traces", IngestionOptions.Default with { Parallelism = 2 }, TestContext.Current.CancellationToken);

            Assert.Null(ThreadCpu.LastPipeline);
        }
        finally
        {
            ThreadCpu.Enabled = false;
        }
    }

    /// <summary>
    /// XES traces across many batches: names first met late, events the reader rejects (bad or missing timestamps, no
    /// activity) and the miner rejects (implausible timestamps), duplicate trace ids, a trace longer than a batch and
    /// traces over the events-per-case cap. Notes keep one pass's order and examples, the tables one pass's ids.
    /// </summary>
    [Fact]
    public void Pipeline_XesTracesAcrossBatches_EqualOnePassExactly()
    {
        var xes = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n");
        var start = new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        var i = 0;
        for (var trace = 0; trace < 3000; trace++)
        {
            var length = trace == 1234 ? CsvMiningPipeline.BatchEvents + 500 : trace == 2000 ? 4000 : 3 + (trace % 9);
            var id = trace % 701 == 5 ? trace - 1 : trace;
            xes.Append(CultureInfo.InvariantCulture, $"<trace><string key=\"concept:name\" value=\"case {id}\"/><string key=\"Region\" value=\"r{trace % 4}\"/>\n");
            for (var step = 0; step < length; step++, i++)
            {
                var when = start.AddMinutes((trace * 5) + (step * 7) - (i % 97 == 5 ? 300 : 0));
                var timestamp = i % 1013 == 17 ? "<date key=\"time:timestamp\" value=\"never\"/>"
                    : i % 1777 == 3 ? string.Empty
                    : i % 2111 == 8 ? "<date key=\"time:timestamp\" value=\"1901-01-01T00:00:00.000+00:00\"/>"
                    : $"<date key=\"time:timestamp\" value=\"{when.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture)}+01:00\"/>";
                var activity = i % 1500 == 9 ? string.Empty
                    : trace > 2200 && step == 2 ? $"<string key=\"concept:name\" value=\"Late step {i % 13}\"/>"
                    : $"<string key=\"concept:name\" value=\"Step {step % 6}\"/>";
                var resource = trace > 1500 ? $"clerk {i % 41}" : $"user {i % 5}";
                var lifecycle = step % 2 == 0 ? "start" : "complete";
                xes.Append(CultureInfo.InvariantCulture,
                    $"<event>{activity}<string key=\"org:resource\" value=\"{resource}\"/><string key=\"org:role\" value=\"role {i % 3}\"/><string key=\"lifecycle:transition\" value=\"{lifecycle}\"/>{timestamp}<int key=\"Amount\" value=\"{i % 50}\"/></event>\n");
            }

            xes.Append("</trace>\n");
        }

        xes.Append("</log>\n");
        var bytes = Encoding.UTF8.GetBytes(xes.ToString());
        var options = IngestionOptions.Default with { Limits = InputLimits.Default with { MaxEventsPerCase = 3000 } };
        var (onePass, pipelined) = MineBoth("traces.xes", bytes, options);

        Assert.True(onePass.ActivityNames.Count > 15, string.Join(", ", onePass.ActivityNames));
        Assert.True(onePass.DataQuality.CountOf(DataQualityKinds.BadTimestamp) > 10);
        Assert.True(onePass.DataQuality.CountOf(DataQualityKinds.ImplausibleTimestamp) > 5);
        Assert.True(onePass.DataQuality.CountOf(DataQualityKinds.EmptyCaseOrActivity) > 10);
        Assert.True(onePass.DataQuality.CountOf(DataQualityKinds.DuplicateCaseId) > 2);
        Assert.True(onePass.DataQuality.CountOf(DataQualityKinds.CaseTooLong) == 2);
        Assert.Equal(onePass.ActivityNames, pipelined.ActivityNames);
        Assert.Equal(onePass.ResourceNames, pipelined.ResourceNames);
        Assert.Equal(onePass.RoleNames, pipelined.RoleNames);
        Assert.Equal(onePass.EventsWithoutOffset, pipelined.EventsWithoutOffset);
        Assert.Equal(Comparable(onePass), Comparable(pipelined));
        Assert.Equal(Comparable(MinedProcess.From(onePass, TimeZoneInfo.Utc)), Comparable(MinedProcess.From(pipelined, TimeZoneInfo.Utc)));
    }
}
