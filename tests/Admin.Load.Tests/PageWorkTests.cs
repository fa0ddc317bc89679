using Admin.Load.Browser;

namespace Admin.Load.Tests;

public sealed class PageWorkTests
{
    [Fact]
    public void The_work_of_an_action_is_the_difference_of_two_readings()
    {
        var work = PageWorkReading.Between(new PageWorkReading(100, 40, 20), new PageWorkReading(160, 55, 30));

        Assert.Equal(new PageWorkReading(60, 15, 10), work);
    }

    [Fact]
    public void A_renderer_that_started_over_gives_no_reading()
    {
        // A page load into a new renderer process: its counters begin again below the last reading.
        Assert.Null(PageWorkReading.Between(new PageWorkReading(900, 300, 200), new PageWorkReading(150, 50, 40)));
    }
}
