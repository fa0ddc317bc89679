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

    [GeneratedRegex(@"\bOFFSET\b", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetRegex();

    [GeneratedRegex(@"\bcount\s*\(\s*(\*|1|[\w"".]+)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex CountRegex();

    [GeneratedRegex(@"\bWHERE\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhereRegex();
}
