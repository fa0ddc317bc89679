using Admin.Components.Interop;
using Admin.Components.Rendering;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace Admin.Components.Timeline;

/// <summary>
/// A timeline for data too large to scroll through (a scroll range for 20M rows does not exist, NOTES §3): rows per
/// bucket over a span of days, drawn to scale (buckets may differ in length, e.g. months), with the reader's current
/// window marked. A slider for the keyboard: arrow keys move a cursor by a day, PageUp/PageDown by a month, Home/End
/// to either end, Enter jumps to the cursor's day. A click jumps to the clicked bucket; a drag along the strip to the day
/// where it is released.
/// </summary>
public partial class DensityStrip : IAsyncDisposable
{
    private ElementReference _track, _dragMarker;
    private const string Script = "./_content/Admin.Components/densityStrip.js";
    private IJSObjectReference? _module; // set once attach() is sent: the module then has this strip's listeners to release
    private DotNetObjectReference<DensityStrip>? _self;
    private DateOnly? _cursor;
    private (DateOnly, DateOnly) _span;
    private bool _focused, _disposed, _imported;
    private long _highest = 1;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>In order, each starting where the one before ends; the first starts the strip.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<DensityBucket> Buckets { get; set; } = [];
    /// <summary>The day after the last bucket's last day.</summary>
    [Parameter, EditorRequired] public DateOnly End { get; set; }
    /// <summary>The days (inclusive) the reader is looking at; nothing is marked while either is null.</summary>
    [Parameter] public DateOnly? MarkFrom { get; set; }
    [Parameter] public DateOnly? MarkTo { get; set; }
    [Parameter] public EventCallback<DensityJump> OnJump { get; set; }
    /// <summary>The slider's accessible name.</summary>
    [Parameter] public string Label { get; set; } = "Timeline";
    /// <summary>What one counted thing is called in tooltips and the slider's value ("checks").</summary>
    [Parameter] public string NounMany { get; set; } = "rows";
    /// <summary>Under the strip, between its first and last day ("checks per week").</summary>
    [Parameter] public string? Caption { get; set; }
    [Parameter] public string Height { get; set; } = "3rem";
    /// <summary>Shows a count in tooltips and the slider's value text.</summary>
    [Parameter] public Func<long, string> FormatCount { get; set; } = n => n.ToString("N0", CultureInfo.InvariantCulture);

    private DateOnly Start => Buckets[0].Start;
    private int Days => Math.Max(1, End.DayNumber - Start.DayNumber);
    private DateOnly Last => End.AddDays(-1);

    /// <summary>The keyboard cursor: where the reader moved it, else the start of the marked window, else the last day.</summary>
    public DateOnly Cursor => Clamp(_cursor ?? MarkFrom ?? Last);

    private string CursorText
    {
        get
        {
            var i = BucketOf(Cursor);
            return $"{Format(Cursor)}: {FormatCount(Buckets[i].Count)} {NounMany} from {Format(Buckets[i].Start)} to {Format(BucketEnd(i).AddDays(-1))}";
        }
    }

    protected override void OnParametersSet()
    {
        // A new span (the filter changed): the cursor follows the marked window again.
        if (Buckets.Count > 0 && (Start, End) != _span)
        {
            _span = (Start, End);
            _cursor = null;
        }
        var drawnFor = (Buckets, End, NounMany, FormatCount);
        if (!drawnFor.Equals(_drawnFor))
        {
            _drawnFor = drawnFor;
            _highest = Buckets.Count == 0 ? 1 : Math.Max(1, Buckets.Max(b => b.Count));
            var w = new MarkupWriter();
            for (var i = 0; i < Buckets.Count; i++)
            {
                var bucket = Buckets[i];
                var end = BucketEnd(i);
                w.Open("div").Attr("class", "ds-bucket").Attr("style", Span(bucket.Start, end)).Attr("title", Describe(bucket, end))
                    .Attr("data-start", IsoDay.Format(bucket.Start)).Attr("data-count", bucket.Count.ToString(CultureInfo.InvariantCulture)).EndTag();
                if (bucket.Count > 0) w.Open("div").Attr("class", "ds-bar").Attr("style", "height:" + Percent(BarHeight(bucket.Count))).EndTag().Close("div");
                w.Close("div");
            }
            _bucketsMarkup = new MarkupString(MarkupPool.Intern(w.ToString()));
        }
    }

    // The buckets as drawn, made once per set of buckets: the strip renders again whenever the reader's window moves
    // (every scroll of the grid beside it), and an unchanged string diffs as one comparison.
    private MarkupString _bucketsMarkup;
    private (IReadOnlyList<DensityBucket>, DateOnly, string, Func<long, string>)? _drawnFor;

    /// <summary>A click on the bucket starting <paramref name="start"/> (yyyy-MM-dd, densityStrip.js): jump to its days.</summary>
    [JSInvokable]
    public async Task BucketClicked(string start)
    {
        // From the browser: only a day that starts one of the buckets drawn.
        if (!DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return;
        for (var i = 0; i < Buckets.Count; i++)
            if (Buckets[i].Start == day)
            {
                await OnJump.InvokeAsync(new DensityJump(day, BucketEnd(i)));
                return;
            }
    }

    private DateOnly BucketEnd(int i) => i + 1 < Buckets.Count ? Buckets[i + 1].Start : End;

    private int BucketOf(DateOnly day)
    {
        for (var i = Buckets.Count - 1; i > 0; i--)
            if (Buckets[i].Start <= day) return i;
        return 0;
    }

    // A bucket with any rows stays visible however tall the highest one is.
    private double BarHeight(long n) => Math.Max(4, 100.0 * n / _highest);

    private int Offset(DateOnly day) => day.DayNumber - Start.DayNumber;

    private string Span(DateOnly from, DateOnly to) =>
        $"left:{Percent(100.0 * Offset(from) / Days)};width:{Percent(100.0 * (to.DayNumber - from.DayNumber) / Days)}";

    private static string Percent(double p) => p.ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private string Describe(DensityBucket bucket, DateOnly end) =>
        (end.DayNumber - bucket.Start.DayNumber == 1 ? Format(bucket.Start) : $"{Format(bucket.Start)} – {Format(end.AddDays(-1))}")
        + $": {FormatCount(bucket.Count)} {NounMany}";

    private DateOnly Clamp(DateOnly day) => day < Start ? Start : day > Last ? Last : day;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static string Format(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private async Task OnKeyDown(KeyboardEventArgs e)
    {
        var cursor = Cursor;
        DateOnly? moved = e.Key switch
        {
            "ArrowLeft" or "ArrowDown" => cursor.AddDays(-1),
            "ArrowRight" or "ArrowUp" => cursor.AddDays(1),
            "PageDown" => cursor.AddMonths(-1),
            "PageUp" => cursor.AddMonths(1),
            "Home" => Start,
            "End" => Last,
            _ => null,
        };
        if (moved is { } day)
        {
            _cursor = Clamp(day);
            return;
        }
        if (e.Key is "Enter" or " ")
            await OnJump.InvokeAsync(new DensityJump(cursor, cursor.AddDays(1)));
    }

    /// <summary>A drag was released at <paramref name="fraction"/> of the strip's width: jump to that day.</summary>
    [JSInvokable]
    public async Task DragEnded(double fraction)
    {
        if (Buckets.Count == 0 || double.IsNaN(fraction)) return;
        var day = Clamp(Start.AddDays((int)Math.Floor(Math.Clamp(fraction, 0, 1) * Days)));
        _cursor = day;
        await OnJump.InvokeAsync(new DensityJump(day, day.AddDays(1)));
        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The keys the slider uses must not also scroll the page; only JS can cancel them for some keys and not Tab.
        if (_imported || Buckets.Count == 0 || _disposed) return;
        _imported = true;
        try
        {
            var module = await JS.ImportAsync(Script);
            if (!_disposed)
            {
                _self = DotNetObjectReference.Create(this);
                _module = module;
                await module.InvokeVoidAsync("attach", _track, _dragMarker, _self);
            }
            if (_disposed) await ReleaseJsAsync(); // disposed while these calls were out
        }
        catch (JSDisconnectedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await ReleaseJsAsync();
    }

    private async Task ReleaseJsAsync()
    {
        var (module, self) = (_module, _self);
        (_module, _self) = (null, null);
        try
        {
            // The module is the page's (shared): only this strip's listeners go.
            if (module is not null) await module.InvokeVoidAsync("detach", _track);
        }
        catch (Exception ex) when (BrowserGone.Is(ex))
        {
        }
        finally
        {
            self?.Dispose();
        }
    }
}
