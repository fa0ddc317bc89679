using System.Globalization;

namespace Admin.Load.Running;

/// <summary>
/// Samples, from /proc on the same machine, the app's resident memory and CPU and PostgreSQL's CPU (the postmaster and
/// all its backends), plus the load average: what a capacity step reports next to its latencies. Other work on the
/// machine shows in the load average, not in these per-process figures.
/// </summary>
public sealed class ProcessSampler(int appPid, int? postmasterPid)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private DateTime _t0;
    private CpuReading _cpu0 = new(0, 0, 0, 0);

    public long IdleRssBytes { get; private set; }
    public long PeakRssBytes { get; private set; }
    /// <summary>RSS when the most circuits were alive, and how many.</summary>
    public (long Rss, int Circuits) AtPeakCircuits { get; private set; }
    public string LoadAverageAtStart { get; private set; } = "";

    public void Start()
    {
        _t0 = DateTime.UtcNow;
        _cpu0 = Cpu();
        IdleRssBytes = PeakRssBytes = Rss(appPid);
        LoadAverageAtStart = LoadAverage();
    }

    public void Sample(int circuitsAlive)
    {
        var rss = Rss(appPid);
        PeakRssBytes = Math.Max(PeakRssBytes, rss);
        if (circuitsAlive >= AtPeakCircuits.Circuits) AtPeakCircuits = (rss, circuitsAlive);
    }

    public ResourceFigures Stop()
    {
        var ms = (DateTime.UtcNow - _t0).TotalMilliseconds / 100; // CPU ms over this is % of one core
        var cpu = Cpu();
        var appCpu = (cpu.AppMs - _cpu0.AppMs) / ms;
        var pgCpu = postmasterPid is null ? (double?)null : (cpu.PostgresMs - _cpu0.PostgresMs) / ms;
        var harnessCpu = (cpu.HarnessMs - _cpu0.HarnessMs) / ms;
        var (rss, circuits) = AtPeakCircuits;
        return new ResourceFigures(IdleRssBytes / 1048576.0, PeakRssBytes / 1048576.0, rss / 1048576.0, circuits,
            circuits == 0 ? null : (rss - IdleRssBytes) / 1024.0 / circuits, appCpu, pgCpu, harnessCpu, LoadAverageAtStart, LoadAverage());
    }

    /// <summary>
    /// CPU used so far (ms) by the app, PostgreSQL, this harness and the whole machine: the timeline takes the
    /// differences per window, so that a stretch where the box ran short names whose work filled it.
    /// </summary>
    public CpuReading Cpu() => new(Ticks(appPid) * MsPerTick, PostgresTicks() * MsPerTick,
        Environment.CpuUsage.TotalTime.TotalMilliseconds, MachineBusyTicks() * MsPerTick);

    private const double MsPerTick = 1000 / TicksPerSecond;

    /// <summary>
    /// The machine's busy time: the "cpu" line of /proc/stat (user, nice, system, idle, iowait, irq, softirq, steal)
    /// without idle, iowait and steal (time a virtual machine's host gave to others).
    /// </summary>
    internal static long MachineBusyTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Skip(1).Take(8).Select((f, i) => i is 3 or 4 or 7 ? 0 : long.Parse(f, CultureInfo.InvariantCulture)).Sum();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return 0; }
    }

    private static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return 0;
    }

    /// <summary>utime + stime of a process (fields 14 and 15 of /proc/pid/stat, after the parenthesised name).</summary>
    private static long Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture); // + children's (cutime, cstime)
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return 0; }
    }

    private long PostgresTicks()
    {
        if (postmasterPid is not { } pm) return 0;
        long total = Ticks(pm);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == pm) continue;
            try
            {
                var stat = File.ReadAllText($"{dir}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == pm) total += Ticks(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
        return total;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}

/// <summary>App memory (MB), KB per circuit above the idle baseline, CPU % (100 = one core), load average.</summary>
public sealed record ResourceFigures(double IdleRssMb, double PeakRssMb, double RssAtPeakCircuitsMb, int PeakCircuits, double? KbPerCircuit,
    double AppCpuPercent, double? PostgresCpuPercent, double HarnessCpuPercent, string LoadAverageStart, string LoadAverageEnd);

/// <summary>Cumulative CPU (ms) of the app, PostgreSQL (postmaster and backends), this harness and the machine.</summary>
public sealed record CpuReading(double AppMs, double PostgresMs, double HarnessMs, double MachineMs);
