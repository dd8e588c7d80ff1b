using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AutomationScanner.Core.Diagnostics;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using Spectre.Console;

namespace AutomationScanner.Bench;

/// <summary>
/// `--threads 1,2` of the bench tool: one large export mined as `scanner scan` mines it (<see cref="ExportChunker.MineFile"/>)
/// on 1, 2... threads, each count in a fresh child process (best of the runs after a warm-up run in the same child is
/// not possible for the peak, so each run is its own child): events/s of wall and of CPU time (all threads, GC included)
/// and the child's peak resident set.
/// </summary>
internal static class ThreadBench
{
    public static async Task<int> RunAsync(IAnsiConsole console, string file, string threadCounts, int repeat, CancellationToken cancellationToken)
    {
        var load = LoadAverage();
        var table = new Table().AddColumns("Threads", "Events", "Wall time (best)", "Events/s (wall)", "CPU time (user+sys)", "Events/s (CPU)", "Peak memory (VmHWM)", "Parts mined: wall / CPU (pipeline: each thread's CPU)", "Merge + replay: wall / CPU", "Load average");
        var runs = Math.Clamp(repeat, 1, 5);
        foreach (var count in threadCounts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)))
        {
            BenchCommand.BenchResult? best = null;
            long peak = 0;
            for (var run = 0; run < runs; run++)
            {
                var result = await BenchCommand.RunChildAsync(file, 1, cancellationToken, ["--threads", count.ToString(CultureInfo.InvariantCulture)]);
                peak = Math.Max(peak, result.PeakBytes);
                best = best is null || result.Seconds < best.Seconds ? result : best;
            }

            table.AddRow(count.ToString(CultureInfo.InvariantCulture), best!.Events.ToString("N0", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{best.Seconds:0.00} s"), (best.Events / best.Seconds).ToString("N0", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{best.CpuSeconds:0.00} s"), (best.Events / best.CpuSeconds).ToString("N0", CultureInfo.InvariantCulture),
                BenchCommand.FormatBytes(peak),
                best.Parts == 0 ? (best.MinerCpuSeconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"pipeline: read {best.ReaderCpuSeconds:0.00} s / mine {best.MinerCpuSeconds:0.00} s CPU") : "one pass") : string.Create(CultureInfo.InvariantCulture, $"{best.Parts} parts: {best.MineSeconds:0.00} s / {best.MineCpuSeconds:0.00} s"),
                best.Parts == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{best.Seconds - best.MineSeconds:0.00} s / {best.CpuSeconds - best.MineCpuSeconds:0.00} s"),
                LoadAverage());
        }

        console.Write(table);
        console.MarkupLineInterpolated($"[grey]{Environment.ProcessorCount} cores, .NET {Environment.Version}; {BenchCommand.FormatBytes(new FileInfo(file).Length)} case-sorted CSV; {runs} run(s) per count, each a fresh child (best wall time shown, with its CPU time; peak memory is the largest of the runs); load average before: {load}. On a shared machine read CPU time and memory, not wall time.[/]");
        return 0;
    }

    /// <summary>Mines <paramref name="file"/> in this process on <paramref name="threads"/> threads and prints the result as JSON.</summary>
    public static string Measure(string file, int threads, CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var name = Path.GetFileName(file);
        var options = IngestionOptions.Default with { Parallelism = threads, ParallelMinBytes = 0 };
        Stream Open() => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 0x10000);
        if (threads <= 2)
        {
            // One thread: one pass. Two: the rows read on one thread and mined on the other (CsvMiningPipeline).
            ThreadCpu.Enabled = true;
            var mined = ExportChunker.MineFile(name, Open, EventLogReader.ProcessName(name), options, cancellationToken);
            watch.Stop();
            process.Refresh();
            var (reader, miner) = threads == 2 && ThreadCpu.LastPipeline is { } split ? split : (0, 0);
            return JsonSerializer.Serialize(new BenchCommand.BenchResult(mined[0].Summary.Events, watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, BenchCommand.PeakResidentBytes())
            {
                ReaderCpuSeconds = reader,
                MinerCpuSeconds = miner,
            });
        }

        // What MineFile does for a large export on more cores (the same plan and merge), with the time at which the parts were
        // mined: the rest is the merge of the later parts into the first and the replay of their start-time journals.
        var mineSeconds = 0.0;
        var mineCpu = 0.0;
        var merged = ExportChunker.MineInParallel(name, Open, EventLogReader.ProcessName(name), threads, threads, options, cancellationToken, () =>
        {
            mineSeconds = watch.Elapsed.TotalSeconds;
            process.Refresh();
            mineCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
        });
        var events = MinedProcess.From(merged, options.DefaultTimeZone).Summary.Events;
        watch.Stop();
        process.Refresh();
        var total = (process.TotalProcessorTime - cpu).TotalSeconds;
        return JsonSerializer.Serialize(new BenchCommand.BenchResult(events, watch.Elapsed.TotalSeconds, total, BenchCommand.PeakResidentBytes())
        {
            MineSeconds = mineSeconds,
            MineCpuSeconds = mineCpu,
            Parts = threads,
        });
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
