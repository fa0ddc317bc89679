using System.Globalization;
using System.Text.RegularExpressions;
using Admin.Load.Rendering;

namespace Admin.Load.Circuits;

/// <summary>
/// The browser side of KeysetGrid's JS module (keysetGrid.js): a scrollable viewport whose position is reported to
/// .NET through OnViewportChanged(scrollTop, clientHeight) on every scroll, and which .NET shifts when rows are added or
/// dropped above. The scroll height is what the rendered rows and spacers add up to, as in the browser.
/// </summary>
public sealed partial class GridViewport(long dotNetObjectId, double clientHeight, string elementId)
{
    public long DotNetObjectId { get; } = dotNetObjectId;
    /// <summary>The viewport element's reference id, as observe() and release() name it.</summary>
    public string ElementId { get; } = elementId;
    public double ClientHeight { get; } = clientHeight;
    public double ScrollTop { get; private set; }

    /// <summary>Set when the server disposes the observer: like keysetGrid.js, no report is sent after that.</summary>
    public bool Disposed { get; set; }

    /// <summary>Moves the viewport by <paramref name="pixels"/>, clamped to the table's height.</summary>
    public void ScrollBy(double pixels, Dom dom) => ScrollTop = Math.Clamp(ScrollTop + pixels, 0, MaxScrollTop(dom));

    public void ScrollToTop() => ScrollTop = 0;

    public void ScrollToBottom(Dom dom) => ScrollTop = MaxScrollTop(dom);

    private double MaxScrollTop(Dom dom)
    {
        var grid = dom.ByTestId("keyset-grid");
        if (grid is null) return 0;
        var height = grid.Descendants().Where(e => e.Name == "tr")
            .Sum(tr => Height().Match(tr.Attr("style") ?? "") is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 36);
        return Math.Max(0, height - ClientHeight);
    }

    public string ReportArgs => string.Create(CultureInfo.InvariantCulture, $"[{ScrollTop},{ClientHeight}]");

    [GeneratedRegex(@"height:\s*([0-9.]+)px")]
    private static partial Regex Height();
}
