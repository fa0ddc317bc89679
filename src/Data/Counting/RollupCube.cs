namespace Admin.Data.Counting;

/// <summary>One cell of a <see cref="RollupCube"/>: the values of its dimensions (in <see cref="RollupCube.Columns"/> order) and its count.</summary>
public sealed record CubeCell(IReadOnlyList<string> Values, long Count);

/// <summary>
/// Exact counts of a time range per combination of the covered filter columns (a few hundred cells). The count of any
/// filter combination and the facet counts beside each filter's options are sums over it, so one query answers all.
/// </summary>
public sealed class RollupCube(IReadOnlyList<CubeCell> cells)
{
    /// <summary>The filter columns the rollups cover: a list filter on any other column cannot be counted from them.</summary>
    public static IReadOnlyList<string> Columns => RollupCountSql.Columns;

    public IReadOnlyList<CubeCell> Cells { get; } = cells;

    /// <summary>Checks matching every filter (column name to value).</summary>
    public long Count(IReadOnlyDictionary<string, string> filters) =>
        Cells.Where(c => Matches(c, filters, except: -1)).Sum(c => c.Count);

    /// <summary>
    /// A filter's options with their counts under the other filters (its own is ignored, so every option shows what
    /// choosing it would give), largest first; options with no checks are left out.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, long>> Facet(string column, IReadOnlyDictionary<string, string> filters)
    {
        var index = IndexOf(column);
        return Cells.Where(c => Matches(c, filters, except: index))
            .GroupBy(c => c.Values[index], StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Sum(c => c.Count)))
            .Where(p => p.Value > 0)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i] == column) return i;
        throw new ArgumentException($"'{column}' is not a rollup dimension ({string.Join(", ", Columns)}).", nameof(column));
    }

    private static bool Matches(CubeCell cell, IReadOnlyDictionary<string, string> filters, int except)
    {
        foreach (var (column, value) in filters)
        {
            var i = IndexOf(column);
            if (i != except && !string.Equals(cell.Values[i], value, StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
