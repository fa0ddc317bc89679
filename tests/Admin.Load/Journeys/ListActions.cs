using System.Globalization;
using Admin.Load.Circuits;
using Admin.Load.Rendering;

namespace Admin.Load.Journeys;

/// <summary>
/// The list page's controls (records and audit trail share it): each action is timed from the event to the render
/// batch that shows its result, which for a new query means a new grid instance (the grid is keyed by the URL) that has
/// settled on rows, "Nothing matches." or a message, and whose rows agree with what was asked.
/// </summary>
public static class ListActions
{
    /// <summary>A menu link (MudNavLink): back to the plain list.</summary>
    public static Task<bool> NavAsync(JourneyContext ctx, string action, string href) =>
        ctx.MenuAsync(action, href, d => d.GridComponentId, (d, before) => d.GridComponentId is { } g && g != before && d.GridSettled);

    /// <summary>Picks an option of a native select (one "change" event), timed until <paramref name="expected"/>.</summary>
    public static async Task<bool> SelectAsync(JourneyContext ctx, string action, Func<Dom, ElementNode?> select, string option, Func<Dom, int?, bool> expected)
    {
        var (element, value) = ctx.Live.Query(d => select(d) is { } s && Ui.SelectOption(s, option) is { } v ? (s, v) : (null!, ""));
        if (element is null) { ctx.Find<ElementNode>(action, _ => null); return false; }
        var before = ctx.Live.Query(d => d.GridComponentId);
        return await ctx.ActAsync(action, c => c.ChooseAsync(element, value), d => expected(d, before));
    }

    public static Task<bool> FilterAsync(JourneyContext ctx, string action, string filter, string option, Func<IReadOnlyList<string>, bool> rowMatches) =>
        SelectAsync(ctx, action, d => d.First(e => e.Attr("data-filter") == filter), option,
            (d, before) => NewGrid(d, before) && d.GridRows.All(r => rowMatches(Dom.Cells(r))));

    /// <summary>
    /// Types into the search box and presses Enter, which searches at once (without Enter the box waits for a pause in
    /// typing, its 400 ms debounce); timed from the Enter, so the figure is the server's, not the debounce's.
    /// </summary>
    public static async Task<bool> SearchAsync(JourneyContext ctx, string action, string text, Func<IReadOnlyList<string>, bool> rowMatches)
    {
        var box = ctx.Find(action, d => d.ByTestId("search-box"));
        var before = ctx.Live.Query(d => d.GridComponentId);
        await ctx.Live.TypeAsync(box, text);
        return await ctx.ActAsync(action, c => c.KeyAsync(box, "Enter"), d => NewGrid(d, before) && d.GridRows.All(r => rowMatches(Dom.Cells(r))));
    }

    /// <summary>Scrolls the grid by <paramref name="pixels"/>; done when the "around …" label shows the new position with rows in view.</summary>
    public static Task<bool> ScrollAsync(JourneyContext ctx, string action, double pixels)
    {
        var before = ctx.Live.Query(d => d.Text("grid-position"));
        return ctx.ActAsync(action, c => c.ScrollGridAsync(pixels), d => d.Text("grid-position") is { Length: > 0 } now && now != before && d.GridRows.Count > 0);
    }

    /// <summary>Types a date into "Jump to" and presses Go; done when a new grid shows rows at (or next to) that time.</summary>
    public static async Task<bool> JumpToDateAsync(JourneyContext ctx, string action, DateTime instant)
    {
        var input = ctx.Find(action, d => d.ByTestId("jump-date"));
        var go = ctx.Find(action, d => d.ByTestId("jump-date-go"));
        await ctx.Live.TypeAsync(input, instant.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        var before = ctx.Live.Query(d => d.GridComponentId);
        return await ctx.ActAsync(action, c => c.ClickAsync(go), d => NewGrid(d, before) && ctx.Live.Location.Query.Contains("at=", StringComparison.Ordinal));
    }

    /// <summary>Clicks a row; done when the detail page shows its fields.</summary>
    public static Task<bool> OpenRowAsync(JourneyContext ctx, string action, Random random)
    {
        var row = ctx.Find(action, d => d.GridRows is { Count: > 0 } rows ? rows[random.Next(Math.Min(rows.Count, 10))] : null);
        return ctx.ActAsync(action, c => c.ClickAsync(row), d => d.Has("detail-fields"));
    }

    /// <summary>The browser's Back button; done when the list is back with its rows.</summary>
    public static Task<bool> BackAsync(JourneyContext ctx, string action) =>
        ctx.ActAsync(action, c => c.BackAsync(), d => d.GridComponentId is not null && d.GridSettled && !d.Has("detail-fields"));

    public static bool NewGrid(Dom d, int? before) => d.GridComponentId is { } g && g != before && d.GridSettled;
}
