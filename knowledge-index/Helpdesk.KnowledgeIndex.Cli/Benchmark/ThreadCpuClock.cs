using System.Runtime.InteropServices;

namespace Helpdesk.KnowledgeIndex.Cli.Benchmark;

/// <summary>
/// CPU time consumed by the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanosecond
/// resolution). Unlike wall-clock time it does not grow while the thread waits for a core, so on a shared machine
/// it shows what a query costs rather than how busy the machine was.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Whether the clock can be read here (Linux only; elsewhere the bench reports wall-clock only).</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>The thread's CPU time so far, in milliseconds (0 when unavailable).</summary>
    public static double NowMilliseconds() => IsAvailable && TryRead(out var milliseconds) ? milliseconds : 0;

    private static bool TryRead(out double milliseconds)
    {
        try
        {
            if (NativeMethods.ClockGetTime(ClockThreadCpuTimeId, out var value) == 0)
            {
                milliseconds = (value.Seconds * 1_000.0) + (value.Nanoseconds / 1_000_000.0);
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }

        milliseconds = 0;
        return false;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "clock_gettime")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int ClockGetTime(int clockId, out Timespec value);
    }
}
