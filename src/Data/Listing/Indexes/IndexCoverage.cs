using Admin.Data.Listing.Definitions;

namespace Admin.Data.Listing.Indexes;

/// <summary>
/// Checks a table definition against the table's real indexes: every ordering, filter combination and search
/// it offers must be served by an index, or the app refuses to start and names the index that is missing.
/// </summary>
public static class IndexCoverage
{
    /// <summary>Problems, one line each; empty when every offer is served.</summary>
    public static IReadOnlyList<string> Check(ITableDefinition table, IReadOnlyList<IndexInfo> indexes)
    {
        var problems = new List<string>();
        var orderings = table.OrderingKeys.ToList();
        var listOrderings = orderings.Where(o => !o.SearchOnly).ToList();

        foreach (var (name, keys, _) in orderings)
            Require(indexes, [], keys, problems, table.Table, $"ordering '{name}'");

        foreach (var combination in table.FilterCombinations)
        {
            var filters = combination.Select(f => table.Filters.First(x => x.Name == f)).ToList();
            var columns = filters.Select(f => f.Column).ToList();
            var what = $"filter '{string.Join(" + ", combination)}'";
            foreach (var (name, keys, _) in listOrderings)
            {
                // An index may leave out a filter's common value; the common value is then served without that filter.
                Require(indexes, columns, keys, problems, table.Table, $"{what} ordered '{name}'", filters);
                foreach (var f in filters.Where(f => f.Common is not null))
                    Require(indexes, columns.Where(c => c != f.Column).ToList(), keys, problems, table.Table, $"{what} with {f.Name} = '{f.Common}' ordered '{name}'");
            }
        }

        foreach (var f in table.Filters.Where(f => f.Kind == FilterKind.Choice && !table.FilterCombinations.Any(c => c.Contains(f.Name))))
            problems.Add($"{table.Table}: filter '{f.Name}' is in no filter combination, so it could never be used alone.");
        foreach (var f in table.Filters.Where(f => f.Kind == FilterKind.DateRange && listOrderings.All(o => o.Keys[0].Column != f.Column)))
            problems.Add($"{table.Table}: date filter '{f.Name}' on {f.Column} needs an ordering that leads with {f.Column}.");

        // A search reads every row it matches: only an index over all rows serves it.
        var whole = indexes.Where(i => i.Excludes is null).ToList();
        foreach (var s in table.Searches)
        {
            switch (s.Index)
            {
                case SearchIndex.Btree:
                    if (!whole.Any(i => i.Method == "btree" && i.Columns[0].Column == s.Column))
                        problems.Add($"{table.Table}: search '{s.Name}' needs a btree index led by {s.Column}.");
                    break;
                case SearchIndex.Unique:
                    if (!whole.Any(i => i.IsUnique && i.Method == "btree" && i.Columns.Count == 1 && i.Columns[0].Column == s.Column))
                        problems.Add($"{table.Table}: search '{s.Name}' needs a unique btree index on ({s.Column}).");
                    break;
                case SearchIndex.Trigram:
                    if (!whole.Any(i => i.Method == "gin" && i.Columns[0].Column == s.Column && i.Columns[0].OperatorClass == "gin_trgm_ops"))
                        problems.Add($"{table.Table}: search '{s.Name}' needs a GIN index on ({s.Column} gin_trgm_ops).");
                    break;
                case SearchIndex.Windows:
                    if (s.IndexExpression is null || !whole.Any(i => i.Method == "gin" && i.Columns is [{ Column: null, OperatorClass: "array_ops" } c]
                            && IndexExpressions.Same(c.Expression, s.IndexExpression)))
                        problems.Add($"{table.Table}: search '{s.Name}' needs a GIN index on ({s.IndexExpression ?? "(its IndexExpression)"}), the expression its predicate repeats.");
                    break;
                case SearchIndex.BtreeThenOrdering:
                    foreach (var (name, keys, _) in s.Ordering is null ? listOrderings : orderings.Where(o => o.Name == s.Ordering))
                    {
                        var leading = keys[0].Column == s.Column ? [] : new List<string> { s.Column };
                        Require(indexes, leading, keys, problems, table.Table, $"search '{s.Name}' ordered '{name}'");
                    }
                    break;
            }
        }
        return problems;
    }

    /// <summary>A btree whose leading columns are <paramref name="equalities"/> (any order), then the ordering's keys, all in the ordering's directions or all reversed (scanned backwards).</summary>
    /// <remarks>A partial index serves only when it leaves out the common value of one of <paramref name="filters"/>.</remarks>
    private static void Require(IReadOnlyList<IndexInfo> indexes, IReadOnlyList<string> equalities, IReadOnlyList<KeyColumn> keys, List<string> problems, string table, string what,
        IReadOnlyList<FilterDefinition>? filters = null)
    {
        bool Allowed(IndexInfo i) => i.Excludes is not { } x || (filters ?? []).Any(f => f.Column == x.Column && f.Common == x.Value);
        if (indexes.Any(i => Allowed(i) && Serves(i, equalities, keys))) return;
        var wanted = string.Join(", ", equalities.Concat(keys.Select(k => k.Column + (k.Descending ? " DESC" : ""))));
        problems.Add($"{table}: no index serves {what}: expected a btree index on ({wanted}).");
    }

    internal static bool Serves(IndexInfo index, IReadOnlyList<string> equalities, IReadOnlyList<KeyColumn> keys)
    {
        if (index.Method != "btree" || index.Columns.Count < equalities.Count + keys.Count) return false;
        var lead = index.Columns.Take(equalities.Count).Select(c => c.Column).ToHashSet();
        if (!lead.SetEquals(equalities)) return false;
        var rest = index.Columns.Skip(equalities.Count).Take(keys.Count).ToList();
        if (rest.Where((c, i) => c.Column != keys[i].Column).Any()) return false;
        var same = rest.Select((c, i) => c.Descending == keys[i].Descending).ToList();
        return same.All(x => x) || same.All(x => !x);
    }
}
