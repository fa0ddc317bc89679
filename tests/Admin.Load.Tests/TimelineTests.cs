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
