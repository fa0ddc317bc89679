using System.Text.RegularExpressions;
using Npgsql;

namespace Admin.Data.Listing.Indexes;

/// <summary>One column of an index (null Column for an expression, which <paramref name="Expression"/> holds as PostgreSQL prints it).</summary>
public sealed record IndexColumn(string? Column, bool Descending, string OperatorClass, string? Expression = null);

/// <summary>A partial index's predicate when it is "column &lt;&gt; 'value'" (it leaves out a filter's common value).</summary>
public sealed record IndexExclusion(string Column, string Value);

/// <summary>An index; <paramref name="Excludes"/> is set for a partial index that leaves out one value.</summary>
public sealed record IndexInfo(string Name, string Method, bool IsUnique, IReadOnlyList<IndexColumn> Columns, IndexExclusion? Excludes = null);

/// <summary>
/// Reads a table's usable indexes from pg_index: valid, and whole or partial of the one form a list can rely on
/// ("column &lt;&gt; 'value'"); other partial indexes serve no list offer, so they are left out.
/// </summary>
public static class IndexCatalog
{
    private const string Sql = """
        SELECT i.relname, am.amname, x.indisunique,
               ARRAY(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                     LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
               x.indoption::int2[] AS options,
               ARRAY(SELECT oc.opcname FROM unnest(x.indclass::oid[]) WITH ORDINALITY c(oid, ord)
                     JOIN pg_opclass oc ON oc.oid = c.oid ORDER BY c.ord) AS opclasses,
               pg_get_expr(x.indpred, x.indrelid) AS predicate,
               ARRAY(SELECT pg_get_indexdef(x.indexrelid, k.ord::int, true) FROM generate_series(1, x.indnatts) k(ord) ORDER BY k.ord) AS definitions
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_am am ON am.oid = i.relam
        WHERE x.indrelid = to_regclass(@table) AND x.indisvalid
        """;

    public static async Task<IReadOnlyList<IndexInfo>> LoadAsync(NpgsqlDataSource dataSource, string table, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(Sql);
        cmd.Parameters.AddWithValue("table", table);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<IndexInfo>();
        while (await reader.ReadAsync(ct))
        {
            var columns = reader.GetFieldValue<string?[]>(3);
            var optionsArr = reader.GetFieldValue<short[]>(4);
            var opclasses = reader.GetFieldValue<string[]>(5);
            // indoption bit 0 = DESC. Expression columns have no name.
            var definitions = reader.GetFieldValue<string[]>(7);
            var cols = columns.Select((c, i) => new IndexColumn(c, (optionsArr[i] & 1) != 0, opclasses[i], c is null ? definitions[i] : null)).ToList();
            IndexExclusion? excludes = null;
            if (!reader.IsDBNull(6) && (excludes = ParseExclusion(reader.GetString(6))) is null) continue;
            list.Add(new IndexInfo(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), cols, excludes));
        }
        return list;
    }

    // As pg_get_expr prints it: ((risk)::text <> 'low'::text), or (risk <> 'low') for a column of type text.
    private static readonly Regex Exclusion = new(@"^\(\(?""?(?<column>[a-z_][a-z0-9_]*)""?\)?(::[a-z ]+)? <> '(?<value>(?:[^']|'')*)'(::[a-z ]+)?\)$", RegexOptions.CultureInvariant);

    internal static IndexExclusion? ParseExclusion(string predicate) =>
        Exclusion.Match(predicate) is { Success: true } m ? new(m.Groups["column"].Value, m.Groups["value"].Value.Replace("''", "'")) : null;
}
