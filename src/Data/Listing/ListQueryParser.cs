using System.Globalization;
using Admin.Data.Listing.Definitions;
using Admin.Data.Time;

namespace Admin.Data.Listing;

/// <summary>
/// Reads a list request from URL or API parameters and refuses, with a message a person can act on, anything
/// the table's indexes do not serve: unknown parameters, values outside a filter's choices, filter
/// combinations without a composite index, malformed or absurd dates, overlong input.
/// </summary>
public static class ListQueryParser
{
    public const string From = "from";
    public const string To = "to";
    public const string SearchText = "q";
    public const string SearchKind = "in";
    public const string Sort = "sort";
    public const int MaxValueLength = 200;
    private static readonly DateOnly EarliestDate = new(2000, 1, 1);
    private static readonly DateOnly LatestDate = new(2100, 1, 1);

    /// <param name="zone">The time zone from/to dates are local days of (the display zone; <see cref="DisplayTimeZone.Default"/> when null).</param>
    public static ListQuery<T> Parse<T>(TableDefinition<T> table, IEnumerable<KeyValuePair<string, string?>> parameters, IReadOnlySet<string>? passThrough = null,
        DisplayTimeZone? zone = null)
        where T : class
    {
        var filters = new List<ActiveFilter>();
        DateOnly? from = null, to = null;
        string? text = null, kind = null, sort = null;

        foreach (var (rawName, rawValue) in parameters)
        {
            var name = rawName.Trim();
            if (passThrough?.Contains(name) == true) continue;
            var value = rawValue?.Trim();
            if (string.IsNullOrEmpty(value)) continue;
            if (value.Length > MaxValueLength)
                throw new ListRequestException($"The value of '{Shorten(name)}' is too long (at most {MaxValueLength} characters).", name);

            switch (name.ToLowerInvariant())
            {
                case From: from = ParseDate(value, From); break;
                case To: to = ParseDate(value, To); break;
                case SearchText: text = value; break;
                case SearchKind: kind = value; break;
                case Sort: sort = value; break;
                default:
                    var filter = table.FindFilter(name);
                    if (filter is not { Kind: FilterKind.Choice })
                        throw new ListRequestException(
                            $"'{Shorten(name)}' is not something this list can filter by. It can filter by {Describe(table)}.", name);
                    if (filters.Any(f => f.Definition == filter))
                        throw new ListRequestException($"'{filter.Name}' is given twice; pick one {filter.Title.ToLowerInvariant()}.", name);
                    var normalized = filter.Normalize(value)
                        ?? throw new ListRequestException($"'{Shorten(value)}' is not a {filter.Title.ToLowerInvariant()} this list knows.", name);
                    filters.Add(new ActiveFilter(filter, normalized));
                    break;
            }
        }

        var search = ParseSearch(table, text, kind);
        var ordering = ChooseOrdering(table, sort, search);
        ActiveDateRange? dates = null;
        if (from is not null || to is not null)
        {
            var dateFilter = table.Filters.FirstOrDefault(f => f.Kind == FilterKind.DateRange)
                ?? throw new ListRequestException("This list has no date filter.", From);
            if (from > to) throw new ListRequestException("The 'from' date is after the 'to' date.", From);
            if (search is null && ordering.Keys[0].Column != dateFilter.Column)
                throw new ListRequestException($"A date range needs the list ordered by {dateFilter.Title.ToLowerInvariant()}.", From);
            dates = new ActiveDateRange(dateFilter, from, to, zone ?? DisplayTimeZone.Default);
        }

        // A filter another one implies (a district's province) is checked against it, then left out: the narrower
        // filter alone is the query, and its own index serves it.
        foreach (var implication in table.FilterImplications)
        {
            var narrow = filters.FirstOrDefault(f => string.Equals(f.Definition.Name, implication.Filter, StringComparison.OrdinalIgnoreCase));
            var implied = filters.FirstOrDefault(f => string.Equals(f.Definition.Name, implication.Implied, StringComparison.OrdinalIgnoreCase));
            if (narrow is null || implied is null) continue;
            if (!string.Equals(implication.ImpliedValue(narrow.Value), implied.Value, StringComparison.OrdinalIgnoreCase))
                throw new ListRequestException(
                    $"{narrow.Definition.Title} {Label(narrow)} is not in {implied.Definition.Title.ToLowerInvariant()} {Label(implied)}; choose a {narrow.Definition.Title.ToLowerInvariant()} within it or clear one of them.",
                    narrow.Definition.Name);
            filters.Remove(implied);
        }

        // Without a narrowing search, only the filter sets a composite index serves are allowed (NOTES §4: a rare
        // predicate the ordering index cannot check makes PostgreSQL walk the whole index).
        if (search is null && filters.Count > 0 && !table.IsServedCombination(filters.Select(f => f.Definition.Name)))
            throw new ListRequestException(
                $"Filtering by {string.Join(" and ", filters.Select(f => f.Definition.Title.ToLowerInvariant()))} together is not supported on a table this size " +
                $"(each combination needs an index of its own). Supported: {table.DescribeCombinations()}.", filters[^1].Definition.Name);

        return new ListQuery<T>(table, ordering, filters, dates, search);
    }

    public static ListQuery<T> Default<T>(TableDefinition<T> table) where T : class =>
        new(table, table.DefaultOrdering, [], null, null);

    private static ActiveSearch? ParseSearch<T>(TableDefinition<T> table, string? text, string? kind) where T : class
    {
        if (text is null)
        {
            return kind is null || table.FindSearch(kind) is not null
                ? null
                : throw new ListRequestException($"'{Shorten(kind)}' is not a kind of search this list offers.", SearchKind);
        }
        if (table.Searches.Count == 0) throw new ListRequestException("This list has no search.", SearchText);
        var definition = kind is null ? table.Searches[0] : table.FindSearch(kind)
            ?? throw new ListRequestException($"'{Shorten(kind)}' is not a kind of search this list offers. It offers: {string.Join(", ", table.Searches.Select(s => s.Name))}.", SearchKind);
        if (text.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
            throw new ListRequestException("The search contains characters that cannot be searched for.", SearchText);
        return new ActiveSearch(definition, text, definition.Build(text));
    }

    private static OrderingDefinition<T> ChooseOrdering<T>(TableDefinition<T> table, string? sort, ActiveSearch? search) where T : class
    {
        if (search?.Definition.Ordering is { } forced)
            return table.FindOrdering(forced) ?? throw new InvalidOperationException($"Search '{search.Definition.Name}' names unknown ordering '{forced}'.");
        if (sort is null) return table.DefaultOrdering;
        var ordering = table.FindOrdering(sort);
        return ordering is { SearchOnly: false }
            ? ordering
            : throw new ListRequestException(
                $"'{Shorten(sort)}' is not an order this list can sort by. It can sort: {string.Join(", ", table.Orderings.Where(o => !o.SearchOnly).Select(o => o.Name))}.", Sort);
    }

    private static DateOnly ParseDate(string value, string name)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new ListRequestException($"'{Shorten(value)}' is not a date; write it as YYYY-MM-DD, e.g. 2021-03-14.", name);
        if (date < EarliestDate || date >= LatestDate)
            throw new ListRequestException($"{date:yyyy-MM-dd} is outside the range this data covers.", name);
        return date;
    }

    private static string Describe<T>(TableDefinition<T> table) where T : class =>
        string.Join(", ", table.Filters.Select(f => f.Kind == FilterKind.DateRange ? $"{From}/{To} ({f.Title.ToLowerInvariant()})" : f.Name))
        + $"; search with {SearchText}= and {SearchKind}=; order with {Sort}=";

    private static string Label(ActiveFilter f) =>
        f.Definition.Choices.FirstOrDefault(c => string.Equals(c.Value, f.Value, StringComparison.OrdinalIgnoreCase))?.Label ?? f.Value;

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
