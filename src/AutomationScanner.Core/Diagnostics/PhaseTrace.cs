using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Diagnostics;

/// <summary>
/// The child side of the start-up benchmark (tools/AutomationScanner.Bench, <c>--only Startup</c>): a process started with
/// <see cref="TraceVariable"/> set records its phases with <see cref="PhaseClock"/> and writes them, its CPU time and its
/// peak memory to that file on exit. Does nothing when the variable is not set.
/// </summary>
public static class PhaseTrace
{
    /// <summary>Environment variable naming the file a traced process writes its <see cref="Trace"/> to.</summary>
    public const string TraceVariable = "AUTOMATIONSCANNER_PHASE_TRACE";

    /// <summary>
    /// What a traced process reports: its phases, CPU time (all threads, from process start), peak resident set, and the
    /// parts timed across phases (absent in a trace from a scanner before they existed).
    /// </summary>
    public sealed record Trace(IReadOnlyList<PhaseTime> Phases, double CpuMs, long PeakBytes, IReadOnlyList<PartTime>? Parts = null);

    /// <summary>Starts the phase clock when this process is traced; the first phase is the runtime's start-up.</summary>
    public static void BeginIfAsked()
    {
        if (Environment.GetEnvironmentVariable(TraceVariable) is { Length: > 0 })
        {
            using var process = Process.GetCurrentProcess();
            PhaseClock.Start("runtime start-up (to Main)", DateTime.Now - process.StartTime);
        }
    }

    /// <summary>Writes the trace of a traced process (no-op otherwise).</summary>
    public static void EndIfAsked()
    {
        if (Environment.GetEnvironmentVariable(TraceVariable) is not { Length: > 0 } path || !PhaseClock.Enabled)
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        File.WriteAllText(path, JsonSerializer.Serialize(new Trace(PhaseClock.Phases, process.TotalProcessorTime.TotalMilliseconds, PeakResidentBytes(), PhaseClock.Parts), PhaseTraceJson.Default.Trace));
    }

    /// <summary>Reads a trace file written by <see cref="EndIfAsked"/>.</summary>
    public static Trace Read(string json) =>
        JsonSerializer.Deserialize(json, PhaseTraceJson.Default.Trace) ?? throw new InvalidDataException("empty phase trace");

    private static long PeakResidentBytes()
    {
        if (File.Exists("/proc/self/status"))
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}

/// <summary>The trace's JSON, generated at compile time: writing it must not add reflection and JIT to the process it measures.</summary>
[JsonSerializable(typeof(PhaseTrace.Trace))]
internal sealed partial class PhaseTraceJson : JsonSerializerContext;
