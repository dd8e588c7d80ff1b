using System.Globalization;
using System.Runtime.InteropServices;
using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Tests.Embeddings;

/// <summary>
/// glibc's thresholds are process-wide, and so is its heap: a model load in a test running beside these opens its own
/// window (buffers from the heap), and (the likely cause of the skips below, not proven) a session that an earlier test
/// created in a window and disposed later leaves large free chunks in the heap that a 2.3 MB request reuses without a
/// page fault, whatever the threshold. In the shared test process the measurements depended on which tests ran before
/// (in clean-clone CIs they skipped in some runs and not in others). They run in a process of their own: <see cref="NativeHeapInAFreshProcessTests"/> starts
/// this assembly's runner for each of them, so they always start from the state a scan process starts from.
/// </summary>
public sealed class NativeHeapTests
{
    /// <summary>The size of MiniLM's larger pre-packed MatMul weights (384 x 1536 floats).</summary>
    private const int PackedWeightBytes = 2_359_296;

    private const int Cycles = 12;

    [Fact(Explicit = true)]
    public void LargeBuffersFromHeap_AllocateZeroFreeCycles_ReuseThePages_ThenTheThresholdIsPinnedAgain()
    {
        // What a session's pre-packing does per weight: allocate, zero, free. With the mmap threshold pinned each
        // buffer is a fresh mapping (a page fault per 4 KiB page); inside the window they reuse the heap's pages.
        Assert.SkipUnless(OperatingSystem.IsLinux() && ThreadFaults.Available, "glibc's thresholds and /proc/thread-self are Linux's");
        NativeHeap.FixMmapThreshold();
        var pagesPerCycle = PackedWeightBytes / Environment.SystemPageSize;
        AllocateZeroFree();

        var pinned = FaultsWithNoOtherWindow();
        SkipUnlessPinned(pinned, pagesPerCycle);
        long inWindow;
        using (NativeHeap.LargeBuffersFromHeap())
        {
            inWindow = ThreadFaults.During(AllocateZeroFree);
        }

        var after = FaultsWithNoOtherWindow();

        Assert.True(pinned >= Cycles * pagesPerCycle / 2, $"pinned: {pinned} faults");
        Assert.True(inWindow <= 2 * pagesPerCycle, $"in the window: {inWindow} faults (pinned {pinned})");
        Assert.True(after >= Cycles * pagesPerCycle / 2, $"after the window: {after} faults");
    }

    [Fact(Explicit = true)]
    public void LargeBuffersFromHeap_Overlapping_TheLastToCloseRestores()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && ThreadFaults.Available, "glibc's thresholds and /proc/thread-self are Linux's");
        NativeHeap.FixMmapThreshold();
        var pagesPerCycle = PackedWeightBytes / Environment.SystemPageSize;

        SkipUnlessPinned(FaultsWithNoOtherWindow(), pagesPerCycle);

        var outer = NativeHeap.LargeBuffersFromHeap();
        long stillOpen;
        using (NativeHeap.LargeBuffersFromHeap())
        {
            _ = ThreadFaults.During(AllocateZeroFree);
        }

        stillOpen = ThreadFaults.During(AllocateZeroFree);
        outer.Dispose();
        var closed = FaultsWithNoOtherWindow();

        Assert.True(stillOpen <= 2 * pagesPerCycle, $"one window still open: {stillOpen} faults");
        Assert.True(closed >= Cycles * pagesPerCycle / 2, $"both closed: {closed} faults");
    }

    private static readonly byte[] Zeros = new byte[PackedWeightBytes];

    /// <summary>
    /// The tests measure what the windows change from the pinned threshold, so they need it pinned when they start. In
    /// three clean-clone CIs (stops 32 and 33, rounds 14 and 16) both tests found the process unpinned with no window
    /// open and none opened during the count: 0 faults for twelve fresh 2.3 MB buffers, or one buffer's 576, which is
    /// glibc's dynamic threshold (raised by the first free), as if no mallopt had taken effect in that process. Not
    /// root-caused then (the round-16 note); round 27 moved the tests into a process of their own (a likely cause
    /// in the shared process: free chunks an earlier test's disposed session left in the heap), where the start
    /// state is pinned. A skip there still says what was found, and the fresh-process runner counts it as a failure.
    /// </summary>
    private static void SkipUnlessPinned(long faults, int pagesPerCycle) =>
        Assert.SkipWhen(
            faults < Cycles * pagesPerCycle / 2,
            $"glibc's mmap threshold is not pinned in this process at the start ({faults} faults for {Cycles} fresh {PackedWeightBytes}-byte buffers, no heap window open)");

    /// <summary>
    /// The faults of <see cref="AllocateZeroFree"/> while no heap window is open anywhere in the process. A model load
    /// that an earlier test started in the background (MiniLM's preload) may open its own window at any time, and
    /// glibc's thresholds are process-wide: a measurement during which one was open, or opened and closed, is taken
    /// again (clean-clone CIs failed three times on a window that opened before or during the measurement).
    /// </summary>
    private static long FaultsWithNoOtherWindow()
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            Assert.True(
                SpinWait.SpinUntil(() => NativeHeap.OpenWindows == 0, TimeSpan.FromTicks(Math.Max(0, (deadline - DateTime.UtcNow).Ticks))),
                "another heap window stayed open");
            var opened = NativeHeap.WindowsOpened;
            var faults = ThreadFaults.During(AllocateZeroFree);
            if (NativeHeap.WindowsOpened == opened && NativeHeap.OpenWindows == 0)
            {
                return faults;
            }

            Assert.True(DateTime.UtcNow < deadline, "other heap windows kept opening while the faults were counted");
        }
    }

    private static void AllocateZeroFree()
    {
        for (var i = 0; i < Cycles; i++)
        {
            var buffer = Marshal.AllocHGlobal(PackedWeightBytes);
            try
            {
                Marshal.Copy(Zeros, 0, buffer, PackedWeightBytes);
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }
    }
}

/// <summary>Minor page faults of the calling thread (<c>/proc/thread-self/stat</c>, Linux).</summary>
internal static class ThreadFaults
{
    private const string StatPath = "/proc/thread-self/stat";

    public static bool Available => File.Exists(StatPath);

    public static long Now()
    {
        // After the command name in parentheses: state, ppid, pgrp, session, tty_nr, tpgid, flags, minflt.
        var stat = File.ReadAllText(StatPath);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture);
    }

    public static long During(Action action)
    {
        var before = Now();
        action();
        return Now() - before;
    }
}
