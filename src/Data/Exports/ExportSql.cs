using System.Text;
using Admin.Data.Listing.Definitions;

namespace Admin.Data.Exports;

/// <summary>
/// The COPY statement of an export: the grid's WHERE and ORDER BY, the table's columns (masked in SQL for roles that
/// may not see personal data), and the format. CSV cells of text columns that a spreadsheet would run as a formula are
/// neutralised here, in the select list (<see cref="CsvSafe"/>).
/// </summary>
internal static class ExportSql
{
    private const string Alias = "t";

    /// <summary>
    /// NDJSON goes through COPY's CSV format with a delimiter and quote byte (0x01, 0x02) that json output never contains
    /// raw (it escapes every control character), so PostgreSQL writes each JSON text exactly as is, one per line. COPY's
    /// text format would double every backslash: a name like Jo\"e would arrive as invalid or different JSON.
    /// </summary>
    private const string NdjsonOptions = "(FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')";

    // json_build_object takes at most 100 arguments (PostgreSQL's FUNC_MAX_ARGS): 50 columns per call, merged with ||.
    private const int ColumnsPerJsonCall = 50;

    public static string Copy(ExportQuery query, IReadOnlyList<ExportColumn> columns, ExportFormat format, bool masked, string? rangePredicate, bool header)
    {
        var where = new List<string>();
        if (query.IsFiltered) where.Add(SqlLiterals.Inline(query.WhereSql, query.WhereParameters));
        if (rangePredicate is not null) where.Add(rangePredicate);

        var sb = new StringBuilder("COPY (SELECT ");
        sb.Append(format == ExportFormat.Csv ? CsvColumns(query, columns, masked) : JsonObject(query, columns, masked));
        sb.Append(" FROM ").Append(Quote(query.Table)).Append(' ').Append(Alias);
        if (where.Count > 0) sb.Append(" WHERE ").Append(string.Join(" AND ", where.Select(w => "(" + w + ")")));
        sb.Append(" ORDER BY ").Append(OrderBy(query.Keys));
        sb.Append(") TO STDOUT WITH ");
        sb.Append(format == ExportFormat.Csv ? $"(FORMAT csv, HEADER {(header ? "true" : "false")})" : NdjsonOptions);
        return sb.ToString();
    }

    /// <summary>ORDER BY on the table's columns, qualified: a masked output column of the same name must not be what sorts.</summary>
    public static string OrderBy(IReadOnlyList<KeyColumn> keys) =>
        string.Join(", ", keys.Select(k => $"{Alias}.{Quote(k.Column)} {(k.Descending ? "DESC" : "ASC")}"));

    /// <summary>A key range of the leading ordering column, for one partition of a parallel export; bounds are server-formatted text.</summary>
    public static string Range(KeyColumn leading, string? after, string? upTo)
    {
        // In travel order, a partition holds keys after the previous bound (exclusive) up to its own (inclusive).
        var column = $"{Alias}.{Quote(leading.Column)}";
        var parts = new List<string>();
        if (after is not null) parts.Add($"{column} {(leading.Descending ? "<" : ">")} {SqlLiterals.Quote(after)}");
        if (upTo is not null) parts.Add($"{column} {(leading.Descending ? ">=" : "<=")} {SqlLiterals.Quote(upTo)}");
        return string.Join(" AND ", parts);
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static string ColumnSql(ExportQuery query, string column, bool masked) =>
        masked && query.MaskedColumnSql.TryGetValue(column, out var expression)
            ? "(" + expression + ")"
            : $"{Alias}.{Quote(column)}";

    private static string CsvColumns(ExportQuery query, IReadOnlyList<ExportColumn> columns, bool masked) =>
        string.Join(", ", columns.Select(c =>
            (c.IsText ? CsvSafe(ColumnSql(query, c.Name, masked)) : ColumnSql(query, c.Name, masked)) + " AS " + Quote(c.Name)));

    /// <summary>
    /// CSV injection (OWASP): a cell starting with =, +, -, @, tab or CR is a formula to a spreadsheet (=HYPERLINK(...),
    /// @SUM(...), -2+3+cmd|' /C calc'!A0). Such a text cell gets a leading single quote, which spreadsheets show as
    /// text. A sign followed only by digits, dots, spaces and asterisks cannot name a function or a reference, so phone
    /// numbers (+27821234567), their masked form (+27 82 *** 4567) and negative numbers pass unchanged. A CASE on the
    /// first character: the second test runs only for cells that start with a sign (ltrim with a set, no regex).
    /// </summary>
    public static string CsvSafe(string value) =>
        $"CASE WHEN left({value}, 1) IN ('=', '@', E'\\t', E'\\r') " +
        $"OR (left({value}, 1) IN ('+', '-') AND ltrim(substr({value}, 2), '0123456789. *') <> '') " +
        $"THEN '''' || {value} ELSE {value} END";

    private static string JsonObject(ExportQuery query, IReadOnlyList<ExportColumn> columns, bool masked)
    {
        string Pairs(IEnumerable<ExportColumn> cs) => string.Join(", ", cs.Select(c => SqlLiterals.Quote(c.Name) + ", " + ColumnSql(query, c.Name, masked)));
        if (columns.Count <= ColumnsPerJsonCall) return "json_build_object(" + Pairs(columns) + ")";
        // Wider tables: jsonb objects merged (keys then come in jsonb's order, not the table's).
        return "(" + string.Join(" || ", columns.Chunk(ColumnsPerJsonCall).Select(c => "jsonb_build_object(" + Pairs(c) + ")")) + ")::json";
    }
}
