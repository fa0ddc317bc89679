using Admin.Data.Listing.Definitions;
using Admin.Data.Security;
using Admin.Data.Time;

namespace Admin.Data.Listing;

public sealed record ActiveFilter(FilterDefinition Definition, string Value);

/// <summary>Inclusive dates: local days of the display time zone (Zone), as a person typed them.</summary>
public sealed record ActiveDateRange(FilterDefinition Definition, DateOnly? From, DateOnly? To, DisplayTimeZone Zone)
{
    /// <summary>The first instant of <see cref="From"/> (null: open).</summary>
    public DateTimeOffset? Start => From is { } f ? Zone.StartOf(f) : null;

    /// <summary>The first instant after <see cref="To"/> (exclusive; null: open).</summary>
    public DateTimeOffset? End => To is { } t ? Zone.StartOf(t.AddDays(1)) : null;
}

public sealed record ActiveSearch(SearchDefinition Definition, string Text, SqlPredicate Predicate);

/// <summary>
/// A validated list request: filters, date range, search and ordering that the table's indexes serve.
/// Built only by <see cref="ListQueryParser"/>, so anything that reaches SQL has been checked.
/// </summary>
public sealed class ListQuery<T> where T : class
{
    internal ListQuery(TableDefinition<T> table, OrderingDefinition<T> ordering, IReadOnlyList<ActiveFilter> filters, ActiveDateRange? dates, ActiveSearch? search)
    {
        Table = table;
        Ordering = ordering;
        Filters = filters;
        Dates = dates;
        Search = search;
    }

    public TableDefinition<T> Table { get; }
    public OrderingDefinition<T> Ordering { get; }
    public IReadOnlyList<ActiveFilter> Filters { get; }
    public ActiveDateRange? Dates { get; }
    public ActiveSearch? Search { get; }

    public bool IsFiltered => Filters.Count > 0 || Dates is not null || Search is not null;

    /// <summary>The WHERE body (without "WHERE"), or "" when unfiltered; values go into <paramref name="parameters"/>.</summary>
    public string WhereSql(SqlParameters parameters)
    {
        var parts = new List<string>();
        foreach (var f in Filters)
            parts.Add($"{Keyset.Quote(f.Definition.Column)} = {parameters.Add(f.Value)}");
        if (Dates is { } d)
        {
            var column = Keyset.Quote(d.Definition.Column);
            if (d.Start is { } start) parts.Add($"{column} >= {parameters.Add(start)}");
            if (d.End is { } end) parts.Add($"{column} < {parameters.Add(end)}");
        }
        if (Search is { } s)
        {
            var names = s.Predicate.Values.Select(v => (object)parameters.Add(v)).ToArray();
            parts.Add("(" + string.Format(System.Globalization.CultureInfo.InvariantCulture, s.Predicate.Sql, names) + ")");
        }
        return string.Join(" AND ", parts);
    }

    /// <summary>
    /// The request as a query string ("province=ZA-GP&amp;q=...&amp;in=phone"), for the audit trail. For a masked view a full
    /// phone number searched for is written masked: the trail, which can never be erased, holds no more than the person saw.
    /// </summary>
    public string ToAuditText(PersonalDataView view) =>
        string.Join("&", ToParameters().Select(p =>
            Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(
                view == PersonalDataView.Masked && p.Key == ListQueryParser.SearchText ? PersonalData.MaskIfPhoneNumber(p.Value) : p.Value)));

    /// <summary>The request as URL parameters, the inverse of <see cref="ListQueryParser.Parse{T}"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> ToParameters()
    {
        foreach (var f in Filters) yield return new(f.Definition.Name, f.Value);
        if (Dates?.From is { } from) yield return new(ListQueryParser.From, from.ToString("yyyy-MM-dd"));
        if (Dates?.To is { } to) yield return new(ListQueryParser.To, to.ToString("yyyy-MM-dd"));
        if (Search is { } s)
        {
            yield return new(ListQueryParser.SearchText, s.Text);
            yield return new(ListQueryParser.SearchKind, s.Definition.Name);
        }
        if (Search?.Definition.Ordering is null && Ordering != Table.DefaultOrdering)
            yield return new(ListQueryParser.Sort, Ordering.Name);
    }
}
