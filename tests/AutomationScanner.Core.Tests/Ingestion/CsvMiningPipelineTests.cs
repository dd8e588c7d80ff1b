using System.Globalization;
using System.Text;
using System.Text.Json;
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

    /// <summary>An XES on two cores is still split at trace boundaries and merged (the pipeline is for CSV rows).</summary>
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
}
