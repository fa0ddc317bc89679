using System.Text.RegularExpressions;

namespace Admin.Testing;

/// <summary>Predicates over recorded SQL for <see cref="StatementRecorder"/> assertions (what the app must never send).</summary>
public static partial class SqlText
{
    /// <summary>OFFSET paging, which reads and throws away every skipped row.</summary>
    public static bool UsesOffset(string sql) => OffsetRegex().IsMatch(sql);

    /// <summary>Any count(*) / count(1) / count(column): an exact count, i.e. a scan.</summary>
    public static bool CountsRows(string sql) => CountRegex().IsMatch(sql);

    /// <summary>A count with no WHERE clause anywhere: a full scan of tens of millions of rows.</summary>
    public static bool IsUnfilteredCount(string sql) => CountsRows(sql) && !WhereRegex().IsMatch(sql);

    /// <summary>Reads from the table (FROM/JOIN <paramref name="table"/>, optionally schema-qualified or quoted).</summary>
    public static bool ReadsTable(string sql, string table) =>
        Regex.IsMatch(sql, $@"\b(FROM|JOIN)\s+(""?\w+""?\.)?""?{Regex.Escape(table)}""?(\s|$|;|\))", RegexOptions.IgnoreCase);

    /// <summary>Tables of tens of millions of rows (or growing without bound): never read without a bound.</summary>
    public static readonly IReadOnlyList<string> LargeTables = ["health_checks", "vaccine_registrations", "audit_entries"];

    /// <summary>
    /// The statement at <paramref name="index"/> reads a large table with nothing bounding what it reads: no LIMIT, not
    /// an EXPLAIN, not a lookup by primary key, and not a count that the statement before it limited with
    /// SET LOCAL statement_timeout.
    /// </summary>
    public static bool IsUnbounded(IReadOnlyList<string> statements, int index)
    {
        var sql = statements[index];
        if (!LargeTables.Any(t => ReadsTable(sql, t))) return false;
        if (sql.TrimStart().StartsWith("EXPLAIN", StringComparison.OrdinalIgnoreCase)) return false;
        if (sql.TrimStart().StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) && !SelectRegex().IsMatch(sql)) return false;
        if (LimitRegex().IsMatch(sql) || KeyLookupRegex().IsMatch(sql)) return false;
        // A count (count(*), or the rollup counter's sum over rollups and recent rows) under a SET LOCAL statement_timeout
        // sent just before it in the same transaction, or first in the same batch.
        return !((CountsRows(sql) || SumRegex().IsMatch(sql)) && (UnderTimeout(statements, index) || SetsTimeoutFirst(sql)));
    }

    // One entry holding a batch ("SET LOCAL statement_timeout = 50;\nSELECT (SELECT count(*) ...)"): the limit comes first.
    private static bool SetsTimeoutFirst(string sql)
    {
        var limit = sql.IndexOf("SET LOCAL statement_timeout", StringComparison.OrdinalIgnoreCase);
        var count = CountRegex().Match(sql);
        return limit >= 0 && count.Success && limit < count.Index;
    }

    private static bool UnderTimeout(IReadOnlyList<string> statements, int index)
    {
        // Looks back over the few statements before it: its own SET LOCALs and snapshot read (the timeline's live count
        // comes after three of them and the rollups' buckets), and what the page sends at the same time on other
        // connections (the grid's window, the count label's; the recorder interleaves them). Four was too few once.
        for (var i = index - 1; i >= 0 && i >= index - 8; i--)
            if (statements[i].Contains("SET LOCAL statement_timeout", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    [GeneratedRegex(@"\bLIMIT\s+(\d+|@\w+|\$\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex LimitRegex();

    // WHERE "x"."id" = @p / $1, as EF's Find and the detail page send it.
    [GeneratedRegex(@"WHERE\s+(""?\w+""?\.)?""?id""?\s*=\s*(@\w+|\$\d+)(\s|$|\))", RegexOptions.IgnoreCase)]
    private static partial Regex KeyLookupRegex();

    [GeneratedRegex(@"\bsum\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex SumRegex();

    [GeneratedRegex(@"\bSELECT\b", RegexOptions.IgnoreCase)]
    private static partial Regex SelectRegex();

    [GeneratedRegex(@"\bOFFSET\b", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetRegex();

    [GeneratedRegex(@"\bcount\s*\(\s*(\*|1|[\w"".]+)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex CountRegex();

    [GeneratedRegex(@"\bWHERE\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhereRegex();
}
