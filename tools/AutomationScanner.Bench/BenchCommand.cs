using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Mining;
using AutomationScanner.Training;
using Spectre.Console;

namespace AutomationScanner.Bench;

/// <summary>
/// The bench tool (<c>dotnet run --project tools/AutomationScanner.Bench -c Release -- [options]</c>, formerly
/// `scanner bench`): events per second and peak memory of ingestion + mining, each case in a fresh child process so
/// the peak resident set (VmHWM) belongs to that case alone.
/// </summary>
public static class BenchCommand
{
    private static readonly string[] Activities =
    [
        "Submit application", "Check completeness", "Request missing documents", "Receive documents", "Assess credit risk",
        "Calculate offer", "Send offer", "Call customer", "Receive signed offer", "Validate signature", "Approve application",
        "Decline application", "Cancel application", "Register in core banking", "Pay out loan", "Archive file",
    ];

    /// <summary>The tool's command line: the options of <see cref="Create"/> at the root (no sub-command to type).</summary>
    public static RootCommand CreateRoot(IAnsiConsole console)
    {
        var bench = Create(console);
        var root = new RootCommand(bench.Description!) { Action = bench.Action };
        foreach (var option in bench.Options)
        {
            root.Options.Add(option);
        }

        return root;
    }

    public static Command Create(IAnsiConsole console)
    {
        var bpic = new Option<string>("--bpic") { Description = "BPIC 2012 XES(.gz)", DefaultValueFactory = _ => Path.Combine("data", "eventlogs", "bpic2012.xes.gz") };
        var events = new Option<long>("--events") { Description = "Events in the generated case-sorted CSV", DefaultValueFactory = _ => 10_000_000 };
        var work = new Option<string>("--work") { Description = "Folder for the generated files", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "scanner-bench") };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs per small input (the best is reported, after one warm-up)", DefaultValueFactory = _ => 5 };
        var ocelEvents = new Option<long>("--ocel-events") { Description = "Events in the generated OCEL 2.0 JSON (flattened per object type)", DefaultValueFactory = _ => 1_000_000 };
        var only = new Option<string?>("--only") { Description = "Measure only the inputs whose name contains this text (e.g. OCEL)" };
        var measure = new Option<string?>("--measure") { Description = "Internal: mine one file in this process and print JSON", Hidden = true };
        var parts = new Option<string?>("--parts")
        {
            Description = "Split the generated CSV into these part counts (e.g. 1,2,4,8) with ExportChunker, as a Durable scan does, and report per count",
        };
        var threads = new Option<string?>("--threads")
        {
            Description = "Mine the generated CSV on these thread counts (e.g. 1,2) as `scanner scan` does (ExportChunker.MineFile: split at case boundaries, mined at once, merged) and report events/s, CPU time and peak memory per count",
        };
        var onlyPart = new Option<int>("--only-part") { Description = "Internal: mine only this part (-1: all)", Hidden = true, DefaultValueFactory = _ => -1 };
        var measureSuitability = new Option<bool>("--measure-suitability") { Description = "Internal: load the shipped suitability model cold and print JSON", Hidden = true };
        var embeddingCache = new Option<DirectoryInfo>("--embedding-cache")
        {
            Description = "Folder of the sentence-embedding cache of the label set (shared with `scanner train` and `scanner evaluate`)",
            DefaultValueFactory = _ => new DirectoryInfo(LabelSetReader.DefaultEmbeddingCacheFolder),
        };
        var startupInput = new Option<string>("--startup-input") { Description = "The tiny export scanned by --only Startup", DefaultValueFactory = _ => Path.Combine("samples", "running-example.xes") };
        var scanner = new Option<string>("--scanner") { Description = "The scanner binary --only Startup runs (its apphost or .dll; a ReadyToRun publish to measure what users run)", DefaultValueFactory = _ => Path.Combine("src", "AutomationScanner.Cli", "bin", "Release", "net10.0", OperatingSystem.IsWindows() ? "scanner.exe" : "scanner") };
        var command = new Command("bench", "Measure ingestion + mining speed and peak memory (BPIC 2012 XES/CSV and a generated large CSV), the suitability model (--only Suitability) and start-up (--only Startup: --help and a tiny scan, whole process and by phase)")
        {
            bpic, events, work, repeat, measure, ocelEvents, parts, only, onlyPart, measureSuitability, embeddingCache, startupInput, scanner, threads,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(measureSuitability))
            {
                Console.WriteLine(await SuitabilityBench.MeasureColdAsync(parse.GetValue(embeddingCache)!.FullName, cancellationToken));
                return 0;
            }

            if (parse.GetValue(only) is { } startup && StartupBench.Name.Contains(startup, StringComparison.OrdinalIgnoreCase))
            {
                return await StartupBench.RunAsync(console, parse.GetValue(scanner)!, parse.GetValue(startupInput)!, parse.GetValue(repeat), cancellationToken);
            }

            if (parse.GetValue(only) is { } part && SuitabilityBench.Name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return await SuitabilityBench.RunAsync(console, parse.GetValue(embeddingCache)!.FullName, cancellationToken);
            }

            if (parse.GetValue(measure) is { } file)
            {
                if (parse.GetValue(threads) is { } threadCount)
                {
                    Console.WriteLine(ThreadBench.Measure(file, int.Parse(threadCount, CultureInfo.InvariantCulture), cancellationToken));
                    return 0;
                }

                Console.WriteLine(parse.GetValue(parts) is { } count
                    ? MeasureParts(file, int.Parse(count, CultureInfo.InvariantCulture), parse.GetValue(onlyPart), cancellationToken)
                    : Measure(file, parse.GetValue(repeat), cancellationToken));
                return 0;
            }

            var folder = Directory.CreateDirectory(parse.GetValue(work)!).FullName;
            if (parse.GetValue(threads) is { } threadCounts)
            {
                var generated = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"generated-{parse.GetValue(events)}.csv"));
                if (!File.Exists(generated))
                {
                    console.MarkupLine("Generating the case-sorted CSV...");
                    Generate(generated, parse.GetValue(events));
                }

                return await ThreadBench.RunAsync(console, generated, threadCounts, parse.GetValue(repeat), cancellationToken);
            }

            if (parse.GetValue(parts) is { } partCounts)
            {
                return await BenchPartsAsync(console, folder, parse.GetValue(events), parse.GetValue(bpic)!, partCounts, cancellationToken);
            }

            var filter = parse.GetValue(only);
            bool Wanted(string name) => filter is null || name.Contains(filter, StringComparison.OrdinalIgnoreCase);
            var bpicPath = parse.GetValue(bpic)!;
            if (!File.Exists(bpicPath) && (Wanted("BPIC 2012 XES") || Wanted("BPIC 2012 XES.gz") || Wanted("BPIC 2012 CSV")))
            {
                console.MarkupLineInterpolated($"[red]error:[/] {bpicPath} not found (run from the repository root or pass --bpic)");
                return 1;
            }

            var xes = Path.Combine(folder, "bpic2012.xes");
            var csv = Path.Combine(folder, "bpic2012.csv");
            var large = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"generated-{parse.GetValue(events)}.csv"));
            console.MarkupLine("Preparing inputs (decompressed XES, its CSV export, the generated CSV)...");
            if (Wanted("BPIC 2012 XES") || Wanted("BPIC 2012 CSV"))
            {
                Decompress(bpicPath, xes);
                if (!File.Exists(csv))
                {
                    ExportCsv(xes, csv);
                }
            }

            var ocel = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"generated-{parse.GetValue(ocelEvents)}.jsonocel"));
            if (!File.Exists(large) && Wanted("Generated CSV (case-sorted)"))
            {
                Generate(large, parse.GetValue(events));
            }

            if (!File.Exists(ocel) && Wanted("Generated OCEL 2.0 JSON"))
            {
                OcelBenchLog.Generate(ocel, parse.GetValue(ocelEvents));
            }

            var table = new Table().AddColumns("Input", "Events", "Size", "Best wall time", "Events/s (wall)", "Events/s (CPU time)", "Peak memory", "Allocated");
            var inputs = new[]
            {
                ("BPIC 2012 XES", xes, parse.GetValue(repeat)), ("BPIC 2012 XES.gz", bpicPath, parse.GetValue(repeat)), ("BPIC 2012 CSV", csv, parse.GetValue(repeat)),
                ("Generated CSV (case-sorted)", large, 1), ("Generated OCEL 2.0 JSON (flattened per object type)", ocel, 1),
            };
            foreach (var (name, path, runs) in inputs.Where(i => Wanted(i.Item1)))
            {
                var result = await RunChildAsync(path, runs, cancellationToken);
                table.AddRow(name, result.Events.ToString("N0", CultureInfo.InvariantCulture), FormatBytes(new FileInfo(path).Length),
                    string.Create(CultureInfo.InvariantCulture, $"{result.Seconds:0.000} s"),
                    (result.Events / result.Seconds).ToString("N0", CultureInfo.InvariantCulture),
                    (result.Events / result.CpuSeconds).ToString("N0", CultureInfo.InvariantCulture), FormatBytes(result.PeakBytes), FormatBytes(result.AllocatedBytes));
            }

            console.Write(table);
            console.MarkupLineInterpolated($"[grey]{Environment.ProcessorCount} cores, .NET {Environment.Version}, one thread per file; CPU time is the process's (all threads, GC included), robust to other load; peak memory is the child process's VmHWM. OCEL events are the log's own events (each is flattened into every object type it touches). Children: {CoreBuild()}.[/]");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// One measured input; <paramref name="AllocatedBytes"/> is what the timed run allocated on the managed heap (per-event
    /// allocations show here); for parts also the sidecars written (all parts) and the largest part's activity output as JSON.
    /// </summary>
    internal sealed record BenchResult(long Events, double Seconds, double CpuSeconds, long PeakBytes, long AllocatedBytes = 0, long SidecarBytes = 0, long PayloadBytes = 0, long InlineVariantsPayloadBytes = 0)
    {
        /// <summary>Threads bench: the parts mined at once (wall and process CPU seconds); the rest is the merge and the start-time replay.</summary>
        public double MineSeconds { get; init; }

        public double MineCpuSeconds { get; init; }

        public int Parts { get; init; }

        /// <summary>Threads bench, two threads: CPU seconds of the thread that reads the CSV and of the one that mines it.</summary>
        public double ReaderCpuSeconds { get; init; }

        public double MinerCpuSeconds { get; init; }
    }

    /// <summary>
    /// The generated CSV (and BPIC 2012 as XES, when it is there) split into N parts (ExportChunker: case-aligned byte
    /// ranges), each count in a fresh child: all parts mined at once (one thread per part, up to the cores), merged and
    /// the start times estimated from the parts' journals, then one part alone, which is what one Durable activity
    /// holds in memory. Also the sidecars' bytes (what the parts store in blobs) and the largest activity output.
    /// </summary>
    private static async Task<int> BenchPartsAsync(IAnsiConsole console, string folder, long events, string bpic, string partCounts, CancellationToken cancellationToken)
    {
        var large = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"generated-{events}.csv"));
        if (!File.Exists(large))
        {
            console.MarkupLine("Generating the case-sorted CSV...");
            Generate(large, events);
        }

        var inputs = new List<(string Name, string Path)>();
        if (File.Exists(bpic))
        {
            var xes = Path.Combine(folder, "bpic2012.xes");
            Decompress(bpic, xes);
            inputs.Add(("BPIC 2012 XES", xes));
        }

        inputs.Add(("Generated CSV", large));
        var table = new Table().AddColumns("Input", "Parts", "Events", "Wall time (all parts, merged)", "CPU time", "Peak memory (all parts)", "Sidecars (all parts)", "Largest activity output", "Part 0 output with variants inline", "Wall time (one part)", "Peak memory (one part)");
        foreach (var (name, path) in inputs)
        {
            foreach (var count in partCounts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)))
            {
                var all = await RunChildAsync(path, 1, cancellationToken, ["--parts", count.ToString(CultureInfo.InvariantCulture)]);
                var one = await RunChildAsync(path, 1, cancellationToken, ["--parts", count.ToString(CultureInfo.InvariantCulture), "--only-part", "0"]);
                table.AddRow(name, count.ToString(CultureInfo.InvariantCulture), all.Events.ToString("N0", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"{all.Seconds:0.0} s"), string.Create(CultureInfo.InvariantCulture, $"{all.CpuSeconds:0.0} s"), FormatBytes(all.PeakBytes),
                    FormatBytes(all.SidecarBytes), FormatBytes(all.PayloadBytes), FormatBytes(one.InlineVariantsPayloadBytes),
                    string.Create(CultureInfo.InvariantCulture, $"{one.Seconds:0.0} s"), FormatBytes(one.PeakBytes));
            }
        }

        console.Write(table);
        console.MarkupLineInterpolated($"[grey]{Environment.ProcessorCount} cores, .NET {Environment.Version}; {FormatBytes(new FileInfo(large).Length)} generated file; all parts run on up to {Environment.ProcessorCount} threads; a part's peak memory is what one MineChunk activity needs; sidecars are the start-time journals stored as blobs; the activity output is the part's MinedChunk as JSON.[/]");
        return 0;
    }

    private static string MeasureParts(string file, int parts, int onlyPart, CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Stream Open() => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 0x10000);
        var name = Path.GetFileName(file);
        IReadOnlyList<ExportChunk> plan;
        using (var content = Open())
        {
            plan = ExportChunker.Plan(name, content, parts);
        }

        long events;
        long sidecarBytes;
        long payloadBytes;
        long inlineBytes = 0;
        if (onlyPart >= 0)
        {
            using var part = Open();
            using var sidecar = ExportChunker.TemporarySidecar();
            var mined = ExportChunker.Mine(name, part, plan[Math.Min(onlyPart, plan.Count - 1)], EventLogReader.ProcessName(name), sidecar, cancellationToken: cancellationToken);
            (events, sidecarBytes, payloadBytes) = (mined.Events, mined.SidecarBytes, JsonBytes(mined));

            // What the output was while the variant hashes travelled in it (before they moved to the sidecar).
            watch.Stop();
            var inline = LogAggregate.FromState(mined.Aggregate!);
            sidecar.Position = mined.VariantsAt;
            inline.ReadVariants(sidecar, mined.Aggregate!.ActivityNames);
            inlineBytes = JsonBytes(mined with { Aggregate = inline.ToState() });
            watch.Start();
        }
        else
        {
            // As a Durable scan does it: every part mined with its sidecar, then merged and the journals replayed.
            var sidecars = plan.Select(_ => ExportChunker.TemporarySidecar()).ToArray();
            try
            {
                var mined = new MinedChunk[plan.Count];
                Parallel.For(0, plan.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
                {
                    using var content = Open();
                    mined[i] = ExportChunker.Mine(name, content, plan[i], EventLogReader.ProcessName(name), sidecars[i], cancellationToken: cancellationToken);
                });
                var merged = ExportChunker.Merge(name, mined, m =>
                {
                    var sidecar = sidecars[m.Chunk.Index];
                    sidecar.Position = 0;
                    return sidecar;
                });
                (events, sidecarBytes, payloadBytes) = (merged.Events, mined.Sum(m => m.SidecarBytes), mined.Max(JsonBytes));
            }
            finally
            {
                foreach (var sidecar in sidecars)
                {
                    sidecar.Dispose();
                }
            }
        }

        watch.Stop();
        process.Refresh();
        return JsonSerializer.Serialize(new BenchResult(events, watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, PeakResidentBytes(), SidecarBytes: sidecarBytes, PayloadBytes: payloadBytes, InlineVariantsPayloadBytes: inlineBytes));
    }

    /// <summary>The size of a part's activity output as JSON, counted as it streams (not held, so peak memory is the part's).</summary>
    private static long JsonBytes(MinedChunk mined)
    {
        using var counter = new CountingSink();
        JsonSerializer.Serialize(counter, mined);
        return counter.Length;
    }

    /// <summary>Counts what is written to it and keeps nothing.</summary>
    private sealed class CountingSink : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static string Measure(string file, int repeat, CancellationToken cancellationToken)
    {
        var runs = file.Contains("generated", StringComparison.Ordinal) ? 1 : repeat + 1;
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        long events = 0;
        long allocated = 0;
        using var process = Process.GetCurrentProcess();
        using var gcTrace = GcTrace.StartIfAsked();
        for (var run = 0; run < runs; run++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 0x10000);
            var mined = EventLogReader.MineAll(Path.GetFileName(file), stream, cancellationToken: cancellationToken);
            watch.Stop();
            process.Refresh();

            // An object-centric log counts its own events once, not once per object type it was flattened on.
            events = mined[0].Summary.ObjectCentric?.LogEvents ?? mined[0].Summary.Events;
            if (run > 0 || runs == 1)
            {
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
            }
        }

        if (Environment.GetEnvironmentVariable("BENCH_GC_STATS") == "1")
        {
            // The collections the run took (stderr: the parent reads stdout), for profiling the collector's share.
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gc: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms"));
            foreach (var kind in new[] { GCKind.Ephemeral, GCKind.FullBlocking })
            {
                var info = GC.GetGCMemoryInfo(kind);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"gc last {kind}: #{info.Index} gen{info.Generation} pause {info.PauseDurations[0].TotalMilliseconds:F1} ms, promoted {info.PromotedBytes >> 20} MiB, heap {info.HeapSizeBytes >> 20} MiB, compacted {info.Compacted}, after (gen0 gen1 gen2 loh poh, MiB) {string.Join(' ', info.GenerationInfo.ToArray().Select(g => (g.SizeAfterBytes >> 20).ToString(CultureInfo.InvariantCulture)))}, before {string.Join(' ', info.GenerationInfo.ToArray().Select(g => (g.SizeBeforeBytes >> 20).ToString(CultureInfo.InvariantCulture)))}"));
            }
        }

        return JsonSerializer.Serialize(new BenchResult(events, best, bestCpu, PeakResidentBytes(), allocated));
    }

    internal static async Task<BenchResult> RunChildAsync(string file, int repeat, CancellationToken cancellationToken, string[]? extra = null)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        }

        foreach (var argument in new[] { "--measure", file, "--repeat", repeat.ToString(CultureInfo.InvariantCulture) }.Concat(extra ?? []))
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        return JsonSerializer.Deserialize<BenchResult>(output.Trim().Split('\n')[^1])!;
    }

    /// <summary>
    /// Whether the children run precompiled code: the Core assembly ReadyToRun (a published bench, as a published scanner
    /// runs it) or not (dotnet run/build output: the JIT compiles it).
    /// </summary>
    internal static string CoreBuild() =>
        StartupBench.IsReadyToRun(typeof(EventLogReader).Assembly.Location)
            ? "Core ReadyToRun (published, as the scanner CLI ships)"
            : "Core not ReadyToRun (dotnet run/build output, JIT; dotnet publish tools/AutomationScanner.Bench -c Release -o DIR for the shipped kind)";

    internal static long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Environment.WorkingSet;
    }

    private static void Decompress(string source, string destination)
    {
        if (File.Exists(destination))
        {
            return;
        }

        using var input = new GZipStream(File.OpenRead(source), CompressionMode.Decompress);
        using var output = File.Create(destination);
        input.CopyTo(output);
    }

    /// <summary>Writes the XES log as a flat CSV (case, activity, timestamp, resource, lifecycle) in file order.</summary>
    private static void ExportCsv(string xes, string csv)
    {
        using var reader = XmlReader.Create(xes, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        using var writer = new StreamWriter(csv, false, new UTF8Encoding(false), 0x10000);
        writer.WriteLine("case:concept:name,concept:name,time:timestamp,org:resource,lifecycle:transition");
        string caseId = string.Empty;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var inEvent = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName == "event")
                {
                    inEvent = true;
                    fields.Clear();
                }
                else if (reader.GetAttribute("key") is { } key)
                {
                    if (inEvent)
                    {
                        fields[key] = reader.GetAttribute("value") ?? string.Empty;
                    }
                    else if (key == "concept:name")
                    {
                        caseId = reader.GetAttribute("value") ?? string.Empty;
                    }
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "event")
            {
                inEvent = false;
                writer.WriteLine(string.Join(',', caseId, Quote(fields.GetValueOrDefault("concept:name", string.Empty)), fields.GetValueOrDefault("time:timestamp", string.Empty),
                    fields.GetValueOrDefault("org:resource", string.Empty), fields.GetValueOrDefault("lifecycle:transition", string.Empty)));
            }
        }
    }

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A case-sorted log with realistic shape: 3-30 events per case, start/complete pairs, 200 resources, offsets.</summary>
    private static void Generate(string path, long events)
    {
        var random = new Random(1);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 20))
        {
            writer.WriteLine("case_id,activity,timestamp,resource,lifecycle");
            var clock = new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Unspecified);
            long written = 0;
            long caseNumber = 0;
            Span<char> buffer = stackalloc char[32];
            while (written < events)
            {
                caseNumber++;
                var caseClock = clock.AddMinutes(random.Next(0, 30));
                clock = clock.AddSeconds(20);
                var length = (int)Math.Min(random.Next(3, 31), events - written);
                var activity = Activities[0];
                var resource = "system";
                for (var i = 0; i < length; i++)
                {
                    if (i % 2 == 0)
                    {
                        activity = Activities[Math.Min(Activities.Length - 1, i / 2 + random.Next(0, 3))];
                        resource = random.Next(0, 10) == 0 ? "system" : string.Create(CultureInfo.InvariantCulture, $"user{random.Next(0, 200):D3}");
                    }

                    var lifecycle = i % 2 == 0 ? "start" : "complete";
                    caseClock = caseClock.AddSeconds(random.Next(5, 3600));
                    writer.Write("C");
                    writer.Write(caseNumber.ToString(CultureInfo.InvariantCulture));
                    writer.Write(',');
                    writer.Write(activity);
                    writer.Write(',');
                    caseClock.TryFormat(buffer, out var written8601, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
                    writer.Write(buffer[..written8601]);
                    writer.Write("+01:00,");
                    writer.Write(resource);
                    writer.Write(',');
                    writer.WriteLine(lifecycle);
                }

                written += length;
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    internal static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
    };
}
