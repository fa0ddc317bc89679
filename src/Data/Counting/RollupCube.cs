using System.Runtime.InteropServices;

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

    // Every list action sums over the cells once per facet: plain loops over an array with the filters resolved to
    // dimension indexes first (LINQ with a dictionary enumerated per cell was ~7 % of the app's allocations at 500 users).
    private readonly CubeCell[] _cells = [.. cells];

    public IReadOnlyList<CubeCell> Cells => _cells;

    /// <summary>Checks matching every filter (column name to value).</summary>
    public long Count(IReadOnlyDictionary<string, string> filters)
    {
        var wanted = Resolve(filters, except: -1);
        long sum = 0;
        foreach (var cell in _cells)
            if (Matches(cell, wanted)) sum += cell.Count;
        return sum;
    }

    /// <summary>
    /// A filter's options with their counts under the other filters (its own is ignored, so every option shows what
    /// choosing it would give), largest first; options with no checks are left out.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, long>> Facet(string column, IReadOnlyDictionary<string, string> filters)
    {
        var index = IndexOf(column);
        var wanted = Resolve(filters, except: index);
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var cell in _cells)
            if (Matches(cell, wanted))
                CollectionsMarshal.GetValueRefOrAddDefault(sums, cell.Values[index], out _) += cell.Count;
        var options = new List<KeyValuePair<string, long>>(sums.Count);
        foreach (var option in sums)
            if (option.Value > 0) options.Add(option);
        options.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        return options;
    }

    private static int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i] == column) return i;
        throw new ArgumentException($"'{column}' is not a rollup dimension ({string.Join(", ", Columns)}).", nameof(column));
    }

    // The filters as (dimension index, value), leaving out the dimension at `except`.
    private static (int Index, string Value)[] Resolve(IReadOnlyDictionary<string, string> filters, int except)
    {
        var wanted = new List<(int, string)>(filters.Count);
        foreach (var (column, value) in filters)
            if (IndexOf(column) is var i && i != except) wanted.Add((i, value));
        return [.. wanted];
    }

    private static bool Matches(CubeCell cell, (int Index, string Value)[] wanted)
    {
        foreach (var (i, value) in wanted)
            if (!string.Equals(cell.Values[i], value, StringComparison.Ordinal)) return false;
        return true;
    }
}
