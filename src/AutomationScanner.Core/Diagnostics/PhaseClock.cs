using System.Diagnostics;

namespace AutomationScanner.Core.Diagnostics;

/// <summary>One timed phase of a process: wall and CPU time (all threads) since the previous mark, and the resident set at its end.</summary>
public sealed record PhaseTime(string Phase, double WallMs, double CpuMs, long ResidentBytes);

/// <summary>
/// Where a process's time goes, for <c>--only Startup</c>: code marks the end of each phase and the clock
/// keeps the wall and CPU time since the previous mark. Off unless <see cref="Start"/> was called (a disabled mark costs
/// one branch), so hosts never pay for it.
/// </summary>
public static class PhaseClock
{
    private static readonly Lock Gate = new();
    private static readonly List<PhaseTime> Marks = [];
    private static Stopwatch? _watch;
    private static TimeSpan _cpu;
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

    /// <summary>Starts the clock; <paramref name="sinceProcessStart"/> is recorded as the first phase (runtime start to here).</summary>
    public static void Start(string firstPhase, TimeSpan sinceProcessStart)
    {
        lock (Gate)
        {
            Marks.Clear();
            var (cpu, resident) = Now();
            _cpu = cpu;
            Marks.Add(new PhaseTime(firstPhase, sinceProcessStart.TotalMilliseconds, _cpu.TotalMilliseconds, resident));
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
            Marks.Add(new PhaseTime(phase, now - _last, (cpu - _cpu).TotalMilliseconds, resident));
            (_last, _cpu) = (now, cpu);
        }
    }

    private static (TimeSpan Cpu, long Resident) Now()
    {
        using var process = Process.GetCurrentProcess();
        return (process.TotalProcessorTime, process.WorkingSet64);
    }
}
