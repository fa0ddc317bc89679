using Admin.Load.Running;

namespace Admin.Load.Tests;

public class TimelineTests
{
    [Fact]
    public void A_window_counts_its_actions_those_over_the_bar_the_slow_ones_and_the_slowest()
    {
        var timeline = new Timeline();
        timeline.Action(12);
        timeline.Action(1500);
        timeline.Action(40);
        timeline.Action(300);
        timeline.Action(250);
        timeline.Sample();

        var window = Assert.Single(timeline.Windows());
        Assert.Equal(new TimelineWindow(0, 5, 2, 1, 1500, window.HarnessGcPauseMs, window.HarnessQueueMax, window.IoStallMs, window.MemoryStallMs,
            window.CpuStallMs, 0), window);
        Assert.True(window.HarnessGcPauseMs >= 0 && window.IoStallMs >= 0 && window.MemoryStallMs >= 0 && window.CpuStallMs >= 0);
    }

    [Fact]
    public void A_window_holds_the_cpu_each_process_used_in_it_and_the_rest_of_the_machine_as_other()
    {
        var timeline = new Timeline();
        timeline.Sample(new CpuReading(1000, 500, 200, 5000)); // the baseline: what came before it is counted nowhere
        timeline.Sample(new CpuReading(1600, 800, 300, 6200)); // app 600, PostgreSQL 300, harness 100, the machine 1,200: other 200
        timeline.Sample(new CpuReading(1700, 850, 350, 6300)); // the machine read 100 while the processes used 200: other 0, not -100

        var window = Assert.Single(timeline.Windows());
        Assert.Equal((700d, 350d, 150d, 200d), (window.AppCpuMs, window.PostgresCpuMs, window.HarnessCpuMs, window.OtherCpuMs));
    }

    [Fact]
    public void The_share_of_windows_is_each_ones_cpu_as_a_percentage_of_one_core_over_their_time()
    {
        TimelineWindow Window(double app, double pg, double harness, double other) => new(0, 100, 0, 0, 50, 0, 0, 0, 0, 0, 0, app, pg, harness, other);

        // Two 10 s windows: the app used 6 s and 8 s of CPU, 70 % of one core over their 20 s.
        Assert.Equal(new CpuShare(70, 40, 25, 10), Timeline.Share([Window(6000, 3000, 2000, 1000), Window(8000, 5000, 3000, 1000)]));
        Assert.Null(Timeline.Share([]));
        Assert.Null(Timeline.Share([Window(0, 0, 0, 0)])); // a run without --app-pid reads no CPU
    }

    [Fact]
    public void The_machines_stall_totals_are_read_from_pressure_stall_information_and_only_grow()
    {
        if (!File.Exists("/proc/pressure/io")) return; // a kernel without PSI reports 0, which the windows then carry
        var first = Timeline.FullStallMicroseconds("io");
        var again = Timeline.FullStallMicroseconds("io");
        Assert.True(first > 0, "a Linux machine that has run anything has waited on I/O");
        Assert.True(again >= first);
        Assert.Equal(0, Timeline.FullStallMicroseconds("no-such-resource"));
        Assert.True(Timeline.StallMicroseconds("cpu", "some") > 0, "some task on a machine that has run anything has waited for a core");
    }
}
