using Admin.Data.Security;
using Npgsql;

namespace Admin.Data.Listing.Definitions;

/// <summary>
/// What a table's list page offers, declared in code next to the entity, in the spirit of Django's ModelAdmin:
/// the columns it shows and the filters, searches and orderings it allows. Every filter, search and ordering
/// must be served by an index; <see cref="IndexCoverage"/> checks that against the database at startup.
/// </summary>
public sealed class TableDefinition<T> : ITableDefinition where T : class
{
    public required string Table { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    /// <summary>Singular and plural of what one row is ("check", "checks").</summary>
    public required (string One, string Many) Noun { get; init; }
    public required IReadOnlyList<ColumnDefinition<T>> Columns { get; init; }
    /// <summary>A row's primary key as text (for links), and the reverse: null when the text is not an id.</summary>
    public required Func<T, string> IdOf { get; init; }
    public required Func<string, object?> ParseId { get; init; }
    /// <summary>
    /// Reads the rows of a window's <c>SELECT *, xmin</c> straight from Npgsql (the command, the rows expected), for
    /// tables declared column by column; null reads them through EF. The records grid is
    /// the hot path of many users at once: EF's context and query pipeline were ~5 % of the app's CPU at 300 users.
    /// </summary>
    public Func<NpgsqlCommand, int, CancellationToken, Task<List<T>>>? Rows { get; init; }
    /// <summary>The primary key column; every ordering ends with it (keys are unique), and cursors rely on it.</summary>
    public string IdColumn { get; init; } = "id";
    /// <summary>The first ordering that is not search-only is the default.</summary>
    public required IReadOnlyList<OrderingDefinition<T>> Orderings { get; init; }
    public IReadOnlyList<FilterDefinition> Filters { get; init; } = [];
    /// <summary>The sets of choice filters that may be combined (each needs its own composite index).</summary>
    public IReadOnlyList<IReadOnlyList<string>> FilterCombinations { get; init; } = [];
    /// <summary>
    /// Filters whose value decides another's (a district lies in one province): given together, the narrower one
    /// alone is the query (its index serves it), and a value that contradicts it is refused.
    /// </summary>
    public IReadOnlyList<FilterImplication> FilterImplications { get; init; } = [];

    /// <summary>The filters that go into the query: those of <paramref name="names"/> less any a narrower one implies.</summary>
    public IReadOnlySet<string> QueriedFilters(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var implication in FilterImplications)
            if (set.Contains(implication.Filter)) set.Remove(implication.Implied);
        return set;
    }

    /// <summary>Whether an index serves these choice filters together (after implied ones are dropped).</summary>
    public bool IsServedCombination(IEnumerable<string> names)
    {
        var queried = QueriedFilters(names);
        return queried.Count == 0 || FilterCombinations.Any(c => c.Count == queried.Count && c.All(queried.Contains));
    }

    /// <summary>The combinations a person can choose, for messages: "province + risk; district (within its province) + risk".</summary>
    public string DescribeCombinations() => string.Join("; ", FilterCombinations.Select(c => string.Join(" + ", c.Select(name =>
        FilterImplications.FirstOrDefault(i => string.Equals(i.Filter, name, StringComparison.OrdinalIgnoreCase)) is { } i
            ? $"{name} (within its {i.Implied})" : name))));
    public IReadOnlyList<SearchDefinition> Searches { get; init; } = [];

    /// <summary>Every column in the order a chooser offers and a grid shows them: the default set first, then the others.</summary>
    public IEnumerable<ColumnDefinition<T>> ChoosableColumns => Columns.Where(c => c.ShownByDefault).Concat(Columns.Where(c => !c.ShownByDefault));

    /// <summary>
    /// The columns to show for a saved choice: those of <paramref name="chosen"/> this list still has, in
    /// <see cref="ChoosableColumns"/> order. Names it does not know (a column since removed, a typo) are ignored; no choice,
    /// or none left, is the default set. Choosing changes which columns show, never what they hold: rows are masked
    /// before they reach any column.
    /// </summary>
    public IReadOnlyList<ColumnDefinition<T>> ColumnsFor(IEnumerable<string>? chosen)
    {
        var names = chosen?.ToHashSet(StringComparer.Ordinal) ?? [];
        var shown = ChoosableColumns.Where(c => names.Contains(c.Name)).ToList();
        return shown.Count > 0 ? shown : Columns.Where(c => c.ShownByDefault).ToList();
    }

    /// <summary>Whether <paramref name="chosen"/> is the default set (nothing to save).</summary>
    public bool IsDefaultChoice(IEnumerable<string> chosen) =>
        Columns.Where(c => c.ShownByDefault).Select(c => c.Name).ToHashSet(StringComparer.Ordinal).SetEquals(chosen);

    /// <summary>
    /// Replaces personal data in a row (in place) for roles that may not see it. Applied on the server to every row
    /// after keys and cursors are taken from it, before it reaches a page, a circuit's render tree or an API answer.
    /// </summary>
    public Action<T>? MaskPersonalData { get; init; }

    /// <summary>The same masking in SQL, column name to expression, for exports streamed straight from PostgreSQL.</summary>
    public IReadOnlyDictionary<string, string> MaskedColumnSql { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether a column holds personal data (it has a masked form): its values never go into a cursor.</summary>
    public bool IsPersonal(string column) => MaskedColumnSql.ContainsKey(column);

    /// <summary>
    /// The row as <paramref name="view"/> allows (in place, and returned for chaining). The list engine calls this, once,
    /// after it has taken keys and cursors from the row; a table without personal data has no mask and is unchanged.
    /// </summary>
    public T Present(T row, PersonalDataView view)
    {
        if (view == PersonalDataView.Masked) MaskPersonalData?.Invoke(row);
        return row;
    }

    public OrderingDefinition<T> DefaultOrdering => Orderings.First(o => !o.SearchOnly);

    public OrderingDefinition<T>? FindOrdering(string name) =>
        Orderings.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    public FilterDefinition? FindFilter(string name) =>
        Filters.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public SearchDefinition? FindSearch(string name) =>
        Searches.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    IEnumerable<(string Name, IReadOnlyList<KeyColumn> Keys, bool SearchOnly)> ITableDefinition.OrderingKeys =>
        Orderings.Select(o => (o.Name, o.IndexKeys, o.SearchOnly));

    public TResult Apply<TResult>(ITableOperation<TResult> operation) => operation.Run(this);
}

/// <summary>
/// Something done with a list whose row type is known only at run time (a registry lookup by slug): the definition
/// hands itself over typed, so no caller needs reflection to recover <typeparamref name="TResult"/>'s row type.
/// </summary>
public interface ITableOperation<out TResult>
{
    TResult Run<T>(TableDefinition<T> definition) where T : class;
}

/// <summary>The parts of a definition the index check reads, whatever the row type.</summary>
public interface ITableDefinition
{
    string Table { get; }
    string Slug { get; }
    string Title { get; }
    (string One, string Many) Noun { get; }
    IReadOnlyList<FilterDefinition> Filters { get; }
    IReadOnlyList<IReadOnlyList<string>> FilterCombinations { get; }
    IReadOnlyList<SearchDefinition> Searches { get; }
    IEnumerable<(string Name, IReadOnlyList<KeyColumn> Keys, bool SearchOnly)> OrderingKeys { get; }

    /// <summary>Runs <paramref name="operation"/> with the row type: the one way back from this interface to the typed definition.</summary>
    TResult Apply<TResult>(ITableOperation<TResult> operation);
}

/// <summary><paramref name="Filter"/>'s value decides <paramref name="Implied"/>'s (e.g. district → its province code).</summary>
public sealed record FilterImplication(string Filter, string Implied, Func<string, string?> ImpliedValue);

