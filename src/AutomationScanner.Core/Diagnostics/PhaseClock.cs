using System.Diagnostics;
using System.Runtime;

namespace AutomationScanner.Core.Diagnostics;

/// <summary>
/// One timed phase of a process: wall and CPU time (all threads) since the previous mark, the resident set at its end,
/// and the methods the JIT compiled in it and the time it spent doing so (all threads: code that ReadyToRun did not
/// precompile, and the tiered recompilation of hot methods).
/// </summary>
public sealed record PhaseTime(string Phase, double WallMs, double CpuMs, long ResidentBytes, double JitMs = 0, long JitMethods = 0);

/// <summary>
/// Where a process's time goes, for <c>--only Startup</c>: code marks the end of each phase and the clock
/// keeps the wall and CPU time since the previous mark. Off unless <see cref="Start"/> was called (a disabled mark costs
/// one branch), so hosts never pay for it.
/// </summary>
public static class PhaseClock
{
    private static readonly Lock Gate = new();
    private static readonly List<PhaseTime> Marks = [];
    private static readonly List<PartTime> PartTimes = [];
    private static Stopwatch? _watch;
    private static TimeSpan _cpu;
    private static TimeSpan _jit;
    private static long _jitMethods;
    private static double _last;

    public static bool Enabled => _watch is not null;

    /// <summary>The phases marked so far, in order.</summary>
    public static IReadOnlyList<PhaseTime> Phases
    {
        get
        {
            lock (Gate)
            {
                return [.. Marks];
            }
        }
    }

    /// <summary>The parts timed with <see cref="Part"/> so far, in the order each first ran.</summary>
    public static IReadOnlyList<PartTime> Parts
    {
        get
        {
            lock (Gate)
            {
                return [.. PartTimes];
            }
        }
    }

    /// <summary>
    /// Times one call of the part called <paramref name="part"/> until the scope is disposed (calls of the same part add
    /// up), which handled <paramref name="items"/> items. Costs nothing when the clock is off.
    /// </summary>
    public static PartScope Part(string part, long items = 0) => _watch is null ? default : new PartScope(part, items, _watch.Elapsed.TotalMilliseconds, Now().Cpu);

    /// <summary>Starts the clock; <paramref name="sinceProcessStart"/> is recorded as the first phase (runtime start to here).</summary>
    public static void Start(string firstPhase, TimeSpan sinceProcessStart)
    {
        lock (Gate)
        {
            Marks.Clear();
            PartTimes.Clear();
            var (cpu, resident) = Now();
            _cpu = cpu;
            (_jit, _jitMethods) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
            Marks.Add(new PhaseTime(firstPhase, sinceProcessStart.TotalMilliseconds, _cpu.TotalMilliseconds, resident, _jit.TotalMilliseconds, _jitMethods));
            _last = 0;
            _watch = Stopwatch.StartNew();
        }
    }

    /// <summary>Ends the phase called <paramref name="phase"/> (no-op when the clock is off).</summary>
    public static void Mark(string phase)
    {
        if (_watch is null)
        {
            return;
        }

        lock (Gate)
        {
            var now = _watch.Elapsed.TotalMilliseconds;
            var (cpu, resident) = Now();
            var (jit, jitMethods) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
            Marks.Add(new PhaseTime(phase, now - _last, (cpu - _cpu).TotalMilliseconds, resident, (jit - _jit).TotalMilliseconds, jitMethods - _jitMethods));
            (_last, _cpu, _jit, _jitMethods) = (now, cpu, jit, jitMethods);
        }
    }

    private static void AddPart(string part, long items, double wallMs, double cpuMs)
    {
        lock (Gate)
        {
            var index = PartTimes.FindIndex(p => p.Part == part);
            if (index < 0)
            {
                PartTimes.Add(new PartTime(part, 1, wallMs, cpuMs, items));
            }
            else
            {
                var before = PartTimes[index];
                PartTimes[index] = before with { Calls = before.Calls + 1, WallMs = before.WallMs + wallMs, CpuMs = before.CpuMs + cpuMs, Items = before.Items + items };
            }
        }
    }

    /// <summary>One timed call of a part (see <see cref="Part"/>); the default value times nothing.</summary>
    public readonly struct PartScope : IDisposable
    {
        private readonly string? _part;
        private readonly long _items;
        private readonly double _startMs;
        private readonly TimeSpan _startCpu;

        internal PartScope(string part, long items, double startMs, TimeSpan startCpu) => (_part, _items, _startMs, _startCpu) = (part, items, startMs, startCpu);

        public void Dispose()
        {
            if (_part is not null && _watch is { } watch)
            {
                AddPart(_part, _items, watch.Elapsed.TotalMilliseconds - _startMs, (Now().Cpu - _startCpu).TotalMilliseconds);
            }
        }
    }

    private static (TimeSpan Cpu, long Resident) Now()
    {
        using var process = Process.GetCurrentProcess();
        return (process.TotalProcessorTime, process.WorkingSet64);
    }
}
