using Admin.Components.Maps;

namespace Admin.Components.Tests.Maps;

public class ColorScaleTests
{
    [Fact]
    public void Linear_scale_runs_from_the_first_to_the_last_stop()
    {
        var scale = new LinearColorScale(0, 100, new ColorRamp("#000000", "#ffffff"), v => v.ToString());

        Assert.Equal("#000000", scale.ColorFor(0));
        Assert.Equal("#808080", scale.ColorFor(50));
        Assert.Equal("#ffffff", scale.ColorFor(100));
        Assert.Equal("#ffffff", scale.ColorFor(1000));
        Assert.Equal(scale.NoDataColor, scale.ColorFor((double?)null));
    }

    [Fact]
    public void Ratio_scale_puts_no_change_in_the_middle_and_halving_opposite_doubling()
    {
        var scale = new RatioColorScale(4, new ColorRamp("#0000ff", "#ffffff", "#ff0000"), v => v.ToString());

        Assert.Equal("#ffffff", scale.ColorFor(1));
        Assert.Equal("#ff0000", scale.ColorFor(4));
        Assert.Equal("#0000ff", scale.ColorFor(0.25));
        Assert.Equal("#ff8080", scale.ColorFor(2));
        Assert.Equal("#8080ff", scale.ColorFor(0.5));
        Assert.Equal(["0.25", "0.5", "1", "2", "4"], scale.Legend(5).Select(s => s.Label));
    }
}
