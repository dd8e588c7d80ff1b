using System.Runtime.InteropServices;

namespace AutomationScanner.Core.Embeddings;

/// <summary>
/// Keeps ONNX Runtime's native allocations from staying resident after use (Linux, glibc). ONNX Runtime takes its
/// memory arena's regions (and, with the arena off, each activation buffer of a run) from <c>malloc</c>; glibc serves buffers over its mmap threshold with their own mapping
/// and unmaps them on free, but raises that threshold (up to 32 MB) each time such a buffer is freed, so the next runs'
/// buffers of a few MB come from the heap, fragment it and are never given back: a cold BPIC 2012 scan kept ~210 MB
/// after embedding its texts. <see cref="FixMmapThreshold"/> pins the threshold at <see cref="MmapThresholdBytes"/>
/// (which also stops the raising), so every large buffer is returned when ONNX Runtime frees it; <see cref="Trim"/>
/// gives back the free pages of the heap. Neither changes a computed value. Elsewhere (Windows, musl) both do nothing.
/// </summary>
internal static class NativeHeap
{
    /// <summary>Allocations from this size get their own mapping (glibc's default before it starts raising it).</summary>
    public const int MmapThresholdBytes = 128 * 1024;

    private const int MallocMmapThreshold = -3;

    private static int _fixed;

    /// <summary>Pins glibc's mmap threshold once per process; false where that is not possible.</summary>
    public static bool FixMmapThreshold()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        if (Interlocked.Exchange(ref _fixed, 1) == 1)
        {
            return true;
        }

        try
        {
            return Mallopt(MallocMmapThreshold, MmapThresholdBytes) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
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
