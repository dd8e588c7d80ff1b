using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Tests.Fuzzing;
using AutomationScanner.Core.Tests.Hostile;

namespace AutomationScanner.Core.Tests.Ingestion.Xes;

/// <summary>
/// The evidence for keeping <see cref="XmlScanner"/> (issue 16, docs/readers.md): the shipped XES reader and an
/// XmlReader-based oracle with the same rules give identical statistics on every shipped XES log, and on the same
/// fuzzed inputs neither crashes and both agree on what they read.
/// </summary>
public sealed class XesReaderDifferentialTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static TheoryData<string> ShippedXesLogs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "eventlogs", "samples" })
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", folder)).Order(StringComparer.Ordinal))
            {
                if (path.EndsWith(".xes", StringComparison.Ordinal) || path.EndsWith(".xes.gz", StringComparison.Ordinal))
                {
                    data.Add(folder + "/" + Path.GetFileName(path));
                }
            }
        }

        return data;
    }

    [Fact]
    public void ShippedXesLogs_AreAllFound()
    {
        // data/eventlogs holds 14 XES logs and samples 2: a rename must not quietly shrink the comparison.
        Assert.True(ShippedXesLogs().Count >= 16, $"{ShippedXesLogs().Count} XES logs found");
    }

    [Theory]
    [MemberData(nameof(ShippedXesLogs))]
    public void ShippedLog_ScannerAndXmlReader_GiveIdenticalStatistics(string log)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", log));
        var name = Path.GetFileName(log);

        var shipped = Mine(name, bytes, oracle: false, IngestionOptions.Default);
        var oracle = Mine(name, bytes, oracle: true, IngestionOptions.Default);

        Assert.True(shipped.Events > 0);
        Assert.Equal(oracle.Events, shipped.Events);
        Assert.Equal(oracle.Json, shipped.Json);
    }

    [Fact]
    public void FuzzedXes_NeitherReaderCrashes_AndTheyAgree()
    {
        var options = new IngestionOptions { Limits = new InputLimits { MaxDecompressedBytes = 16 << 20, RatioCheckAfterBytes = 1 << 20 } };
        var corpus = ReaderFuzzTests.SeedCorpus("xes");
        var mutator = new Mutator(ReaderFuzzTests.SeedFor("xes-differential"));
        var clock = Stopwatch.StartNew();
        int runs = 0, bothRead = 0, bothRefused = 0, sameStatistics = 0, sameActivities = 0, onlyScanner = 0, onlyXmlReader = 0;
        var shippedCrashes = new List<string>();
        var oracleCrashes = new List<string>();
        var disagreements = new List<string>();
        while (clock.Elapsed < ReaderFuzzTests.Budget)
        {
            var input = mutator.Mutate(corpus[runs % corpus.Count], corpus);
            if (runs % 4 == 3)
            {
                input = HostileFiles.Gzip(input, CompressionLevel.Fastest);
            }

            var shipped = Outcome("fuzz.xes", input, oracle: false, options, shippedCrashes);
            var oracle = Outcome("fuzz.xes", input, oracle: true, options, oracleCrashes);
            runs++;
            if (shipped is null || oracle is null)
            {
                continue;
            }

            if (shipped.Value.Read && oracle.Value.Read)
            {
                bothRead++;
                sameStatistics += shipped.Value.Json == oracle.Value.Json ? 1 : 0;
                sameActivities += shipped.Value.Activities == oracle.Value.Activities ? 1 : 0;
                if (shipped.Value.Activities != oracle.Value.Activities && disagreements.Count < 6)
                {
                    disagreements.Add($"input {runs}: both read, different events or activities");
                }
            }
            else if (!shipped.Value.Read && !oracle.Value.Read)
            {
                bothRefused++;
            }
            else
            {
                onlyScanner += shipped.Value.Read ? 1 : 0;
                onlyXmlReader += oracle.Value.Read ? 1 : 0;
                if (disagreements.Count < 6)
                {
                    disagreements.Add($"input {runs}: scanner {(shipped.Value.Read ? "read" : "refused: " + shipped.Value.Json)}, XmlReader {(oracle.Value.Read ? "read" : "refused: " + oracle.Value.Json)}");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant(
            $"{runs} inputs in {clock.Elapsed.TotalSeconds:0.0} s: both read {bothRead} (same events and activity statistics {sameActivities}, identical including data-quality texts {sameStatistics}), both refused {bothRefused}, only the scanner read {onlyScanner}, only XmlReader read {onlyXmlReader}; crashes: scanner {shippedCrashes.Count}, XmlReader {oracleCrashes.Count}"));
        foreach (var d in disagreements)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(d);
        }

        Assert.True(runs > 20, $"only {runs} inputs ran");
        Assert.Empty(shippedCrashes);
        Assert.Empty(oracleCrashes);
        Assert.True(bothRead > 0 && bothRefused > 0, "the corpus exercises both reading and refusing");
    }

    /// <summary>
    /// Opt-in (XES_SPEED=1, run alone): both readers mine BPIC 2012 (262,200 events) three times each, alternating;
    /// events per CPU-second and per wall second are written to the test output for docs/readers.md.
    /// </summary>
    [Fact]
    public void Speed_Bpic2012_BothReaders()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable("XES_SPEED") == "1", "set XES_SPEED=1 to measure");
        var bytes = TestFiles.ReadAll(TestFiles.EventLog("bpic2012.xes.gz"));
        var process = Process.GetCurrentProcess();
        Mine("bpic2012.xes", bytes, oracle: false, IngestionOptions.Default); // warm-up, both
        Mine("bpic2012.xes", bytes, oracle: true, IngestionOptions.Default);
        var repeats = int.TryParse(Environment.GetEnvironmentVariable("XES_SPEED_REPEATS"), out var r) ? r : 3;
        for (var i = 0; i < repeats * 2; i++)
        {
            var oracle = i % 2 == 1;
            GC.Collect();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var result = Mine("bpic2012.xes", bytes, oracle, IngestionOptions.Default);
            clock.Stop();
            process.Refresh();
            var seconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(oracle ? "XmlReader " : "XmlScanner")}: {result.Events} events, CPU {seconds:0.000} s ({result.Events / seconds:0} events/CPU-s), wall {clock.Elapsed.TotalSeconds:0.000} s ({result.Events / clock.Elapsed.TotalSeconds:0} events/s), allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:0.0} MiB"));
        }
    }

    private static (long Events, string Json, string Activities) Mine(string name, byte[] bytes, bool oracle, IngestionOptions options)
    {
        var log = new LogAggregate(EventLogReader.ProcessName(name), options.Mining);
        var miner = new ProcessMiner(log);
        using (var export = ExportSniffer.Open(name, new MemoryStream(bytes), options.Limits))
        {
            if (export.Format != ExportFormat.Xes)
            {
                throw new IngestionException(name, "sniffed as " + export.Format + ", not XES");
            }

            log.Files.Add(name);
            miner.Limits = options.Limits;
            try
            {
                if (oracle)
                {
                    XmlReaderXesReader.Read(name, export, miner, options, TestContext.Current.CancellationToken);
                }
                else
                {
                    XesEventLogReader.Read(name, export, miner, options, TestContext.Current.CancellationToken);
                }
            }
            finally
            {
                foreach (var problem in export.Problems(name))
                {
                    log.DataQuality.Add(DataQualityKinds.EncodingOrCompression, problem);
                }
            }
        }

        miner.Complete();
        var mined = MinedProcess.From(log, options.DefaultTimeZone);
        return (mined.Summary.Events, JsonSerializer.Serialize(mined, Json), mined.Summary.Events + " " + JsonSerializer.Serialize(mined.Activities, Json));
    }

    /// <summary>What one reader made of an input: read (its statistics) or refused (the error); null after a crash.</summary>
    private static (bool Read, string Json, string Activities)? Outcome(string name, byte[] input, bool oracle, IngestionOptions options, List<string> crashes)
    {
        try
        {
            var mined = Mine(name, input, oracle, options);
            return (true, mined.Json, mined.Activities);
        }
        catch (IngestionException ex) when (ex.Message.StartsWith(name, StringComparison.Ordinal))
        {
            return (false, ex.Message, string.Empty);
        }
#pragma warning disable CA1031 // Anything else that escapes is a crash to count.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            crashes.Add($"{(oracle ? "XmlReader" : "XmlScanner")}: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
            return null;
        }
    }
}
