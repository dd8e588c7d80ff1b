using System.Runtime.InteropServices;

namespace AutomationScanner.Core.Embeddings;

/// <summary>
/// Keeps ONNX Runtime's native allocations from staying resident after use (Linux, glibc). ONNX Runtime takes its
/// memory arena's regions (and, with the arena off, each activation buffer of a run) from <c>malloc</c>; glibc serves buffers over its mmap threshold with their own mapping
/// and unmaps them on free, but raises that threshold (up to 32 MB) each time such a buffer is freed, so the next runs'
/// buffers of a few MB come from the heap, fragment it and are never given back: a cold BPIC 2012 scan kept ~210 MB
/// after embedding its texts. <see cref="FixMmapThreshold"/> pins the threshold at <see cref="MmapThresholdBytes"/>
/// (which also stops the raising), so every large buffer is returned when ONNX Runtime frees it; <see cref="Trim"/>
/// gives back the free pages of the heap. While a model's session is created, <see cref="LargeBuffersFromHeap"/> lets
/// the heap serve those buffers instead: ONNX Runtime pre-packs every MatMul weight into a zeroed buffer of its own
/// (37 of 0.6-2.3 MB for MiniLM) even when the saved pre-packed copy is then used, and a fresh mapping for each of them
/// is ~41 MiB of page faults and zeroing, more than the rest of the session (README "Start-up", round 12). None of
/// this changes a computed value. Elsewhere (Windows, musl) all of it does nothing.
/// </summary>
internal static class NativeHeap
{
    /// <summary>Allocations from this size get their own mapping (glibc's default before it starts raising it).</summary>
    public const int MmapThresholdBytes = 128 * 1024;

    /// <summary>While a session is created: buffers up to this size come from the heap (glibc's own upper limit for its raised threshold).</summary>
    public const int LoadMmapThresholdBytes = 32 * 1024 * 1024;

    /// <summary>While a session is created: the heap keeps this much free at its top, so a freed buffer serves the next one.</summary>
    public const int LoadTrimThresholdBytes = 64 * 1024 * 1024;

    /// <summary>glibc's default trim threshold, set again when a load's window closes.</summary>
    public const int TrimThresholdBytes = 128 * 1024;

    private const int MallocTrimThreshold = -1;
    private const int MallocMmapThreshold = -3;

    private static readonly Lock Gate = new();
    private static bool _fixed;
    private static int _windows;
    private static long _opened;

    /// <summary>Windows of <see cref="LargeBuffersFromHeap"/> open now, in the whole process (tests wait for none).</summary>
    internal static int OpenWindows => Volatile.Read(ref _windows);

    /// <summary>Windows of <see cref="LargeBuffersFromHeap"/> opened so far in the process (tests tell whether one opened while they measured).</summary>
    internal static long WindowsOpened => Interlocked.Read(ref _opened);

    /// <summary>Pins glibc's mmap threshold once per process; false where that is not possible.</summary>
    public static bool FixMmapThreshold()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        lock (Gate)
        {
            if (_fixed)
            {
                return true;
            }

            _fixed = true;

            // An open window pins it when it closes.
            return _windows > 0 || Set(MallocMmapThreshold, MmapThresholdBytes);
        }
    }

    /// <summary>
    /// Until the returned scope is disposed, large buffers (up to <see cref="LoadMmapThresholdBytes"/>) come from the
    /// heap and a freed one is kept there for the next (<see cref="LoadTrimThresholdBytes"/>); then the mmap threshold
    /// is pinned again (<see cref="FixMmapThreshold"/>), the trim threshold set back to glibc's default and the heap's
    /// free pages given back (<see cref="Trim"/>). For the creation of an ONNX session, whose pre-packing allocates,
    /// zeroes and frees one buffer per weight: from the heap they reuse the same pages instead of faulting in a fresh
    /// mapping each. Scopes may overlap (another thread's load); the last to close restores. Process-wide, like glibc's
    /// settings; on other platforms it does nothing.
    /// </summary>
    public static HeapWindow LargeBuffersFromHeap()
    {
        if (!OperatingSystem.IsLinux())
        {
            return default;
        }

        lock (Gate)
        {
            Interlocked.Increment(ref _opened);
            if (_windows++ == 0)
            {
                _ = Set(MallocMmapThreshold, LoadMmapThresholdBytes) && Set(MallocTrimThreshold, LoadTrimThresholdBytes);
            }
        }

        return new HeapWindow(open: true);
    }

    private static void CloseWindow()
    {
        lock (Gate)
        {
            if (--_windows > 0)
            {
                return;
            }

            _fixed = true;
            _ = Set(MallocMmapThreshold, MmapThresholdBytes) && Set(MallocTrimThreshold, TrimThresholdBytes);
        }

        Trim();
    }

    private static bool Set(int parameter, int value)
    {
        try
        {
            return Mallopt(parameter, value) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The scope of <see cref="LargeBuffersFromHeap"/>; disposing it restores the pinned thresholds.</summary>
    public readonly struct HeapWindow : IDisposable
    {
        private readonly bool _open;

        internal HeapWindow(bool open) => _open = open;

        public void Dispose()
        {
            if (_open)
            {
                CloseWindow();
            }
        }
    }

    /// <summary>Gives the heap's free pages back to the system (glibc <c>malloc_trim</c>); false where not possible.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return MallocTrim(0) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // DllImport, not LibraryImport: the signatures are blittable, and LibraryImport would need unsafe code in Core.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mallopt(int parameter, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
#pragma warning restore SYSLIB1054
}
