using Admin.Components.Inputs;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Admin.Components.Tests.Inputs;

public class NativeSwitchTests
{
    private static IRenderedComponent<NativeSwitch> Render(BunitContext ctx, List<bool> changes, bool value = false) =>
        ctx.Render<NativeSwitch>(p => p.Add(x => x.Value, value).Add(x => x.Label, "Side panel").Add(x => x.ValueChanged, (bool v) => changes.Add(v))
            .AddUnmatched("data-testid", "panel-mode"));

    [Fact]
    public async Task A_change_is_reported_and_shown_as_a_checked_switch()
    {
        await using var ctx = ComponentContext.Create();
        var changes = new List<bool>();
        var cut = Render(ctx, changes);
        var input = cut.Find("[data-testid=panel-mode]");
        Assert.Equal(("INPUT", "checkbox", "switch", "false"), (input.TagName, input.GetAttribute("type"), input.GetAttribute("role"), input.GetAttribute("aria-checked")));
        Assert.Equal("Side panel", cut.Find("label").TextContent.Trim());

        await input.ChangeAsync(new ChangeEventArgs { Value = true });
        await cut.Find("input").ChangeAsync(new ChangeEventArgs { Value = true }); // no change: not reported again
        Assert.Equal([true], changes);
        Assert.Equal("true", cut.Find("input").GetAttribute("aria-checked"));
        Assert.True(cut.Find("input").HasAttribute("checked"));
        Assert.Contains("mud-checked", cut.Find(".mud-switch-base").ClassList);
    }

    [Fact]
    public async Task A_value_that_is_not_a_boolean_is_ignored()
    {
        await using var ctx = ComponentContext.Create();
        var changes = new List<bool>();
        var cut = Render(ctx, changes, value: true);
        await cut.Find("input").ChangeAsync(new ChangeEventArgs { Value = "on" });
        await cut.Find("input").ChangeAsync(new ChangeEventArgs { Value = null });
        Assert.Empty(changes);
        Assert.Equal("true", cut.Find("input").GetAttribute("aria-checked"));
    }
}
