using System.Diagnostics;
using Admin.Load.Running;

namespace Admin.Load.Tests;

/// <summary>The CPU readings the timeline's windows are made of, read from /proc for a real process (this one).</summary>
public sealed class ProcessSamplerTests
{
    [Fact]
    public void A_cpu_reading_grows_by_the_work_done_in_the_process_and_on_the_machine()
    {
        var sampler = new ProcessSampler(Environment.ProcessId, postmasterPid: null);
        var before = sampler.Cpu();
        var spent = Environment.CpuUsage.UserTime;
        var clock = Stopwatch.StartNew();
        while (Environment.CpuUsage.UserTime - spent < TimeSpan.FromMilliseconds(400) && clock.Elapsed < TimeSpan.FromSeconds(30)) { }
        var after = sampler.Cpu();

        // The same 400 ms of work seen three ways: as the "app" (this process, by /proc, in 10 ms ticks), as the harness
        // (the runtime's own count) and in the machine's busy time.
        Assert.InRange(after.AppMs - before.AppMs, 300, 30_000);
        Assert.InRange(after.HarnessMs - before.HarnessMs, 400, 30_000);
        Assert.InRange(after.MachineMs - before.MachineMs, 300, 60_000);
        Assert.Equal(0, after.PostgresMs);
    }
}
