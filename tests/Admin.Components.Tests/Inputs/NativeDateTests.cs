using Admin.Components.Inputs;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Admin.Components.Tests.Inputs;

public class NativeDateTests
{
    private static IRenderedComponent<NativeDate> Render(BunitContext ctx, List<DateOnly?> dates, DateOnly? value = null) =>
        ctx.Render<NativeDate>(p => p.Add(x => x.Label, "From").Add(x => x.Value, value).Add(x => x.Max, new DateOnly(2021, 12, 31))
            .Add(x => x.ValueChanged, (DateOnly? d) => dates.Add(d)));

    [Fact]
    public async Task Reports_the_date_the_browser_sends_and_a_cleared_field_as_none()
    {
        await using var ctx = ComponentContext.Create();
        var dates = new List<DateOnly?>();
        var cut = Render(ctx, dates, new DateOnly(2021, 1, 5));
        Assert.Equal("2021-01-05", cut.Find("input").GetAttribute("value"));
        Assert.Equal("2021-12-31", cut.Find("input").GetAttribute("max"));
        await cut.Find("input").ChangeAsync(new ChangeEventArgs { Value = "2021-03-14" });
        await cut.Find("input").ChangeAsync(new ChangeEventArgs { Value = "" });
        Assert.Equal([new DateOnly(2021, 3, 14), null], dates);
    }

    [Fact]
    public async Task Text_that_is_not_a_date_changes_nothing()
    {
        await using var ctx = ComponentContext.Create();
        var dates = new List<DateOnly?>();
        var cut = Render(ctx, dates, new DateOnly(2021, 1, 5));
        await cut.Find("input").ChangeAsync(new ChangeEventArgs { Value = "14/03/2021" });
        await cut.Find("input").ChangeAsync(new ChangeEventArgs { Value = "2021-02-30" });
        Assert.Empty(dates);
        Assert.Equal("2021-01-05", cut.Find("input").GetAttribute("value"));
    }
}
