using System.Globalization;
using Admin.Components.Filters;
using Admin.Components.Inputs;
using Admin.Components.Grid;
using Admin.Components.Timeline;
using Admin.Data.Counting;
using Admin.Data.Audit;
using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;
using Admin.Data.Security;
using Admin.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.WebUtilities;

namespace Admin.Ui.Records;

/// <summary>
/// A table's list page, built from its definition alone. The URL holds the whole state (filters, search, order,
/// and a jump position "at"), so links can be shared and Back works; every change is an address that the same parser
/// validates, shown at once while the browser's address follows (<see cref="AddressesAhead"/>). Rows render first;
/// the count arrives on its own and never holds them up.
/// Rows arrive masked for roles that may not see personal data (the list engine masks them; the page never sees
/// them unmasked), each distinct search is written to the audit trail before its rows show, and only admins may
/// ask for an exact count. Where the list declares facets, each filter option shows its count under the other filters,
/// and a timeline beside the grid shows the filter's rows over time with the window in view marked; both arrive after
/// the rows, like the count, and are not fetched again for a jump (only the rows move).
/// </summary>
public partial class ListPage<TRow> where TRow : class
{
    private const string At = "at";
    private static readonly IReadOnlySet<string> PassThrough = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { At, OpenParameter, PanelParameter };

    [Parameter, EditorRequired] public TableDefinition<TRow> Definition { get; set; } = default!;

    /// <summary>Where the list lives (no leading slash); a row opens at {BasePath}/{id}. Default: records/{slug}.</summary>
    [Parameter] public string? BasePath { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private string Path => BasePath ?? $"records/{Definition.Slug}";

    private ListQuery<TRow>? _query;
    private string? _error, _jumpError;
    private string _gridKey = "";
    private string? _location; // the browser's address last read
    private readonly AddressesAhead _ahead = new();
    private GridWindowProvider<TRow>? _provider;
    private KeysetGrid<TRow>? _grid;
    private IReadOnlyList<GridColumn<TRow>> _columns = [];
    private IReadOnlyList<ColumnOption> _columnOptions = [];
    private IReadOnlyList<string> _visibleColumns = [];
    private IReadOnlyList<string>? _chosenColumns;
    private string? _columnError;
    private Task _columnSave = Task.CompletedTask;
    private System.Security.Claims.ClaimsPrincipal? _user;
    private IReadOnlyList<FilterField> _filterFields = [];
    private Dictionary<string, string?> _filterValues = [];
    private GridAnchor _initialAnchor = GridAnchor.Start;
    private object? _initialTarget;
    private string? _searchText, _searchKind, _jumpText, _recordText;
    private ListCount<TRow>? _count;
    private ListTimeline<TRow>? _timeline;
    private string? _summaryKey;
    private DateOnly? _markFrom, _markTo;
    // Nobody known: masked, and no exact counts (safe until the authentication state says otherwise).
    private PersonalDataView _view = PersonalDataView.Masked;
    private bool _isAdmin;
    private List<SelectChoice>? _searchChoices; // the same for every render
    private List<SelectChoice>? _orderChoices; // the same until the query changes (a search may add its own ordering)
    private string? _lastAuditedSearch;
    // Where the grid is, told in the display zone for an ordering by time.
    private Func<TRow, string>? _positionOf;

    private string SearchHint => Definition.FindSearch(_searchKind ?? "")?.Hint ?? "Search";

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _user = (await AuthenticationState).User;
            _view = _user.ViewOfPersonalData();
            _isAdmin = _user.IsAdmin();
        }
        Nav.LocationChanged += OnLocationChanged;
        _columnOptions = Definition.ChoosableColumns.Select(c => new ColumnOption(c.Name, c.TitleIn(Zone), c.ShownByDefault)).ToList();
        try
        {
            _chosenColumns = await ColumnChoices.GetAsync(_user, Definition.Slug);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            Logger.LogWarning(ex, "The column choice could not be read; showing the default columns.");
        }
        ApplyColumns();
    }

    // The saved choice, less names the list no longer has (the defaults when none is left). The rows are masked before
    // any column formats them, so a personal column chosen by a masked role shows the masked value.
    private void ApplyColumns()
    {
        var shown = Definition.ColumnsFor(_chosenColumns);
        // Times read in the display zone, and their titles say which ("Time (SAST)").
        _columns = shown.Select(c => new GridColumn<TRow>(c.TitleIn(Zone), row => c.Text(row, Zone)) { Width = c.Width }).ToList();
        _visibleColumns = shown.Select(c => c.Name).ToList();
    }

    private async Task OnColumnsChanged(IReadOnlyList<string> names)
    {
        var known = Definition.ColumnsFor(names).Select(c => c.Name).ToList();
        _chosenColumns = known;
        _columnError = null;
        ApplyColumns();
        if (_user is null) return;
        // Two quick ticks start two saves; each waits for the one before, so the last choice is the one written last.
        _columnSave = SaveColumnsAfter(_columnSave, _user, known);
        await _columnSave;
    }

    private async Task SaveColumnsAfter(Task previous, System.Security.Claims.ClaimsPrincipal user, List<string> known)
    {
        await previous;
        try
        {
            await ColumnChoices.SetAsync(user, Definition.Slug, known, Definition.IsDefaultChoice(known));
        }
        catch (Npgsql.NpgsqlException ex)
        {
            Logger.LogWarning(ex, "The column choice could not be saved.");
            _columnError = "Your choice of columns could not be saved; it holds until you leave this page.";
        }
    }

    // The bar's fields for the current query. A filter another one implies (a district's province), once chosen,
    // narrows the options of the implying one to those within it: the districts of the chosen province.
    private IReadOnlyList<FilterField> FilterFields() =>
        Definition.Filters.Where(f => f.Kind == FilterKind.Choice).Select(f =>
        {
            IEnumerable<FilterChoice> choices = f.Choices;
            foreach (var implication in Definition.FilterImplications.Where(i => string.Equals(i.Filter, f.Name, StringComparison.OrdinalIgnoreCase)))
                if (_query?.Filters.FirstOrDefault(a => string.Equals(a.Definition.Name, implication.Implied, StringComparison.OrdinalIgnoreCase)) is { } implied)
                    choices = choices.Where(c => string.Equals(implication.ImpliedValue(c.Value), implied.Value, StringComparison.OrdinalIgnoreCase));
            return new FilterField(f.Name, f.Title, choices.Select(c => new FilterOption(c.Value, c.Label)).ToList())
            {
                OrderByCount = f.Facet == FacetDisplay.CountsLargestFirst,
            };
        }).ToList();

    protected override void OnParametersSet() => ReadLocation();

    // The router renders the page for a new address too; this renders it only when the address changed what it shows
    // (an address the router already gave it would send a batch with no edit in it).
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) =>
        _ = InvokeAsync(() => { if (ReadLocation()) StateHasChanged(); });

    // The browser's address, once per address (the router's render and the handler above both report it), unless the
    // page has already moved past it (AddressesAhead).
    private bool ReadLocation()
    {
        var location = Nav.Uri;
        if (location == _location) return false;
        _location = location;
        var uri = Nav.ToAbsoluteUri(location);
        var parameters = ParametersOf(uri);
        return _ahead.ShouldRead(AddressKey(uri, parameters)) && ReadUrl(uri, parameters);
    }

    private static List<KeyValuePair<string, string?>> ParametersOf(Uri uri) =>
        QueryHelpers.ParseQuery(uri.Query).SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v))).ToList();

    // An address as the page reads it (decoded), so the browser's spelling of it compares equal to the page's.
    private static string AddressKey(Uri uri, List<KeyValuePair<string, string?>> parameters) =>
        uri.AbsolutePath + "?" + string.Join("&", parameters.Select(p => p.Key + "=" + p.Value));

    // Reads the query, the position and the panel from the address; false when they are what they were.
    private bool ReadUrl(Uri uri, List<KeyValuePair<string, string?>> parameters)
    {
        if (!uri.AbsolutePath.TrimEnd('/').EndsWith("/" + Path, StringComparison.OrdinalIgnoreCase)) return false;
        var panel = (_panelMode, _openId, _atText);
        ReadPanel(parameters);
        // The side panel's parameters do not move the rows: opening, closing or switching it keeps the grid and its place.
        var key = string.Join("&", parameters.Where(p => !IsPanelParameter(p.Key)).Select(p => p.Key + "=" + p.Value));
        if (key == _gridKey && (_query is not null || _error is not null)) return panel != (_panelMode, _openId, _atText);
        _gridKey = key;
        _orderChoices = null;

        _searchKind = parameters.LastOrDefault(p => p.Key == ListQueryParser.SearchKind).Value ?? Definition.Searches.FirstOrDefault()?.Name;
        _searchText = parameters.LastOrDefault(p => p.Key == ListQueryParser.SearchText).Value;
        try
        {
            _query = ListQueryParser.Parse(Definition, parameters, PassThrough, Zone);
            var ordering = _query.Ordering;
            _positionOf = row => ordering.Position(row, Zone);
            _error = null;
            (_initialAnchor, _initialTarget) = ParseAt(parameters.LastOrDefault(p => p.Key == At).Value);
        }
        catch (ListRequestException ex)
        {
            (_query, _error) = (null, ex.Message);
        }
        _filterValues = Definition.Filters.Where(f => f.Kind == FilterKind.Choice)
            .ToDictionary(f => f.Name, f => _query?.Filters.FirstOrDefault(a => a.Definition == f)?.Value, StringComparer.OrdinalIgnoreCase);
        _filterFields = FilterFields();
        _provider = _query is null ? null : GridWindows.For(Lister, _query, _view, AuditSearch(_query));
        // A jump (only "at" changed) moves the rows; the count, the facets and the timeline stay what they were.
        var summaryKey = _query is null ? null : string.Join("&", _query.ToParameters().Select(p => p.Key + "=" + p.Value));
        if (summaryKey is null || summaryKey != _summaryKey)
        {
            _summaryKey = summaryKey;
            (_markFrom, _markTo) = (null, null);
            StartCount();
        }
        return true;
    }

    // A search (any filter or search text) is recorded once each time it is applied, not per scrolled block, jump or
    // re-render; only in the live circuit, since the prerendered page fetches no rows.
    private Task? AuditSearch(ListQuery<TRow> query)
    {
        if (!RendererInfo.IsInteractive || !query.IsFiltered) return null;
        var text = query.ToAuditText(_view);
        if (text == _lastAuditedSearch) return null;
        _lastAuditedSearch = text;
        return Audit.RecordAsync(AuditActions.Search, Definition.Table, query: text);
    }

    private (GridAnchor, object?) ParseAt(string? at)
    {
        if (string.IsNullOrEmpty(at)) return (GridAnchor.Start, null);
        if (TryParseInstant(at, out var instant)) return (GridAnchor.Jump, instant);
        throw new ListRequestException($"The 'at' position must be a date and time ({Zone.Label}) such as 2021-03-14T10:32.", At);
    }

    // A time typed (or in the URL's "at") is a local time of the display zone.
    private bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        var ok = DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt);
        ok = ok && dt.Year is >= 2000 and < 2100;
        instant = ok ? Zone.FromLocal(dt) : default;
        return ok;
    }

    // The prerendered page is replaced as soon as the circuit starts: count only for the live one.
    private void StartCount()
    {
        var query = RendererInfo.IsInteractive ? _query : null;
        Count.Start(query);
        Strip.Start(query);
    }

    private ListCount<TRow> Count => _count ??= new(Counter, Rollups, Audit, Logger, InvokeAsync, StateHasChanged);

    private ListTimeline<TRow> Strip => _timeline ??= new(Timelines, Logger, InvokeAsync, StateHasChanged);

    private PageLabels Labels => _labels is { } labels && labels.Definition == Definition ? labels : _labels = new(Definition, Zone.Label);
    private PageLabels? _labels;

    // The page's texts made once per list, not joined in each render: a joined string is new each time, and the render
    // tree keeps it until the next render, through every garbage collection in between.
    private sealed class PageLabels(TableDefinition<TRow> definition, string zone)
    {
        public TableDefinition<TRow> Definition => definition;
        public string DateRange { get; } = $"Dates ({zone})";
        public string Jump { get; } = $"Jump to ({zone})";
        public string Timeline { get; } = $"Timeline of {definition.Noun.Many}";
        // Says which combinations exist and why the others do not, under each field the filter bar disables.
        public string NotCombinable { get; } =
            $"Not with these filters (each combination needs an index of its own). Offered: {definition.DescribeCombinations()}.";
        private readonly Dictionary<TimelineUnit, string> _captions = [];

        public string Caption(TimelineUnit unit)
        {
            if (!_captions.TryGetValue(unit, out var caption))
                _captions[unit] = caption =
                    $"{definition.Noun.Many} per {unit.ToString().ToLowerInvariant()} ({zone}); click a bar or use the arrow keys and Enter to jump there";
            return caption;
        }
    }

    // Marks the days the grid shows on the timeline; re-renders only when those days change, not on every scroll.
    private void OnRowsInView(TRow first, TRow last)
    {
        _firstInView = first;
        if (_query is not { } query || query.Ordering.Keys[0].Type != typeof(DateTimeOffset)) return;
        var (a, b) = (DayOf(query.Ordering.KeyOf(first)[0]), DayOf(query.Ordering.KeyOf(last)[0]));
        var (from, to) = a <= b ? (a, b) : (b, a);
        if ((from, to) == (_markFrom, _markTo)) return;
        (_markFrom, _markTo) = (from, to);
        if (Strip.Value is not null) StateHasChanged();
    }

    private DateOnly DayOf(object key) => Zone.DayOf((DateTimeOffset)key);

    // A bar or a day chosen on the timeline: the "jump to a date" path, to the end of it the ordering meets first
    // (newest first: its last moment, so its rows come first and scrolling on goes back through it).
    private void OnTimelineJump(DensityJump jump)
    {
        if (_query is null) return;
        var instant = _query.Ordering.Keys[0].Descending
            ? Zone.StartOf(jump.To).AddSeconds(-1)
            : Zone.StartOf(jump.From);
        _jumpText = Zone.Format(instant, "yyyy-MM-dd HH:mm");
        JumpTo(instant);
    }

    private void CountExactly()
    {
        // The button is only rendered for admins; this holds even if an event arrives for it anyway.
        if (_query is null || !_isAdmin) return;
        Count.CountExactly(_query.ToAuditText(_view));
    }

    private bool IsCombinable(IReadOnlySet<string> names) =>
        names.Count == 0 || _query?.Search is not null || Definition.IsServedCombination(names);


    private void Go(IEnumerable<KeyValuePair<string, string?>> changes, bool keepPosition = false)
    {
        var current = _query?.ToParameters().ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in changes) current[k] = v;
        if (!keepPosition) current.Remove(At);
        if (_panelMode) current.TryAdd(PanelParameter, "1"); // the panel stays on; a record open in it closes with the change
        var query = string.Join("&", current.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value!)}"));
        var url = Path + (query.Length > 0 ? "?" + query : "");
        // Shown at once, the address following: the rows are fetched while the browser confirms the navigation.
        var uri = Nav.ToAbsoluteUri(url);
        var parameters = ParametersOf(uri);
        _ahead.Applied(AddressKey(uri, parameters));
        ReadUrl(uri, parameters);
        Nav.NavigateTo(url);
    }

    private void OnFilterChanged(FilterChange change) => Go([new(change.Name, change.Value)]);

    private void OnDatesChanged((DateOnly? From, DateOnly? To) range) =>
        Go([new(ListQueryParser.From, range.From?.ToString("yyyy-MM-dd")), new(ListQueryParser.To, range.To?.ToString("yyyy-MM-dd"))]);

    private void OnSortChanged(string sort) => Go([new(ListQueryParser.Sort, sort == Definition.DefaultOrdering.Name ? null : sort)]);

    private void OnSearchKindChanged(string kind)
    {
        _searchKind = kind;
        if (!string.IsNullOrWhiteSpace(_searchText)) Go([new(ListQueryParser.SearchKind, kind), new(ListQueryParser.SearchText, _searchText)]);
    }

    private void OnSearchChanged(string? text)
    {
        if (string.Equals(text?.Trim() ?? "", _searchText?.Trim() ?? "", StringComparison.Ordinal)) return;
        _searchText = text;
        Go([new(ListQueryParser.SearchText, string.IsNullOrWhiteSpace(text) ? null : text.Trim()), new(ListQueryParser.SearchKind, string.IsNullOrWhiteSpace(text) ? null : _searchKind)]);
    }

    private async Task Jump(GridAnchor anchor)
    {
        _jumpError = null;
        if (_grid is not null) await _grid.JumpAsync(anchor);
    }

    private void JumpToDate()
    {
        _jumpError = null;
        if (string.IsNullOrWhiteSpace(_jumpText) || !TryParseInstant(_jumpText, out var instant))
        {
            _jumpError = $"Type a date and time such as 2021-03-14 10:32 ({Zone.Label}).";
            return;
        }
        JumpTo(instant);
    }

    private void JumpTo(DateTimeOffset instant)
    {
        var current = _query?.ToParameters().Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)).ToList() ?? [];
        current.Add(new(At, Zone.Format(instant, instant.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss")));
        Go(current, keepPosition: true);
    }

    private async Task OpenRecord()
    {
        _jumpError = null;
        var id = Definition.ParseId(_recordText?.Trim() ?? "");
        var row = id is null ? null : await Lister.FindAsync(Definition, id, _view, CancellationToken.None);
        if (row is null)
        {
            _jumpError = id is null ? "That is not a record id." : "No record has that id.";
            return;
        }
        Open(row);
    }

    private void Open(TRow row)
    {
        if (_panelMode) OpenInPanel(row);
        else Nav.NavigateTo($"{Path}/{Uri.EscapeDataString(Definition.IdOf(row))}");
    }

    public void Dispose()
    {
        Nav.LocationChanged -= OnLocationChanged;
        _count?.Dispose();
        _timeline?.Dispose();
    }
}
