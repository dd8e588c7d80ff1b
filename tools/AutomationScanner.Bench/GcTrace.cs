using System.Diagnostics.Tracing;
using System.Globalization;

namespace AutomationScanner.Bench;

/// <summary>
/// With BENCH_GC_TRACE=1 the measuring child prints each garbage collection to stderr (generation, reason, time from
/// start to end, milliseconds since the start, the thread that triggered it): for profiling the collector's share of a
/// run; nothing is printed otherwise.
/// </summary>
internal sealed class GcTrace : EventListener
{
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly Dictionary<uint, (DateTime Start, uint Depth, uint Reason, long Thread)> _open = [];

    public static GcTrace? StartIfAsked() => Environment.GetEnvironmentVariable("BENCH_GC_TRACE") == "1" ? new GcTrace() : null;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        // The events arrive on a dispatching thread some time later: their own time stamps and thread ids say when and where.
        var now = e.TimeStamp.ToUniversalTime();
        if (e.EventName == "GCStart_V2" && e.Payload is { Count: >= 3 } start)
        {
            lock (_open)
            {
                _open[Convert.ToUInt32(start[0], CultureInfo.InvariantCulture)] = (now, Convert.ToUInt32(start[1], CultureInfo.InvariantCulture), Convert.ToUInt32(start[2], CultureInfo.InvariantCulture), e.OSThreadId);
            }
        }
        else if (e.EventName == "GCEnd_V1" && e.Payload is { Count: >= 1 } end)
        {
            var count = Convert.ToUInt32(end[0], CultureInfo.InvariantCulture);
            lock (_open)
            {
                if (_open.Remove(count, out var begun))
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"gc #{count} gen{begun.Depth} reason {begun.Reason} at {(begun.Start - _started).TotalMilliseconds:F0} ms took {(now - begun.Start).TotalMilliseconds:F1} ms (OS thread {begun.Thread})"));
                }
            }
        }
    }
}
