using System.Diagnostics;
using System.Globalization;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using AutomationScanner.Core.Diagnostics;
using Spectre.Console;

namespace AutomationScanner.Bench;

/// <summary>
/// <c>--only Startup</c> of the bench tool: what a user waits for on a small export. Whole-process time of
/// <c>scanner --help</c> and of a tiny scan (embedding cache cold: the MiniLM model loads; and warm: it does not), each
/// run in a fresh child process, and the phases inside one scan from the child's own <see cref="PhaseClock"/>, with the
/// parts timed across phases (the MiniLM model's load, tokenizer and runs) in the cold scan.
/// A child started with <see cref="PhaseTrace.TraceVariable"/> set writes its phases, CPU time and peak memory to that file on exit.
/// </summary>
internal static class StartupBench
{
    public const string Name = "Startup";

    private sealed record Run(double WallMs, PhaseTrace.Trace Trace);

    public static async Task<int> RunAsync(IAnsiConsole console, string scanner, string input, int repeat, CancellationToken cancellationToken)
    {
        if (!File.Exists(scanner))
        {
            console.MarkupLineInterpolated($"[red]error:[/] the scanner {scanner} was not found (build src/AutomationScanner.Cli -c Release, or publish it and pass --scanner)");
            return 1;
        }

        scanner = Path.GetFullPath(scanner);
        if (!File.Exists(input) && !Directory.Exists(input))
        {
            console.MarkupLineInterpolated($"[red]error:[/] {input} not found (run from the repository root or pass --startup-input)");
            return 1;
        }

        repeat = Math.Max(1, repeat);
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "scanner-bench-startup-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture))).FullName;
        var load = LoadAverage();
        try
        {
            var warmOut = Path.Combine(work, "warm");
            string[] help = ["--help"];
            string[] warmScan = ["scan", Path.GetFullPath(input), "--out", warmOut, "--no-llm"];

            // One warm-up of each (disk cache, and the warm scan's embedding cache), then the timed runs.
            await RunChildAsync(scanner, work, help, cancellationToken);
            await RunChildAsync(scanner, work, warmScan, cancellationToken);
            var helpRuns = new List<Run>();
            var warmRuns = new List<Run>();
            var coldRuns = new List<Run>();
            for (var i = 0; i < repeat; i++)
            {
                helpRuns.Add(await RunChildAsync(scanner, work, help, cancellationToken));
                warmRuns.Add(await RunChildAsync(scanner, work, warmScan, cancellationToken));
                var coldOut = Path.Combine(work, "cold-" + i.ToString(CultureInfo.InvariantCulture));
                coldRuns.Add(await RunChildAsync(scanner, work, ["scan", Path.GetFullPath(input), "--out", coldOut, "--no-llm"], cancellationToken));
                Directory.Delete(coldOut, recursive: true);
            }

            var table = new Table().AddColumns("Whole process (median of runs)", "Wall", "CPU (user+sys)", "Peak memory (VmHWM)");
            foreach (var (label, runs) in new[]
            {
                ("scanner --help", helpRuns),
                (F($"scan {Path.GetFileName(input)}, embedding cache warm"), warmRuns),
                (F($"scan {Path.GetFileName(input)}, embedding cache cold (MiniLM loads; its optimised form saved by the warm-up)"), coldRuns),
            })
            {
                table.AddRow(Markup.Escape(label), F($"{Median(runs, r => r.WallMs):0} ms"), F($"{Median(runs, r => r.Trace.CpuMs):0} ms"), Mib(Median(runs, r => r.Trace.PeakBytes)));
            }

            console.Write(table);
            var phases = new Table().AddColumns("Phase of one scan (median of runs)", "Warm: wall", "Warm: CPU", "Warm: JIT (methods)", "Warm: resident at end", "Cold: wall", "Cold: CPU", "Cold: JIT (methods)", "Cold: resident at end");
            var names = warmRuns[0].Trace.Phases.Select(p => p.Phase).Concat(coldRuns[0].Trace.Phases.Select(p => p.Phase)).Distinct(StringComparer.Ordinal);
            foreach (var phase in names)
            {
                phases.AddRow(
                    Markup.Escape(phase),
                    F($"{PhaseMedian(warmRuns, phase, p => p.WallMs):0} ms"), F($"{PhaseMedian(warmRuns, phase, p => p.CpuMs):0} ms"), Jit(warmRuns, phase), Mib(PhaseMedian(warmRuns, phase, p => p.ResidentBytes)),
                    F($"{PhaseMedian(coldRuns, phase, p => p.WallMs):0} ms"), F($"{PhaseMedian(coldRuns, phase, p => p.CpuMs):0} ms"), Jit(coldRuns, phase), Mib(PhaseMedian(coldRuns, phase, p => p.ResidentBytes)));
            }

            phases.AddRow(
                "all phases (JIT: what ReadyToRun left to compile)",
                F($"{Median(warmRuns, r => r.Trace.Phases.Sum(p => p.WallMs)):0} ms"), F($"{Median(warmRuns, r => r.Trace.Phases.Sum(p => p.CpuMs)):0} ms"), Jit(warmRuns, phase: null), string.Empty,
                F($"{Median(coldRuns, r => r.Trace.Phases.Sum(p => p.WallMs)):0} ms"), F($"{Median(coldRuns, r => r.Trace.Phases.Sum(p => p.CpuMs)):0} ms"), Jit(coldRuns, phase: null), string.Empty);
            console.Write(phases);
            var parts = new Table().AddColumns("Part of the cold scan, across phases (median of runs)", "Calls", "Items", "Wall", "CPU (all threads while it ran)");
            foreach (var part in coldRuns.SelectMany(r => r.Trace.Parts ?? []).Select(p => p.Part).Distinct(StringComparer.Ordinal))
            {
                parts.AddRow(
                    Markup.Escape(part),
                    F($"{PartMedian(coldRuns, part, p => p.Calls):0}"), F($"{PartMedian(coldRuns, part, p => p.Items):0}"),
                    F($"{PartMedian(coldRuns, part, p => p.WallMs):0} ms"), F($"{PartMedian(coldRuns, part, p => p.CpuMs):0} ms"));
            }

            if (parts.Rows.Count > 0)
            {
                console.Write(parts);
            }

            console.MarkupLineInterpolated(
                $"[grey]{Machine(scanner)}; load average {load} before, {LoadAverage()} after. {repeat} runs each after one warm-up, each in a fresh process; wall is from process start to exit as the parent sees it, CPU (all threads, from process start) and peak memory as the child reports them just before it exits. The first phase (runtime start-up) is wall time since the OS started the process; its CPU column is the process's CPU time by then.[/]");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<Run> RunChildAsync(string scanner, string work, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var traceFile = Path.Combine(work, "trace.json");
        File.Delete(traceFile);
        // The scanner's apphost, or its .dll run with the same dotnet as this process.
        var start = scanner.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false, ArgumentList = { scanner } }
            : new ProcessStartInfo(scanner) { RedirectStandardOutput = true, UseShellExecute = false };

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[PhaseTrace.TraceVariable] = traceFile;
        var watch = Stopwatch.StartNew();
        using var child = Process.Start(start)!;
        await child.StandardOutput.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var wall = watch.Elapsed.TotalMilliseconds;
        if (child.ExitCode != 0 || !File.Exists(traceFile))
        {
            throw new InvalidOperationException(F($"scanner {string.Join(' ', arguments)} exited with {child.ExitCode} and no trace"));
        }

        return new Run(wall, PhaseTrace.Read(await File.ReadAllTextAsync(traceFile, cancellationToken)));
    }

    private static double Median<T>(IReadOnlyList<T> runs, Func<T, double> value)
    {
        var sorted = runs.Select(value).Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Median JIT time and methods compiled in a phase, or in all of them (<paramref name="phase"/> null).</summary>
    private static string Jit(IReadOnlyList<Run> runs, string? phase)
    {
        bool Of(PhaseTime p) => phase is null || p.Phase == phase;
        return F($"{Median(runs, r => r.Trace.Phases.Where(Of).Sum(p => p.JitMs)):0} ms ({Median(runs, r => r.Trace.Phases.Where(Of).Sum(p => p.JitMethods)):0})");
    }

    private static double PartMedian(IReadOnlyList<Run> runs, string part, Func<PartTime, double> value) =>
        Median(runs, r => (r.Trace.Parts ?? []).Where(p => p.Part == part).Sum(value));

    private static double PhaseMedian(IReadOnlyList<Run> runs, string phase, Func<PhaseTime, double> value) =>
        Median(runs, r => r.Trace.Phases.Where(p => p.Phase == phase).Sum(value));

    /// <summary>Cores, CPU model, OS, .NET version and how the scanner is compiled (<see cref="Build"/>).</summary>
    internal static string Machine(string scanner)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return F($"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, scanner: {Build(scanner)}");
    }

    /// <summary>How the scanner was built: Native AOT (one executable, no scanner.dll beside it), or its assemblies with or without ReadyToRun code.</summary>
    internal static string Build(string scanner)
    {
        var assembly = scanner.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? scanner : Path.ChangeExtension(scanner, ".dll");
        return !File.Exists(assembly) ? "Native AOT (no JIT)" : IsReadyToRun(assembly) ? "assemblies ReadyToRun" : "assemblies not ReadyToRun (JIT)";
    }

    /// <summary>True when the assembly carries precompiled native code (a ReadyToRun header).</summary>
    internal static bool IsReadyToRun(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Mib(double bytes) => F($"{bytes / (1024.0 * 1024):0} MiB");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
