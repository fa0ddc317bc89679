using Admin.Data.Listing;
using Admin.Data.Listing.Definitions;

namespace Admin.Data.Counting;

/// <summary>
/// The counts beside a list's filter options (its facets): for each choice filter its definition declares with a
/// <see cref="FilterDefinition.Facet"/>, every option's count under the other current filters, summed from the same
/// rollup cube as the count label (no statement of its own).
/// </summary>
public static class FacetCounts
{
    /// <summary>Filter name to (option value to count); an option with no checks is absent (read it as 0).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Of<T>(ListQuery<T> query, RollupCube cube) where T : class
    {
        var filters = RollupCounter.Filters(query);
        // A filter the query left out because a narrower one implies it (the district's province) still narrows the
        // other facets: the districts' counts stay within that province.
        foreach (var implication in query.Table.FilterImplications)
        {
            var narrow = query.Filters.FirstOrDefault(f => string.Equals(f.Definition.Name, implication.Filter, StringComparison.OrdinalIgnoreCase));
            if (narrow is null || query.Table.FindFilter(implication.Implied) is not { } implied) continue;
            if (implication.ImpliedValue(narrow.Value) is { } value && RollupCube.Columns.Contains(implied.Column))
                filters.TryAdd(implied.Column, value);
        }
        var facets = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.OrdinalIgnoreCase);
        foreach (var filter in query.Table.Filters)
        {
            if (filter.Kind != FilterKind.Choice || filter.Facet == FacetDisplay.None || !RollupCube.Columns.Contains(filter.Column)) continue;
            facets[filter.Name] = cube.Facet(filter.Column, filters).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }
        return facets;
    }

    /// <summary>Whether the list declares any facet or a timeline (otherwise no cube is fetched for it).</summary>
    public static bool Declared<T>(TableDefinition<T> table) where T : class =>
        table.Filters.Any(f => f.Facet != FacetDisplay.None);
}
