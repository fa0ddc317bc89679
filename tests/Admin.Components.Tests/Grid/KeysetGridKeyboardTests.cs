using System.Globalization;
using Admin.Components.Grid;
using Bunit;
using Microsoft.AspNetCore.Components.Web;

namespace Admin.Components.Tests.Grid;

/// <summary>The grid for keyboards and screen readers: its ARIA grid semantics, its one tab stop, and its keys.</summary>
public class KeysetGridKeyboardTests
{
    private const int RowHeight = 36;

    private static readonly IReadOnlyList<GridColumn<int>> Columns =
        [new("Number", i => i.ToString(CultureInfo.InvariantCulture)), new("Square", i => (i * i).ToString(CultureInfo.InvariantCulture))];

    private static async Task<IRenderedComponent<KeysetGrid<int>>> RenderAsync(BunitContext ctx, ListProvider provider, Action<int>? opened = null)
    {
        var cut = ctx.Render<KeysetGrid<int>>(p => p
            .Add(x => x.Provider, provider.Provide)
            .Add(x => x.Columns, Columns)
            .Add(x => x.BlockSize, 50)
            .Add(x => x.Label, "Numbers")
            .Add(x => x.OnRowClick, i => opened?.Invoke(i)));
        cut.WaitForAssertion(() => Assert.Equal(50, cut.Instance.Rows.Count));
        // A viewport of ten rows: the header and nine whole rows, so a screen is nine rows.
        await cut.InvokeAsync(() => cut.Instance.OnViewportChanged(0, 10 * RowHeight));
        return cut;
    }

    private static int Number(AngleSharp.Dom.IElement row) => int.Parse(row.Children[0].TextContent, CultureInfo.InvariantCulture);

    /// <summary>The record of the one row in the tab order.</summary>
    private static int TabStop(IRenderedComponent<KeysetGrid<int>> cut)
    {
        var stops = cut.FindAll("tr.kg-row[tabindex='0']");
        Assert.Single(stops);
        return Number(stops[0]);
    }

    private static Task Press(IRenderedComponent<KeysetGrid<int>> cut, string key, bool ctrl = false) =>
        cut.Find("tr.kg-row[tabindex='0']").KeyDownAsync(new KeyboardEventArgs { Key = key, CtrlKey = ctrl });

    private static string RowIndexOf(IRenderedComponent<KeysetGrid<int>> cut, int number) =>
        cut.FindAll("tr.kg-row").Single(r => Number(r) == number).GetAttribute("aria-rowindex")!;

    private static int FocusCalls(BunitContext ctx) => ctx.JSInterop.Invocations.Count(i => i.Identifier == "focusActive");

    [Fact]
    public async Task It_is_an_aria_grid_of_unknown_size_with_row_indexes_within_the_window_and_one_tab_stop()
    {
        await using var ctx = ComponentContext.Create();
        var cut = await RenderAsync(ctx, new ListProvider(1_000_000));

        var grid = cut.Find("table");
        Assert.Equal("grid", grid.GetAttribute("role"));
        Assert.Equal("-1", grid.GetAttribute("aria-rowcount"));
        Assert.Equal("Numbers", grid.GetAttribute("aria-label"));
        Assert.Equal("1", cut.Find("thead tr").GetAttribute("aria-rowindex"));
        Assert.Equal(2, cut.FindAll("th").Count);
        Assert.All(cut.FindAll("th"), th => Assert.Equal("columnheader", th.GetAttribute("role")));

        var rows = cut.FindAll("tr.kg-row");
        Assert.All(rows, r => Assert.Equal("row", r.GetAttribute("role")));
        Assert.All(rows, r => Assert.Equal((Number(r) + 2).ToString(CultureInfo.InvariantCulture), r.GetAttribute("aria-rowindex")));
        // Plain td cells: in a table whose role is grid their role is gridcell (HTML-AAM; a browser journey finds them by
        // that role), so the markup sent per row carries no role of its own.
        Assert.All(rows.SelectMany(r => r.Children), td => Assert.Equal("TD", td.TagName));
        // Roving tabindex: the first row is the grid's one tab stop, every other row is focusable by script only.
        Assert.Equal(0, TabStop(cut));
        Assert.All(rows.Skip(1), r => Assert.Equal("-1", r.GetAttribute("tabindex")));
        // The spacers that stand for unrendered rows are not rows to a screen reader.
        Assert.All(cut.FindAll("tr.kg-spacer"), s => Assert.Equal("true", s.GetAttribute("aria-hidden")));
    }

    [Fact]
    public async Task Arrows_move_a_row_and_page_keys_a_screen_without_a_query_until_a_block_nears()
    {
        await using var ctx = ComponentContext.Create();
        var provider = new ListProvider(1_000_000);
        var cut = await RenderAsync(ctx, provider);
        var requests = provider.Requests.Count;

        await Press(cut, "ArrowDown");
        Assert.Equal(1, TabStop(cut));
        await Press(cut, "ArrowUp");
        await Press(cut, "ArrowUp"); // at the top of the list: stays
        Assert.Equal(0, TabStop(cut));
        await Press(cut, "PageDown");
        Assert.Equal(9, TabStop(cut));
        await Press(cut, "PageDown");
        Assert.Equal(18, TabStop(cut));
        await Press(cut, "PageUp");
        Assert.Equal(9, TabStop(cut));
        Assert.Equal(requests, provider.Requests.Count); // moving inside the window asks nothing
        Assert.Equal(6, FocusCalls(ctx)); // each key focuses the row it lands on

        // Paging on nears the window's end: the next block is fetched after the last cursor, as scrolling would.
        for (var i = 0; i < 4; i++) await Press(cut, "PageDown");
        Assert.Equal(45, TabStop(cut));
        cut.WaitForAssertion(() => Assert.Contains(provider.Requests, r => r is { Anchor: GridAnchor.After, Cursor: "49" }));
        Assert.Equal(45, TabStop(cut));
    }

    [Fact]
    public async Task Home_and_End_reach_the_windows_ends_then_go_by_key_to_the_ends_of_the_list()
    {
        await using var ctx = ComponentContext.Create();
        var provider = new ListProvider(10_000);
        var cut = await RenderAsync(ctx, provider);

        // End: the window's last row; reaching it fetches the next block, and the keyboard stays on that record.
        await Press(cut, "End");
        cut.WaitForAssertion(() => Assert.Equal(100, cut.Instance.Rows.Count));
        Assert.Equal(49, TabStop(cut));
        Assert.DoesNotContain(provider.Requests, r => r.Anchor == GridAnchor.End);

        // End again: the oldest end of the whole list, by key (no walk through the rows between).
        await Press(cut, "End");
        cut.WaitForAssertion(() => Assert.Equal(9999, TabStop(cut)));
        Assert.Contains(provider.Requests, r => r.Anchor == GridAnchor.End);
        Assert.NotNull(cut.Find("[data-testid=grid-end]"));

        // Home: the window's first row. The block above it is held back to watch the seam: when it arrives, the
        // keyboard stays on the same record (now further down the window) and nothing moves focus.
        var held = new TaskCompletionSource();
        provider.Gate = r => r.Anchor == GridAnchor.Before ? held.Task : Task.CompletedTask;
        var home = Press(cut, "Home");
        cut.WaitForAssertion(() => Assert.Equal(9950, TabStop(cut)));
        Assert.Equal("2", RowIndexOf(cut, 9950));
        cut.WaitForAssertion(() => Assert.Contains(provider.Requests, r => r.Anchor == GridAnchor.Before));
        var focused = FocusCalls(ctx);
        held.SetResult();
        await home;
        provider.Gate = null;
        cut.WaitForAssertion(() => Assert.Equal(9900, cut.Instance.Rows[0]));
        Assert.Equal(9950, TabStop(cut));
        Assert.Equal("52", RowIndexOf(cut, 9950));
        Assert.Equal(focused, FocusCalls(ctx));

        // Home again: the newest end, by key.
        await Press(cut, "Home");
        cut.WaitForAssertion(() => Assert.Equal(0, TabStop(cut)));
        Assert.Equal(GridAnchor.Start, provider.Requests[^1].Anchor);
    }

    [Fact]
    public async Task Ctrl_End_and_Ctrl_Home_go_straight_to_the_ends_of_the_list()
    {
        await using var ctx = ComponentContext.Create();
        var provider = new ListProvider(10_000);
        var cut = await RenderAsync(ctx, provider);

        await Press(cut, "ArrowDown");
        await Press(cut, "End", ctrl: true);
        cut.WaitForAssertion(() => Assert.Equal(9999, TabStop(cut)));
        await Press(cut, "Home", ctrl: true);
        cut.WaitForAssertion(() => Assert.Equal(0, TabStop(cut)));
        Assert.Equal(new[] { GridAnchor.Start, GridAnchor.End, GridAnchor.Start }, provider.Requests.Where(r => r.Anchor is GridAnchor.Start or GridAnchor.End).Select(r => r.Anchor));
    }

    [Fact]
    public async Task Enter_opens_the_row_the_keyboard_is_on_and_other_keys_do_nothing()
    {
        await using var ctx = ComponentContext.Create();
        var opened = new List<int>();
        var cut = await RenderAsync(ctx, new ListProvider(1000), opened.Add);

        await Press(cut, "ArrowDown");
        await Press(cut, "ArrowDown");
        await Press(cut, "a");
        await Press(cut, "Tab");
        Assert.Equal(2, TabStop(cut));
        await Press(cut, "Enter");
        Assert.Equal(new[] { 2 }, opened);
    }

    [Fact]
    public async Task Keys_typed_faster_than_the_browser_moves_focus_continue_from_the_row_they_reached()
    {
        await using var ctx = ComponentContext.Create();
        var cut = await RenderAsync(ctx, new ListProvider(1000));
        Task PressOn(int number, string key) =>
            cut.FindAll("tr.kg-row").Single(r => Number(r) == number).KeyDownAsync(new KeyboardEventArgs { Key = key });

        // The browser has not yet focused the row the first key reached: the next keys still come from row 0.
        await Press(cut, "ArrowDown");
        await PressOn(0, "ArrowDown");
        await PressOn(0, "ArrowDown");
        Assert.Equal(3, TabStop(cut));
        await PressOn(0, "ArrowUp");
        Assert.Equal(2, TabStop(cut));

        // Once a key comes from the keyboard's row the browser has caught up: a key from another row (focused by a
        // click or by a screen reader) starts from that row.
        await Press(cut, "ArrowDown");
        await PressOn(0, "ArrowDown");
        Assert.Equal(1, TabStop(cut));
    }

    [Fact]
    public async Task The_tab_stop_follows_the_view_when_the_keyboards_row_is_scrolled_away()
    {
        await using var ctx = ComponentContext.Create();
        var cut = await RenderAsync(ctx, new ListProvider(1_000_000));
        await Press(cut, "ArrowDown");

        // Scrolled with the mouse far from the keyboard's row: Tab must still reach the grid, at the first row in view.
        await cut.InvokeAsync(() => cut.Instance.OnViewportChanged(30 * RowHeight, 10 * RowHeight));
        Assert.Equal(30, TabStop(cut));
        // Scrolled back: the keyboard's row is the tab stop again.
        await cut.InvokeAsync(() => cut.Instance.OnViewportChanged(0, 10 * RowHeight));
        Assert.Equal(1, TabStop(cut));
    }
}
