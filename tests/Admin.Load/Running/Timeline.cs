using System.Diagnostics;

namespace Admin.Load.Running;

/// <summary>
/// The run in windows of <see cref="Window"/>: actions, how many took over <see cref="BarMs"/> and over <see cref="SlowMs"/>,
/// the slowest, what the harness itself went through (its GC pauses, its thread pool's queue), the machine's stall time on
/// I/O and memory (Linux pressure stall information: every task waiting) and on CPU (some task runnable but waiting for a
/// core: the box saturated), and the app's GC pauses when its metrics are read. A tail over the bar that gathers in a
/// few windows across every action is a stall of something shared, one spread over all windows a steady cost; one that
/// matches the harness's own pauses is the harness's, not the app's. With --app-pid, each window also has the CPU the
/// app, PostgreSQL, the harness and everything else on the machine (a browser user among it) used in it.
/// </summary>
public sealed class Timeline
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    public const double SlowMs = 1000;
    /// <summary>The bar for every action's p95.</summary>
    public const double BarMs = 250;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Bucket> _buckets = [];
    private TimeSpan _gcPause0 = GC.GetTotalPauseDuration();
    private long _io0 = FullStallMicroseconds("io"), _memory0 = FullStallMicroseconds("memory"), _cpu0 = StallMicroseconds("cpu", "some");
    private CpuReading? _cpuUse0;

    public void Action(double ms)
    {
        lock (_buckets)
        {
            var b = Current();
            b.Actions++;
            if (ms > BarMs) b.OverBar++;
            if (ms > SlowMs) b.Slow++;
            b.MaxMs = Math.Max(b.MaxMs, ms);
        }
    }

    /// <summary>
    /// Called every couple of seconds: the harness's GC pause, the machine's stalls and, given a reading, the processes'
    /// CPU since the last call; the pool's queue now.
    /// </summary>
    public void Sample(CpuReading? cpuUse = null)
    {
        var pause = GC.GetTotalPauseDuration();
        var (io, memory, cpu) = (FullStallMicroseconds("io"), FullStallMicroseconds("memory"), StallMicroseconds("cpu", "some"));
        lock (_buckets)
        {
            var b = Current();
            b.HarnessGcPauseMs += (pause - _gcPause0).TotalMilliseconds;
            b.HarnessQueueMax = Math.Max(b.HarnessQueueMax, ThreadPool.PendingWorkItemCount);
            b.IoStallMs += (io - _io0) / 1000.0;
            b.MemoryStallMs += (memory - _memory0) / 1000.0;
            b.CpuStallMs += (cpu - _cpu0) / 1000.0;
            if (cpuUse is not null && _cpuUse0 is { } before)
            {
                var (app, pg, harness) = (cpuUse.AppMs - before.AppMs, cpuUse.PostgresMs - before.PostgresMs, cpuUse.HarnessMs - before.HarnessMs);
                (b.AppCpuMs, b.PostgresCpuMs, b.HarnessCpuMs) = (b.AppCpuMs + app, b.PostgresCpuMs + pg, b.HarnessCpuMs + harness);
                // The machine's counter and the processes' are read at slightly different moments; "other" never goes below 0.
                b.OtherCpuMs += Math.Max(0, cpuUse.MachineMs - before.MachineMs - app - pg - harness);
            }
            if (cpuUse is not null) _cpuUse0 = cpuUse;
        }
        (_gcPause0, _io0, _memory0, _cpu0) = (pause, io, memory, cpu);
    }

    /// <summary>The app's GC pause (ms, from its metrics) since the last reading, into the current window.</summary>
    public void AppGcPause(double ms)
    {
        lock (_buckets) Current().AppGcPauseMs += ms;
    }

    /// <summary>The "full" total of /proc/pressure/RESOURCE (µs all tasks were stalled on it); 0 where the kernel has none.</summary>
    public static long FullStallMicroseconds(string resource) => StallMicroseconds(resource, "full");

    /// <summary>The total of a /proc/pressure/RESOURCE line ("some": µs at least one task waited; "full": all did); 0 where the kernel has none.</summary>
    public static long StallMicroseconds(string resource, string kind)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/pressure/" + resource))
                if (line.StartsWith(kind + " ", StringComparison.Ordinal) && line.LastIndexOf("total=", StringComparison.Ordinal) is var at and >= 0)
                    return long.Parse(line.AsSpan(at + "total=".Length), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException) { }
        return 0;
    }

    public IReadOnlyList<TimelineWindow> Windows()
    {
        lock (_buckets)
            return _buckets.Select((b, i) => new TimelineWindow((int)(i * Window.TotalSeconds), b.Actions, b.OverBar, b.Slow, Math.Round(b.MaxMs),
                Math.Round(b.HarnessGcPauseMs), b.HarnessQueueMax, Math.Round(b.IoStallMs), Math.Round(b.MemoryStallMs), Math.Round(b.CpuStallMs),
                Math.Round(b.AppGcPauseMs), Math.Round(b.AppCpuMs), Math.Round(b.PostgresCpuMs), Math.Round(b.HarnessCpuMs), Math.Round(b.OtherCpuMs))).ToList();
    }

    /// <summary>
    /// The CPU of app, PostgreSQL, harness and the rest of the machine over <paramref name="windows"/>, each as % of one
    /// core; null without windows or readings. Set beside the calm windows' figures, the slow windows' name whose work
    /// grew when the box ran short.
    /// </summary>
    public static CpuShare? Share(IReadOnlyCollection<TimelineWindow> windows)
    {
        var ms = windows.Count * Window.TotalMilliseconds / 100;
        if (windows.Count == 0 || windows.All(w => w.AppCpuMs + w.PostgresCpuMs + w.HarnessCpuMs + w.OtherCpuMs == 0)) return null;
        return new CpuShare(windows.Sum(w => w.AppCpuMs) / ms, windows.Sum(w => w.PostgresCpuMs) / ms, windows.Sum(w => w.HarnessCpuMs) / ms,
            windows.Sum(w => w.OtherCpuMs) / ms);
    }

    private Bucket Current()
    {
        var index = (int)(_clock.Elapsed / Window);
        while (_buckets.Count <= index) _buckets.Add(new Bucket());
        return _buckets[index];
    }

    private sealed class Bucket
    {
        public int Actions, OverBar, Slow;
        public double MaxMs, HarnessGcPauseMs, IoStallMs, MemoryStallMs, CpuStallMs, AppGcPauseMs, AppCpuMs, PostgresCpuMs, HarnessCpuMs, OtherCpuMs;
        public long HarnessQueueMax;
    }
}

/// <summary>
/// One window of the run: its start (s), actions, those over the bar and over a second, the slowest (ms), the harness's GC
/// pause (ms) and queue, the ms every task on the machine waited for I/O and for memory, the ms some task waited for a
/// core, the app's GC pause (ms; 0 without --app-metrics), and the CPU (ms; 0 without --app-pid) of the app, PostgreSQL,
/// the harness and the rest of the machine.
/// </summary>
public sealed record TimelineWindow(int Second, int Actions, int OverBar, int Slow, double MaxMs, double HarnessGcPauseMs, long HarnessQueueMax,
    double IoStallMs, double MemoryStallMs, double CpuStallMs, double AppGcPauseMs, double AppCpuMs = 0, double PostgresCpuMs = 0,
    double HarnessCpuMs = 0, double OtherCpuMs = 0);

/// <summary>CPU as % of one core: the app, PostgreSQL, the harness, the rest of the machine (a browser user among it).</summary>
public sealed record CpuShare(double App, double Postgres, double Harness, double Other)
{
    public override string ToString() => FormattableString.Invariant($"app {App:0} %, PostgreSQL {Postgres:0} %, harness {Harness:0} %, the rest {Other:0} %");
}
