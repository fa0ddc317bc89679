using Admin.Components.Interop;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Admin.Components.Grid;

/// <summary>
/// A grid for tables too large to count or to size one scroll range for (NOTES §3, §8). It holds a bounded buffer of
/// rows fetched in blocks from the provider, each block next to a known row's cursor (keyset, never OFFSET); the
/// scroll range grows as the reader nears either edge, and blocks far from view are dropped. Only the rows in view
/// are rendered, at a fixed height, so the viewport maths is exact. A jump starts a new buffer anywhere and
/// cancels whatever the old one was still fetching.
/// For keyboards and screen readers it is an ARIA grid of unknown size (aria-rowcount -1, row indexes within the
/// window) with one tab stop (roving tabindex): arrows, PageUp/PageDown, Home/End move a row, a screen, or to the
/// window's ends, and Home/End pressed again (or Ctrl+Home/End) go by key to the ends of the whole list. The active row
/// is remembered by its cursor, not its index, so blocks added or dropped above never move it.
/// </summary>
public partial class KeysetGrid<TRow>
{
    private readonly List<TRow> _rows = [];
    private readonly List<string> _cursors = [];
    private bool? _moreBefore, _moreAfter;
    private bool _loading = true, _loadingBefore, _loadingAfter; // loading until the first window arrives (also while prerendered)
    private string? _error;
    private int _first, _visible = 20, _generation;
    private int _pendingShift; // whole pixels, sent to JS as an int (why: where "shift" is called)
    private bool _pendingTop, _pendingBottom;
    private CancellationTokenSource _cts = new();
    private Task? _firstLoad;
    private bool _disposed;
    private ElementReference _viewport;
    private const string Script = "./_content/Admin.Components/keysetGrid.js";
    private IJSObjectReference? _module; // set once observe() is sent: the module then has this grid's listeners to release
    private bool _loadedOnce;
    private DotNetObjectReference<KeysetGrid<TRow>>? _self;
    private double _clientHeight;
    // The row the keyboard is on, by cursor (a record, not a position); a key moved it and the browser should focus it.
    private string? _activeCursor;
    private bool _focusPending;
    // Rows a key moved away from before the browser has focused the row it moved to.
    private readonly HashSet<string> _leftBehind = [];
    // The row Home/End last brought the reader to, and which end: pressed again there, it goes to that end by key.
    private string? _edgeCursor;
    private bool _edgeAtEnd;
    // Each rendered row's cells as markup and its handlers, by cursor: this render's and the last one's (reused while
    // the row object and the columns are the same), so memory holds about two screens of rows, not the buffer. A handler
    // made anew in each render is a new delegate, which Blazor sends as a new handler id for every row on every render
    // (~60 edits and as many dropped ids when the viewport is first reported); the same delegate keeps its id.
    private Dictionary<string, ShownRow> _cells = [], _lastCells = [];
    private (IReadOnlyList<GridColumn<TRow>>, bool) _cellsFor;

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<KeysetGrid<TRow>> Logger { get; set; } = default!;

    [Parameter, EditorRequired] public GridWindowProvider<TRow> Provider { get; set; } = default!;
    [Parameter, EditorRequired] public IReadOnlyList<GridColumn<TRow>> Columns { get; set; } = [];
    /// <summary>Where a row stands in the ordering, for the "around …" label (there is no row number to show).</summary>
    [Parameter] public Func<TRow, string>? PositionOf { get; set; }
    [Parameter] public EventCallback<TRow> OnRowClick { get; set; }
    /// <summary>The grid's accessible name (aria-label), e.g. the list's title.</summary>
    [Parameter] public string? Label { get; set; }
    /// <summary>Turns a provider's exception into a message for the reader; null means "unexpected" (logged, generic message).</summary>
    [Parameter] public Func<Exception, string?>? DescribeError { get; set; }
    [Parameter] public GridAnchor InitialAnchor { get; set; } = GridAnchor.Start;
    [Parameter] public object? InitialTarget { get; set; }
    [Parameter] public int RowHeight { get; set; } = 36;
    /// <summary>
    /// Rows per fetch. Most windows are looked at, not scrolled (a filter, a search, a jump), so a block is about two
    /// screens and a half: a reader's screen of up to 29 rows never fetches a second block before scrolling, and each
    /// window reads, keeps and presents 60 rows, not 100 (rows fetched were a third of the app's allocations at 500 users).
    /// </summary>
    [Parameter] public int BlockSize { get; set; } = 60;
    /// <summary>
    /// The most rows held at once; older blocks are dropped (and fetched again, one indexed query each, if the reader
    /// scrolls back). Five blocks: a circuit holds each row and its cursor until they are dropped (a HealthCheck ~0.6 KB
    /// with its strings, by a heap dump), so an analyst who scrolled through eight blocks held ~500 of them while 1,000
    /// were allowed.
    /// </summary>
    [Parameter] public int MaxRows { get; set; } = 300;
    [Parameter] public int Overscan { get; set; } = 8;
    [Parameter] public string Height { get; set; } = "65vh";
    [Parameter] public string EmptyText { get; set; } = "Nothing matches.";
    /// <summary>
    /// Each row gets a copy button (a menu: the row as tab-separated text, or one cell), and Ctrl+C on a row copies it.
    /// The text copied is the text shown: whatever the provider's rows hold, nothing more.
    /// </summary>
    [Parameter] public bool Copyable { get; set; }
    /// <summary>
    /// The first and last row in view, after a render that changed them (a page marks where the reader is, e.g. on a
    /// timeline). A plain delegate, not an EventCallback: the page re-renders only what it chooses to.
    /// </summary>
    [Parameter] public Action<TRow, TRow>? OnRowsInView { get; set; }

    public IReadOnlyList<TRow> Rows => _rows;
    public bool IsLoading => _loading || _loadingAfter || _loadingBefore;

    private string PositionText =>
        _rows.Count == 0 || PositionOf is null ? "" : "around " + PositionOf(_rows[Math.Clamp(_first, 0, _rows.Count - 1)]);

    private int ColumnSpan => Columns.Count + (Copyable ? 1 : 0);

    // Styles made once per value and shared by every grid: a string joined in the markup is new in every render, and
    // the circuit keeps it until the next render, through every garbage collection in between (a list's grid is new
    // with each query, so one per grid was still one per action).
    private sealed record Styles(string Viewport, string Table, string Header);

    private static readonly ConcurrentDictionary<(string Height, int RowHeight), Styles> AllStyles = new();
    private Styles _styles = null!;

    private void MakeStyles() => _styles = AllStyles.GetOrAdd((Height, RowHeight), static k =>
        new Styles("height:" + k.Height, $"--kg-row-height:{k.RowHeight}px", $"height:{k.RowHeight}px"));

    private string ViewportStyle => _styles.Viewport;
    private string TableStyle => _styles.Table;
    private string HeaderStyle => _styles.Header;
    private string SpacerStyle(int rows) => rows == 0 ? "height:0px" : $"height:{rows * RowHeight}px";

    private (int Start, int End) RenderRange =>
        (Math.Max(0, _first - Overscan), Math.Min(_rows.Count, _first + _visible + Overscan));

    /// <summary>Rows a PageUp/PageDown moves: those wholly in view below the sticky header.</summary>
    private int PageRows => Math.Max(1, _clientHeight > 0 ? (int)(_clientHeight / RowHeight) - 1 : _visible - 2);

    /// <summary>The one row Tab reaches: the active row while it is rendered, else the first row in view.</summary>
    private int TabStop(int start, int end)
    {
        var active = _activeCursor is null ? -1 : _cursors.IndexOf(_activeCursor);
        return active >= start && active < end ? active : Math.Clamp(_first, start, end - 1);
    }

    protected override void OnInitialized()
    {
        // In a circuit the first block is fetched at once, not after the first render: OnAfterRender waits until the
        // browser has applied and acknowledged the render batch, so a browser on a busy machine held every new list's
        // query back by its own delay (a headless client that acknowledges at once never showed it). A prerender never
        // fetches: its rows would go with the page.
        if (RendererInfo.IsInteractive) _firstLoad = LoadWindowAsync(InitialAnchor, InitialTarget, focusEdge: false);
    }

    protected override void OnParametersSet()
    {
        MakeStyles();
        // Other columns (the chooser) or the copy cell: every row's markup is built again.
        if (_cellsFor != (Columns, Copyable))
        {
            _cellsFor = (Columns, Copyable);
            _cells.Clear();
            _lastCells.Clear();
        }
    }

    private void BeginRowCells()
    {
        (_cells, _lastCells) = (_lastCells, _cells);
        _cells.Clear();
    }

    // One string for every row's copy cell, rendered as a frame of its own after the row's cells: it was more than half of
    // each row's markup, which a circuit keeps while the row is on screen.
    private static readonly MarkupString CopyCell = new(
        "<td class=\"kg-copy-cell\"><button type=\"button\" class=\"kg-copy\" tabindex=\"-1\" " +
        "aria-label=\"Copy this row or a cell\" title=\"Copy this row or a cell (Ctrl+C copies the row)\">\u29C9</button></td>");

    // One builder per thread for every grid: a row's markup is built and copied out at once (a new builder per row grew
    // through several chunks, the grid's largest allocation under load).
    [ThreadStatic] private static StringBuilder? CellText;

    // The same row object (a row fetched again may hold new values); rows of a value type by value.
    private static bool SameRow(TRow a, TRow b) =>
        typeof(TRow).IsValueType ? EqualityComparer<TRow>.Default.Equals(a, b) : ReferenceEquals(a, b);

    private sealed record ShownRow(TRow Row, MarkupString Cells, Func<Task> Click, Func<KeyboardEventArgs, Task> Key);

    // A row as rendered: its cells, HTML-encoded (the copy cell is out of the tab order, like the row's other cells; the
    // keyboard's way is Ctrl+C or the context-menu key on the row), and its click and key handlers. The cells are plain
    // td elements: in a table whose role is grid a td's role is gridcell (HTML-AAM), and a role and a class on each cell
    // were ~40 % of the bytes every scroll sends.
    private ShownRow Shown(string cursor, TRow row)
    {
        if (!_lastCells.TryGetValue(cursor, out var shown) || !SameRow(shown.Row, row))
        {
            var html = CellText ??= new StringBuilder(1024);
            html.Clear();
            foreach (var column in Columns)
                html.Append("<td>").Append(WebUtility.HtmlEncode(column.Text(row))).Append("</td>");
            shown = new ShownRow(row, new MarkupString(html.ToString()), () => OnRowClicked(cursor, row), e => OnRowKey(e, cursor));
            if (html.Capacity > 1 << 16) CellText = null; // a huge row's buffer is not kept
        }
        _cells[cursor] = shown;
        return shown;
    }

    /// <summary>Starts a new buffer at <paramref name="anchor"/>, dropping the old one and cancelling its fetches.</summary>
    public Task JumpAsync(GridAnchor anchor, object? target = null)
    {
        _activeCursor = _edgeCursor = null;
        _leftBehind.Clear();
        return LoadWindowAsync(anchor, target, focusEdge: false);
    }

    // focusEdge: a key asked for this end of the list; the keyboard lands on its first (Start) or last (End) row.
    private async Task LoadWindowAsync(GridAnchor anchor, object? target, bool focusEdge)
    {
        // The grid can be disposed while its first render awaits JS (the page re-keyed it): nothing to load then.
        if (_disposed) return;
        // Swap before awaiting the cancel, so a jump or a dispose that interleaves never sees a disposed source.
        var previous = _cts;
        _cts = new CancellationTokenSource();
        var ct = _cts.Token;
        var generation = ++_generation;
        await CancelAndDisposeAsync(previous);
        // The first load shows what the first render showed ("Loading…"): rendering it again would send an empty batch.
        var shows = _loading && !_loadingAfter && !_loadingBefore && _error is null && _rows.Count == 0;
        _loading = true;
        _loadingAfter = _loadingBefore = false;
        _error = null;
        if (!shows) StateHasChanged();
        try
        {
            var window = await Provider(new GridWindowRequest(anchor, BlockSize, Target: target), ct);
            if (generation != _generation) return;
            _rows.Clear();
            _cursors.Clear();
            _rows.AddRange(window.Items);
            _cursors.AddRange(window.Cursors);
            _moreBefore = window.MoreBefore;
            _moreAfter = window.MoreAfter ?? (window.Items.Count < BlockSize ? false : null);
            _first = anchor == GridAnchor.End ? Math.Max(0, _rows.Count - _visible) : 0;
            // A new viewport is at its top already: no call to put it there.
            (_pendingTop, _pendingBottom, _pendingShift) = (anchor != GridAnchor.End && _loadedOnce, anchor == GridAnchor.End, 0);
            _loadedOnce = true;
            if (focusEdge && _cursors.Count > 0)
            {
                _activeCursor = _edgeCursor = anchor == GridAnchor.End ? _cursors[^1] : _cursors[0];
                _edgeAtEnd = anchor == GridAnchor.End;
                _focusPending = true;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            if (generation != _generation) return;
            _rows.Clear();
            _cursors.Clear();
            _error = Describe(ex);
        }
        finally
        {
            if (generation == _generation)
            {
                _loading = false;
                StateHasChanged();
            }
        }
        await MaybeExtendAsync();
    }

    /// <summary>The scroll position, from the browser. Renders the rows now in view and fetches a block when an edge nears.</summary>
    [JSInvokable]
    public async Task OnViewportChanged(double scrollTop, double clientHeight)
    {
        // Row i starts at (i + 1) * RowHeight (after the header row), and the sticky header covers the viewport's top RowHeight.
        var first = (int)Math.Max(0, Math.Ceiling(scrollTop / RowHeight - 0.05));
        var visible = (int)Math.Ceiling(clientHeight / RowHeight) + 1;
        _clientHeight = clientHeight;
        if (first != _first || visible != _visible)
        {
            (_first, _visible) = (Math.Min(first, Math.Max(0, _rows.Count - 1)), visible);
            StateHasChanged();
        }
        await MaybeExtendAsync();
    }

    private async Task MaybeExtendAsync()
    {
        if (_loading || _error is not null || _rows.Count == 0) return;
        var threshold = Math.Max(BlockSize / 2, _visible);
        if (_first + _visible >= _rows.Count - threshold && _moreAfter != false && !_loadingAfter)
            await ExtendAsync(after: true);
        else if (_first <= threshold && _moreBefore != false && !_loadingBefore)
            await ExtendAsync(after: false);
    }

    private async Task ExtendAsync(bool after)
    {
        if (_disposed) return;
        var generation = _generation;
        var ct = _cts.Token;
        if (after) _loadingAfter = true; else _loadingBefore = true;
        StateHasChanged();
        var extended = false;
        try
        {
            var request = after
                ? new GridWindowRequest(GridAnchor.After, BlockSize, _cursors[^1])
                : new GridWindowRequest(GridAnchor.Before, BlockSize, _cursors[0]);
            var window = await Provider(request, ct);
            if (generation != _generation) return;
            if (after)
            {
                _rows.AddRange(window.Items);
                _cursors.AddRange(window.Cursors);
                _moreAfter = window.Items.Count > 0 && window.MoreAfter != false;
                TrimFront();
            }
            else
            {
                _rows.InsertRange(0, window.Items);
                _cursors.InsertRange(0, window.Cursors);
                _moreBefore = window.Items.Count > 0 && window.MoreBefore != false;
                _first += window.Items.Count;
                _pendingShift += window.Items.Count * RowHeight;
                TrimBack();
            }
            extended = window.Items.Count > 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            if (generation != _generation) return;
            _error = Describe(ex);
        }
        finally
        {
            if (generation == _generation)
            {
                if (after) _loadingAfter = false; else _loadingBefore = false;
                StateHasChanged();
            }
        }
        if (extended) await MaybeExtendAsync();
    }

    // Bound memory: drop blocks the reader has scrolled well away from; they can be fetched again by key.
    private void TrimFront()
    {
        var drop = Math.Min(_rows.Count - MaxRows, _first - _visible - Overscan);
        if (drop <= 0) return;
        _rows.RemoveRange(0, drop);
        _cursors.RemoveRange(0, drop);
        _first -= drop;
        _pendingShift -= drop * RowHeight;
        _moreBefore = true;
    }

    private void TrimBack()
    {
        var keep = Math.Max(MaxRows, _first + 2 * _visible + Overscan);
        if (_rows.Count <= keep) return;
        _rows.RemoveRange(keep, _rows.Count - keep);
        _cursors.RemoveRange(keep, _cursors.Count - keep);
        _moreAfter = true;
    }

    private string Describe(Exception ex)
    {
        var message = DescribeError?.Invoke(ex);
        if (message is not null) return message;
        Logger.LogError(ex, "The grid's provider failed.");
        return "The rows could not be loaded. Try again in a moment.";
    }

    private Task OnRowClicked(string cursor, TRow row)
    {
        _activeCursor = cursor;
        _leftBehind.Clear();
        return OnRowClick.InvokeAsync(row);
    }

    // The row is named by its cursor: an event raced by a block load above still means the row the person was on.
    // Moving costs no query; only a block the move brings near an edge, or a jump by key, is fetched.
    private async Task OnRowKey(KeyboardEventArgs e, string cursor)
    {
        // Keys typed faster than the browser follows (or held down) arrive from a row a key already moved away from:
        // they continue from the active row. A key from any other row means focus got there some other way.
        var caughtUp = cursor == _activeCursor || !_leftBehind.Contains(cursor);
        var origin = !caughtUp && _activeCursor is not null && _cursors.Contains(_activeCursor) ? _activeCursor : cursor;
        if (caughtUp) _leftBehind.Clear();
        var index = _cursors.IndexOf(origin);
        if (index < 0) return;
        _activeCursor = origin;
        if (e.Key is not ("Home" or "End")) _edgeCursor = null;
        switch (e.Key)
        {
            case "Enter" or " ":
                await OnRowClicked(origin, _rows[index]);
                return;
            case "ArrowDown": MoveTo(index + 1); break;
            case "ArrowUp": MoveTo(index - 1); break;
            case "PageDown": MoveTo(index + PageRows); break;
            case "PageUp": MoveTo(index - PageRows); break;
            case "Home" or "End":
                if (await ToEdgeAsync(index, end: e.Key == "End", byKey: e.CtrlKey || e.MetaKey)) return;
                break;
            default: return;
        }
        await MaybeExtendAsync();
    }

    /// <summary>To the loaded window's first or last row; from there (or with Ctrl) a jump by key to that end of the list.</summary>
    private async Task<bool> ToEdgeAsync(int index, bool end, bool byKey)
    {
        var edge = end ? _rows.Count - 1 : 0;
        var more = end ? _moreAfter : _moreBefore;
        var again = _edgeCursor == _cursors[index] && _edgeAtEnd == end;
        if (byKey || (more != false && (index == edge || again)))
        {
            _edgeCursor = null;
            await LoadWindowAsync(end ? GridAnchor.End : GridAnchor.Start, null, focusEdge: true);
            return true;
        }
        MoveTo(edge);
        (_edgeCursor, _edgeAtEnd) = (_cursors[edge], end);
        return false;
    }

    // Makes the row active and brings it into the rendered range now; the browser scrolls it into view and focuses it.
    private void MoveTo(int index)
    {
        if (_rows.Count == 0) return;
        index = Math.Clamp(index, 0, _rows.Count - 1);
        if (_activeCursor is not null && _activeCursor != _cursors[index]) _leftBehind.Add(_activeCursor);
        _activeCursor = _cursors[index];
        _focusPending = true;
        var page = PageRows;
        if (index < _first) _first = index;
        else if (index >= _first + page) _first = index - page + 1;
    }

    private (object?, object?) _reportedView;

    private void ReportRowsInView()
    {
        if (OnRowsInView is null || _rows.Count == 0) return;
        var first = _rows[Math.Clamp(_first, 0, _rows.Count - 1)];
        var last = _rows[Math.Clamp(_first + _visible - 2, 0, _rows.Count - 1)]; // _visible counts one partly shown row
        if (ReferenceEquals(_reportedView.Item1, first) && ReferenceEquals(_reportedView.Item2, last)) return;
        _reportedView = (first, last);
        OnRowsInView(first, last);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        ReportRowsInView();
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            // The rows are fetched while the browser attaches the listeners (begun in OnInitialized in a circuit): the
            // fetch needs nothing from it, and waiting for that round trip put two messages in front of every new list's
            // query. What the load leaves for the module (a scroll, focus) is done once the module is ready.
            var load = _firstLoad ?? LoadWindowAsync(InitialAnchor, InitialTarget, focusEdge: false);
            var module = await JS.ImportAsync(Script);
            if (!_disposed)
            {
                _module = module;
                await module.InvokeVoidAsync("observe", _viewport, _self);
            }
            if (_disposed)
            {
                await ReleaseJsAsync(); // disposed while these calls were out: what they created is released here
                await load;
                return;
            }
            await load;
        }
        await ApplyPendingAsync();
    }

    // What a load or a key left for the browser: a scroll to an edge, a shift that keeps rows in place, focus.
    private async Task ApplyPendingAsync()
    {
        if (_module is null) return;
        if (_pendingTop || _pendingBottom)
        {
            var bottom = _pendingBottom;
            _pendingTop = _pendingBottom = false;
            // No number in these calls: a boxed double among JS interop arguments makes System.Text.Json resolve its ~40
            // interfaces in the circuit's own metadata cache (~40 KB per circuit, kept for its life).
            await _module.InvokeVoidAsync(bottom ? "scrollToBottom" : "scrollToTop", _viewport);
        }
        if (_pendingShift != 0)
        {
            var shift = _pendingShift;
            _pendingShift = 0;
            // An int, for the reason above: a double's interfaces were in 70 of 100 circuits' metadata (~19 KB each by a
            // heap dump); an int's are resolved in every circuit already.
            await _module.InvokeVoidAsync("shift", _viewport, shift);
        }
        // Only a key moves focus: blocks loading above or below leave it where it is (the row's element is keyed).
        if (_focusPending)
        {
            _focusPending = false;
            await _module.InvokeVoidAsync("focusActive", _viewport);
        }
    }

    private static async Task CancelAndDisposeAsync(CancellationTokenSource source)
    {
        await source.CancelAsync();
        source.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _generation++;
        await CancelAndDisposeAsync(_cts);
        await ReleaseJsAsync();
        _self?.Dispose();
    }

    private async Task ReleaseJsAsync()
    {
        var module = _module;
        _module = null;
        try
        {
            // The module is the page's (shared with other grids): only this grid's listeners go.
            if (module is not null) await module.InvokeVoidAsync("release", _viewport);
        }
        catch (Exception ex) when (BrowserGone.Is(ex))
        {
        }
    }
}
