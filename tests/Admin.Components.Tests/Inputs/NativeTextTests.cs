using Admin.Components.Inputs;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Admin.Components.Tests.Inputs;

public class NativeTextTests
{
    private sealed class Sent
    {
        public List<string?> Values { get; } = [];
        public int Enters { get; set; }
    }

    private static IRenderedComponent<NativeText> Render(BunitContext ctx, Sent sent, int debounce, string? value = null) =>
        ctx.Render<NativeText>(p => p.Add(x => x.Label, "Search").Add(x => x.Value, value).Add(x => x.DebounceInterval, debounce)
            .Add(x => x.ValueChanged, (string? v) => sent.Values.Add(v)).Add(x => x.OnEnter, () => sent.Enters++)
            .AddUnmatched("data-testid", "box"));

    private static Task Type(IRenderedComponent<NativeText> cut, string text) => cut.Find("[data-testid=box]").InputAsync(new ChangeEventArgs { Value = text });
    private static Task Key(IRenderedComponent<NativeText> cut, string key) => cut.Find("[data-testid=box]").KeyDownAsync(new KeyboardEventArgs { Key = key });

    [Fact]
    public async Task After_a_pause_in_typing_only_the_last_text_goes_out()
    {
        await using var ctx = ComponentContext.Create();
        var sent = new Sent();
        var cut = Render(ctx, sent, debounce: 150);
        await Type(cut, "08");
        await Type(cut, "082");
        await Type(cut, "0821");
        // Nothing renders when it goes out, so poll rather than wait for a render.
        for (var waited = 0; sent.Values.Count == 0 && waited < 5_000; waited += 20) await Task.Delay(20);
        await Task.Delay(300);
        Assert.Equal(["0821"], sent.Values);
    }

    [Fact]
    public async Task Enter_sends_at_once_and_the_pause_sends_nothing_more()
    {
        await using var ctx = ComponentContext.Create();
        var sent = new Sent();
        var cut = Render(ctx, sent, debounce: 150);
        await Type(cut, "0821");
        await Key(cut, "Enter");
        Assert.Equal(["0821"], sent.Values);
        Assert.Equal(1, sent.Enters);
        await Task.Delay(300);
        Assert.Equal(["0821"], sent.Values);
    }

    [Fact]
    public async Task Without_a_debounce_every_input_goes_out_and_keystrokes_render_nothing()
    {
        await using var ctx = ComponentContext.Create();
        var sent = new Sent();
        var cut = Render(ctx, sent, debounce: 0);
        var renders = cut.RenderCount;
        await Type(cut, "2021");
        await Type(cut, "2021-03");
        await Key(cut, "a");
        Assert.Equal(["2021", "2021-03"], sent.Values);
        Assert.Equal(0, sent.Enters);
        Assert.Equal(renders, cut.RenderCount);
    }

    [Fact]
    public async Task A_new_value_from_the_page_replaces_unsent_typing()
    {
        await using var ctx = ComponentContext.Create();
        var sent = new Sent();
        var cut = Render(ctx, sent, debounce: 5_000, value: "old");
        await Type(cut, "typed");
        cut.Render(p => p.Add(x => x.Value, "2021-03-14 10:32"));
        Assert.Equal("2021-03-14 10:32", cut.Find("input").GetAttribute("value"));
        await Key(cut, "Enter");
        Assert.Empty(sent.Values); // nothing typed since the page's value
        Assert.Equal(1, sent.Enters);
    }

    [Fact]
    public async Task Renders_its_label_icon_and_limits()
    {
        await using var ctx = ComponentContext.Create();
        var cut = ctx.Render<NativeText>(p => p.Add(x => x.Label, "Search").Add(x => x.Type, "search").Add(x => x.MaxLength, 200)
            .Add(x => x.Icon, MudBlazor.Icons.Material.Filled.Search));
        var input = cut.Find("input");
        Assert.Equal("search", input.GetAttribute("type"));
        Assert.Equal("200", input.GetAttribute("maxlength"));
        Assert.Equal(input.Id, cut.Find("label").GetAttribute("for"));
        Assert.NotNull(cut.Find(".mud-input-adornment-start svg path"));
    }
}
