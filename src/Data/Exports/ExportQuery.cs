using Admin.Data.Domain;
using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;
using Admin.Data.Security;
using Admin.Data.Time;

namespace Admin.Data.Exports;

/// <summary>
/// What an export holds: exactly the rows the records grid shows for the same URL (its filters, search and ordering,
/// validated by <see cref="ListQueryParser"/>), without the row type, so a job can carry it as a query string.
/// </summary>
public sealed class ExportQuery
{
    private ExportQuery(string slug, string table, IReadOnlyList<KeyColumn> keys, IReadOnlyDictionary<string, string> maskedColumnSql,
        IReadOnlyList<KeyValuePair<string, string>> parameters, string whereSql, SqlParameters whereParameters, string? searchColumn)
    {
        Slug = slug;
        Table = table;
        Keys = keys;
        MaskedColumnSql = maskedColumnSql;
        Parameters = parameters;
        WhereSql = whereSql;
        WhereParameters = whereParameters;
        SearchColumn = searchColumn;
    }

    /// <summary>The list's URL slug, e.g. health-checks.</summary>
    public string Slug { get; }
    public string Table { get; }
    /// <summary>The ordering's key columns: the export comes in the grid's order.</summary>
    public IReadOnlyList<KeyColumn> Keys { get; }
    public IReadOnlyDictionary<string, string> MaskedColumnSql { get; }
    /// <summary>The request's parameters in canonical form (the grid's URL parameters).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }
    /// <summary>The WHERE body with @p placeholders, or "" for the whole table.</summary>
    public string WhereSql { get; }
    public SqlParameters WhereParameters { get; }
    private string? SearchColumn { get; }

    public bool IsFiltered => WhereSql.Length > 0;

    /// <summary>The record id when the export is a search by record id ("in=id"), else null.</summary>
    public string? SingleRecordId =>
        Parameters.Any(p => p.Key == ListQueryParser.SearchKind && p.Value == "id")
        && Parameters.FirstOrDefault(p => p.Key == ListQueryParser.SearchText).Value is { } text && Guid.TryParse(text, out var id)
            ? id.ToString()
            : null;

    /// <summary>The parameters as a URL query string without '?', e.g. "province=ZA-GP&amp;risk=high".</summary>
    public string QueryString => ToQueryString(Parameters);

    public static ExportQuery From<T>(ListQuery<T> query) where T : class
    {
        var ps = new SqlParameters();
        var where = query.WhereSql(ps);
        return new ExportQuery(query.Table.Slug, query.Table.Table, query.Ordering.Keys, query.Table.MaskedColumnSql,
            query.ToParameters().ToList(), where, ps, query.Search?.Definition.Column);
    }

    /// <summary>
    /// Validates a request for the list <paramref name="slug"/>; throws <see cref="ListRequestException"/> with a readable
    /// message. From/to dates are local days of <paramref name="zone"/>, as on the grid (the display zone; default when null).
    /// </summary>
    public static ExportQuery Parse(TableRegistry tables, string slug, IEnumerable<KeyValuePair<string, string?>> parameters, DisplayTimeZone? zone = null)
    {
        var found = tables.Find(slug)
            ?? throw new ListRequestException(
                $"There is no list called '{(slug.Length > 40 ? slug[..40] + "…" : slug)}'. Lists: {string.Join(", ", tables.All.Select(t => t.Slug))}.", "list");
        return found.Apply(new Parser(parameters.ToList(), zone));
    }

    // The parser is generic over the row type; the registry knows the type only at run time.
    private sealed class Parser(List<KeyValuePair<string, string?>> parameters, DisplayTimeZone? zone) : ITableOperation<ExportQuery>
    {
        public ExportQuery Run<T>(TableDefinition<T> definition) where T : class => From(ListQueryParser.Parse(definition, parameters, zone: zone));
    }

    public static ExportQuery Parse(TableRegistry tables, string slug, string queryString, DisplayTimeZone? zone = null) =>
        Parse(tables, slug, ParseQueryString(queryString), zone);

    /// <summary>
    /// The query as the audit trail records it. For a role that may not see personal data, a search on a personal
    /// column is recorded masked too: the trail must not hold a full phone number such a user typed.
    /// </summary>
    public string AuditQuery(bool masked)
    {
        if (!masked || SearchColumn is null || !MaskedColumnSql.ContainsKey(SearchColumn)) return QueryString;
        return ToQueryString(Parameters.Select(kv => kv.Key == ListQueryParser.SearchText
            ? new KeyValuePair<string, string>(kv.Key, Msisdn.TryNormalize(kv.Value, out var e164) ? PersonalData.MaskPhone(e164) : "***")
            : kv));
    }

    public static string ToQueryString(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join("&", parameters.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)));

    /// <summary>"a=1&amp;b=x%20y" (a leading '?' allowed; '+' read as a space, as browsers send forms).</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> ParseQueryString(string? queryString)
    {
        var result = new List<KeyValuePair<string, string?>>();
        foreach (var part in (queryString ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            result.Add(new(Unescape(name), Unescape(value)));
        }
        return result;
    }

    private static string Unescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
