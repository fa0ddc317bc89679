using Admin.Load.Running;

namespace Admin.Load.Tests;

public class TimelineTests
{
    [Fact]
    public void A_window_counts_its_actions_the_slow_ones_and_the_slowest()
    {
        var timeline = new Timeline();
        timeline.Action(12);
        timeline.Action(1500);
        timeline.Action(40);
        timeline.Sample();

        var window = Assert.Single(timeline.Windows());
        Assert.Equal(new TimelineWindow(0, 3, 1, 1500, window.HarnessGcPauseMs, window.HarnessQueueMax), window);
        Assert.True(window.HarnessGcPauseMs >= 0);
    }
}
