using System.Globalization;

namespace AutomationScanner.Core.Diagnostics;

/// <summary>
/// CPU time of the calling thread (Linux: /proc/thread-self/stat), and that of the reading and the mining thread of the
/// last pipelined CSV read in this process, for the bench: on a shared machine the larger of the two, not the wall
/// time, says what the pipeline's wall time is on an idle one. Off unless the bench switches it on.
/// </summary>
public static class ThreadCpu
{
    /// <summary>Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>True to record <see cref="LastPipeline"/>.</summary>
    public static bool Enabled { get; set; }

    /// <summary>Seconds of CPU of the reading and the mining thread of the last pipelined read; null before one.</summary>
    public static (double ReaderSeconds, double MinerSeconds)? LastPipeline { get; internal set; }

    /// <summary>The calling thread's CPU seconds (user and system) so far; null where /proc does not tell.</summary>
    public static double? Current()
    {
        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");

            // The name, in parentheses, may hold spaces: the fields are counted after it (state is field 3, utime 14, stime 15).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
