using System.Text;
using Admin.Data.Listing.Definitions;

namespace Admin.Data.Listing;

/// <summary>
/// The keyset (seek) SQL: ORDER BY and "rows after this key" predicates, never OFFSET, so a window deep in a
/// 20M-row table costs what the first one does. Runs of key columns sharing a direction become row-value
/// comparisons, e.g. ("timestamp", "id") &lt; (@p0, @p1), which PostgreSQL answers with one index range scan.
/// </summary>
public static class Keyset
{
    /// <summary>ORDER BY for the ordering, or its exact reverse (to walk backwards and flip the rows after).</summary>
    public static string OrderBy(IReadOnlyList<KeyColumn> keys, bool reverse) =>
        string.Join(", ", keys.Select(k => $"{Quote(k.Column)} {(k.Descending ^ reverse ? "DESC" : "ASC")}"));

    /// <summary>
    /// Rows after <paramref name="parameters"/> (the cursor's values, one per key column) in travel order, which is
    /// the ordering itself or, with <paramref name="reverse"/>, its reverse. <paramref name="inclusive"/> keeps the cursor row.
    /// </summary>
    public static string After(IReadOnlyList<KeyColumn> keys, IReadOnlyList<string> parameters, bool reverse, bool inclusive)
    {
        if (keys.Count == 0 || keys.Count != parameters.Count)
            throw new ArgumentException("A keyset cursor needs one value per key column.");
        var sb = new StringBuilder();
        Append(sb, keys, parameters, 0, reverse, inclusive);
        return sb.ToString();
    }

    /// <summary>A seek on the leading key column only ("jump to 14 Mar 2021"): rows at or after the value in travel order.</summary>
    public static string SeekLeading(KeyColumn leading, string parameter, bool reverse) =>
        $"{Quote(leading.Column)} {(leading.Descending ^ reverse ? "<=" : ">=")} {parameter}";

    private static void Append(StringBuilder sb, IReadOnlyList<KeyColumn> keys, IReadOnlyList<string> ps, int start, bool reverse, bool inclusive)
    {
        var descending = keys[start].Descending ^ reverse;
        var end = start + 1;
        while (end < keys.Count && (keys[end].Descending ^ reverse) == descending) end++;
        var op = descending ? "<" : ">";
        var cols = Row(keys.Skip(start).Take(end - start).Select(k => Quote(k.Column)));
        var vals = Row(ps.Skip(start).Take(end - start));
        if (end == keys.Count)
        {
            sb.Append(cols).Append(' ').Append(op).Append(inclusive ? "=" : "").Append(' ').Append(vals);
            return;
        }
        // Mixed directions: bound the index range on the first run, then break ties on the rest.
        sb.Append('(').Append(cols).Append(' ').Append(op).Append("= ").Append(vals)
          .Append(" AND (").Append(cols).Append(' ').Append(op).Append(' ').Append(vals)
          .Append(" OR (").Append(cols).Append(" = ").Append(vals).Append(" AND ");
        Append(sb, keys, ps, end, reverse, inclusive);
        sb.Append(")))");
    }

    private static string Row(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? list[0] : "(" + string.Join(", ", list) + ")";
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
