using System.Globalization;
using Admin.Components.Grid;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor.Services;

namespace Admin.Components.Tests.Grid;

public class KeysetGridTests
{
    private static readonly IReadOnlyList<GridColumn<int>> Columns =
        [new("Number", i => i.ToString(CultureInfo.InvariantCulture)), new("Square", i => (i * i).ToString(CultureInfo.InvariantCulture))];

    private static IRenderedComponent<KeysetGrid<int>> Render(BunitContext ctx, ListProvider provider, int maxRows = 1000, Func<Exception, string?>? describe = null) =>
        ctx.Render<KeysetGrid<int>>(p => p
            .Add(x => x.Provider, provider.Provide)
            .Add(x => x.Columns, Columns)
            .Add(x => x.PositionOf, i => $"row {i}")
            .Add(x => x.BlockSize, 50)
            .Add(x => x.MaxRows, maxRows)
            .Add(x => x.DescribeError, describe));

    private static int[] RenderedNumbers(IRenderedComponent<KeysetGrid<int>> cut) =>
        cut.FindAll("tr.kg-row").Select(tr => int.Parse(tr.Children[0].TextContent, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public async Task A_row_that_stays_rendered_keeps_its_handlers()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, new ListProvider(1_000_000));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")));
        var before = cut.FindAll("tr.kg-row").Take(3).Select(r => (r.GetAttribute("blazor:onclick"), r.GetAttribute("blazor:onkeydown"))).ToList();
        Assert.All(before, ids => Assert.False(string.IsNullOrEmpty(ids.Item1)));

        // One row down: the grid renders again, and the rows still in its range are the same rows with the same handlers
        // (a new handler id per row per render was most of the batch a viewport report sent).
        await cut.InvokeAsync(() => cut.Instance.OnViewportChanged(scrollTop: 36, clientHeight: 10 * 36));
        Assert.Equal("around row 1", cut.Find("[data-testid=grid-position]").TextContent);
        var after = cut.FindAll("tr.kg-row").Take(3).Select(r => (r.GetAttribute("blazor:onclick"), r.GetAttribute("blazor:onkeydown"))).ToList();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Renders_only_the_rows_in_view_and_says_where_the_reader_is()
    {
        await using var ctx = ComponentContext.Create();
        var provider = new ListProvider(1_000_000);
        var cut = Render(ctx, provider);
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")));

        Assert.Equal(GridAnchor.Start, provider.Requests[0].Anchor);
        Assert.Equal(50, cut.Instance.Rows.Count);
        Assert.True(cut.FindAll("tr.kg-row").Count < 50); // the rest are spacer height, not elements
        Assert.Equal("around row 0", cut.Find("[data-testid=grid-position]").TextContent);

        await cut.InvokeAsync(() => cut.Instance.OnViewportChanged(scrollTop: 20 * 36, clientHeight: 10 * 36));
        Assert.Equal("around row 20", cut.Find("[data-testid=grid-position]").TextContent);
        Assert.Contains(20, RenderedNumbers(cut));
        Assert.DoesNotContain(0, RenderedNumbers(cut));
    }

    [Fact]
    public async Task Nearing_the_end_fetches_the_next_block_after_the_last_cursor_until_the_end()
    {
        await using var ctx = ComponentContext.Create();
        var provider = new ListProvider(120);
        var cut = Render(ctx, provider);
        cut.WaitForAssertion(() => Assert.Equal(50, cut.Instance.Rows.Count));

        await cut.InvokeAsync(() => cut.Instance.OnViewportChanged(40 * 36, 10 * 36));
        cut.WaitForAssertion(() => Assert.Equal(100, cut.Instance.Rows.Count));
        await cut.InvokeAsync(() => cut.Instance.OnViewportChanged(90 * 36, 10 * 36));
        cut.WaitForAssertion(() => Assert.Equal(120, cut.Instance.Rows.Count));
        Assert.Contains(provider.Requests, r => r is { Anchor: GridAnchor.After, Cursor: "49" });
        Assert.Contains(provider.Requests, r => r is { Anchor: GridAnchor.After, Cursor: "99" });
        Assert.Equal(Enumerable.Range(0, 120), cut.Instance.Rows);
        await cut.InvokeAsync(() => cut.Instance.OnViewportChanged(115 * 36, 10 * 36));
        Assert.NotNull(cut.Find("[data-testid=grid-end]"));
        Assert.DoesNotContain(provider.Requests, r => r is { Anchor: GridAnchor.After, Cursor: "119" });
    }

    [Fact]
    public async Task After_a_jump_scrolling_up_fetches_the_block_before_the_first_cursor()
    {
        await using var ctx = ComponentContext.Create();
        var provider = new ListProvider(10_000);
        var cut = Render(ctx, provider);
        cut.WaitForAssertion(() => Assert.Equal(50, cut.Instance.Rows.Count));

        await cut.InvokeAsync(() => cut.Instance.JumpAsync(GridAnchor.Jump, 5000));
        cut.WaitForAssertion(() => Assert.Contains(provider.Requests, r => r is { Anchor: GridAnchor.Before, Cursor: "5000" }));
        cut.WaitForAssertion(() => Assert.Equal(4950, cut.Instance.Rows[0]));
        // The rows stay contiguous across the seam.
        Assert.Equal(Enumerable.Range(cut.Instance.Rows[0], cut.Instance.Rows.Count), cut.Instance.Rows);
    }

    [Fact]
    public async Task A_new_jump_cancels_the_fetch_it_supersedes()
    {
        await using var ctx = ComponentContext.Create();
        var provider = new ListProvider(10_000);
        var slow = new TaskCompletionSource();
        var cut = Render(ctx, provider);
        cut.WaitForAssertion(() => Assert.Equal(50, cut.Instance.Rows.Count));

        provider.Gate = r => r.Target is 7000 ? slow.Task : Task.CompletedTask;
        var first = cut.InvokeAsync(() => cut.Instance.JumpAsync(GridAnchor.Jump, 7000));
        await cut.InvokeAsync(() => cut.Instance.JumpAsync(GridAnchor.Jump, 3000));
        slow.SetResult();
        await first;

        var superseded = provider.Requests.FindIndex(r => r.Target is 7000);
        Assert.True(provider.Tokens[superseded].IsCancellationRequested);
        cut.WaitForAssertion(() => Assert.Contains(3000, cut.Instance.Rows));
        Assert.DoesNotContain(7000, cut.Instance.Rows);
    }

    [Fact]
    public async Task The_buffer_stays_bounded_however_far_the_reader_scrolls()
    {
        await using var ctx = ComponentContext.Create();
        var provider = new ListProvider(100_000);
        var cut = Render(ctx, provider, maxRows: 200);
        cut.WaitForAssertion(() => Assert.Equal(50, cut.Instance.Rows.Count));
        for (var i = 0; i < 12; i++)
        {
            var count = cut.Instance.Rows.Count;
            await cut.InvokeAsync(() => cut.Instance.OnViewportChanged((count - 5) * 36, 10 * 36));
        }
        Assert.InRange(cut.Instance.Rows.Count, 1, 260);
        Assert.True(cut.Instance.Rows[0] > 0); // early blocks were dropped
        Assert.Equal(Enumerable.Range(cut.Instance.Rows[0], cut.Instance.Rows.Count), cut.Instance.Rows);
    }

    [Fact]
    public async Task A_provider_error_becomes_the_readers_message()
    {
        await using var ctx = ComponentContext.Create();
        var provider = new ListProvider(10) { Gate = _ => throw new FormatException("bad cursor") };
        var cut = Render(ctx, provider, describe: ex => ex is FormatException ? "That position is not valid." : null);
        cut.WaitForAssertion(() => Assert.Equal("That position is not valid.", cut.Find("[role=alert]").TextContent));
    }

    [Fact]
    public async Task An_unexpected_error_shows_a_generic_message_not_the_exception()
    {
        await using var ctx = ComponentContext.Create();
        var provider = new ListProvider(10) { Gate = _ => throw new InvalidOperationException("Npgsql: secret SQL text") };
        var cut = Render(ctx, provider);
        cut.WaitForAssertion(() => Assert.Contains("could not be loaded", cut.Find("[role=alert]").TextContent));
        Assert.DoesNotContain("secret", cut.Markup);
    }

    [Fact]
    public async Task A_grid_disposed_while_its_first_render_waits_on_js_cancels_its_load_and_does_not_fail()
    {
        var js = new HeldJsRuntime();
        await using var ctx = ComponentContext.Create(s => s.AddSingleton<IJSRuntime>(js));
        var rows = new TaskCompletionSource();
        var provider = new ListProvider(10) { Gate = _ => rows.Task };
        var cut = Render(ctx, provider);

        // The page re-keys the grid (a new URL) before the module import returns, its first block still on its way.
        await ctx.DisposeComponentsAsync();
        await cut.InvokeAsync(() => js.Release.SetResult());
        rows.SetResult();
        await Task.Delay(100);

        var failed = ctx.Renderer.UnhandledException;
        Assert.False(failed.IsCompleted, failed.IsCompleted ? (await failed).ToString() : "");
        Assert.Single(provider.Requests);
        Assert.True(provider.Tokens[0].IsCancellationRequested);
    }

    [Fact]
    public async Task The_first_block_is_fetched_and_shown_while_the_browser_has_not_yet_answered()
    {
        var js = new HeldJsRuntime();
        await using var ctx = ComponentContext.Create(s => s.AddSingleton<IJSRuntime>(js));
        var provider = new ListProvider(10);
        var cut = Render(ctx, provider);

        // The module import (and so observe) is still out: the rows do not wait for that round trip.
        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll("tr.kg-row").Count));
        Assert.False(js.Release.Task.IsCompleted);
        await cut.InvokeAsync(() => js.Release.SetResult());
        Assert.Single(provider.Requests);
    }

    /// <summary>JS whose calls all wait until released, as a slow browser's would; then return nothing.</summary>
    private sealed class HeldJsRuntime : IJSRuntime
    {
        public TaskCompletionSource Release { get; } = new();

        public async ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            await Release.Task;
            return default!;
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }

    [Fact]
    public async Task A_copyable_grid_gives_each_row_a_copy_button_outside_its_cells_and_the_tab_order()
    {
        await using var ctx = ComponentContext.Create();
        var cut = ctx.Render<KeysetGrid<int>>(p => p
            .Add(x => x.Provider, new ListProvider(10).Provide)
            .Add(x => x.Columns, Columns)
            .Add(x => x.Copyable, true));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")));

        Assert.Equal("true", cut.Find("table.kg-table").GetAttribute("data-copy"));
        Assert.Equal(["Number", "Square"], cut.FindAll("th.kg-head").Select(th => th.TextContent));
        Assert.Equal("Copy", cut.Find("th.kg-copy-head").TextContent.Trim());
        var row = cut.FindAll("tr.kg-row")[3];
        // The cells the script copies are the columns' text; the button is beside them, not one of them.
        Assert.Equal(["3", "9"], row.QuerySelectorAll("td:not(.kg-copy-cell)").Select(td => td.TextContent));
        Assert.Equal("-1", row.QuerySelector("button.kg-copy")!.GetAttribute("tabindex"));
        Assert.NotNull(row.QuerySelector("button.kg-copy")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_plain_grid_has_no_copy_buttons()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, new ListProvider(10));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tr.kg-row")));

        Assert.Empty(cut.FindAll(".kg-copy"));
        Assert.Equal("false", cut.Find("table.kg-table").GetAttribute("data-copy"));
    }
}
