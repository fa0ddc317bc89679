using Admin.Components.Inputs;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Admin.Components.Tests.Inputs;

public class NativeSelectTests
{
    private static readonly IReadOnlyList<SelectChoice> Choices = [new("", "Any"), new("high", "High") { Count = 12, Title = "12" }, new("low", "Low")];

    private static IRenderedComponent<NativeSelect> Render(BunitContext ctx, List<string> chosen, string value = "", bool disabled = false) =>
        ctx.Render<NativeSelect>(p => p.Add(x => x.Label, "Risk").Add(x => x.Choices, Choices).Add(x => x.Value, value).Add(x => x.Disabled, disabled)
            .Add(x => x.HelperText, disabled ? "Not now" : null).Add(x => x.ValueChanged, (string v) => chosen.Add(v))
            .AddUnmatched("data-testid", "risk"));

    [Fact]
    public async Task A_change_to_an_offered_value_is_reported_once()
    {
        await using var ctx = ComponentContext.Create();
        var chosen = new List<string>();
        var cut = Render(ctx, chosen);
        await cut.Find("select").ChangeAsync(new ChangeEventArgs { Value = "high" });
        await cut.Find("select").ChangeAsync(new ChangeEventArgs { Value = "high" }); // the same again: nothing new
        Assert.Equal(["high"], chosen);
        Assert.Equal("high", cut.Find("select").GetAttribute("value"));
    }

    [Fact]
    public async Task A_value_it_does_not_offer_is_ignored()
    {
        await using var ctx = ComponentContext.Create();
        var chosen = new List<string>();
        var cut = Render(ctx, chosen);
        await cut.Find("select").ChangeAsync(new ChangeEventArgs { Value = "'; DROP TABLE x" });
        await cut.Find("select").ChangeAsync(new ChangeEventArgs { Value = null });
        Assert.Empty(chosen);
    }

    [Fact]
    public async Task Renders_label_options_and_attributes_on_the_select_itself()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, [], value: "low");
        var select = cut.Find("[data-testid=risk]");
        Assert.Equal("SELECT", select.TagName);
        Assert.Equal(select.Id, cut.Find("label").GetAttribute("for"));
        Assert.Equal("Risk", cut.Find("label").TextContent);
        Assert.Equal(["", "high", "low"], select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal("12", select.QuerySelector("option[value=high]")!.GetAttribute("data-count"));
        Assert.Null(select.QuerySelector("option[value=low]")!.GetAttribute("data-count"));
        Assert.Equal(["low"], select.QuerySelectorAll("option[selected]").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public async Task Disabled_says_so_to_the_browser_and_to_screen_readers_with_its_reason()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, [], disabled: true);
        var select = cut.Find("select");
        Assert.True(select.HasAttribute("disabled"));
        Assert.Equal("true", select.GetAttribute("aria-disabled"));
        Assert.Equal("Not now", cut.Find("#" + select.GetAttribute("aria-describedby")).TextContent);
    }

    [Fact]
    public async Task It_is_one_component_where_a_MudSelect_is_about_ten()
    {
        await using var ctx = ComponentContext.Create();
        var native = ctx.Render<NativeSelect>(p => p.Add(x => x.Label, "Risk").Add(x => x.Choices, Choices));
        Assert.Empty(native.FindComponents<ComponentBase>());
        var mud = ctx.Render<MudBlazor.MudSelect<string>>(p => p.Add(x => x.Label, "Risk"));
        Assert.True(mud.FindComponents<ComponentBase>().Count >= 5, $"{mud.FindComponents<ComponentBase>().Count} child components");
    }

    [Fact]
    public async Task Its_options_are_one_string_shared_by_every_select_showing_the_same_list()
    {
        await using var ctx = ComponentContext.Create();
        IReadOnlyList<SelectChoice> odd = [new("", "Any"), new("a&b", "A & <B> \"quoted\"") { Label = "A & B" }];
        var first = ctx.Render<NativeSelect>(p => p.Add(x => x.Label, "One").Add(x => x.Choices, odd).Add(x => x.Value, "a&b"));
        var second = ctx.Render<NativeSelect>(p => p.Add(x => x.Label, "Two").Add(x => x.Choices, [.. odd]).Add(x => x.Value, "a&b"));
        var other = ctx.Render<NativeSelect>(p => p.Add(x => x.Label, "Three").Add(x => x.Choices, odd).Add(x => x.Value, ""));

        // Written as the browser would read element by element: values, labels and text come back as given.
        var option = first.Find("option[selected]");
        Assert.Equal(("a&b", "A & B", "A & <B> \"quoted\""), (option.GetAttribute("value"), option.GetAttribute("data-label"), option.TextContent));
        static string Options(IRenderedComponent<NativeSelect> s) =>
            ((MarkupString)typeof(NativeSelect).GetField("_options", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(s.Instance)!).Value;
        Assert.Same(Options(first), Options(second)); // two lists with the same options: one string between them
        Assert.NotEqual(Options(first), Options(other)); // another choice is marked selected
        Assert.Equal([""], other.FindAll("option[selected]").Select(o => o.GetAttribute("value")));
    }
}
