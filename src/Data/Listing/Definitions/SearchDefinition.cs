namespace Admin.Data.Listing.Definitions;

/// <summary>The index a search relies on; checked against the database at startup.</summary>
public enum SearchIndex
{
    /// <summary>A btree whose leading column is the search column, followed by the ordering's key.</summary>
    BtreeThenOrdering,
    /// <summary>A btree led by the column: one value matches few rows (one person's checks), sorted after matching.</summary>
    Btree,
    /// <summary>A unique btree on the column: at most one row.</summary>
    Unique,
    /// <summary>A GIN pg_trgm index on the column (contains-search); results are sorted after matching.</summary>
    Trigram,
    /// <summary>
    /// A GIN (array_ops) index on <see cref="SearchDefinition.IndexExpression"/>, the column's fixed-width windows as an
    /// array (contains-search over a small alphabet, e.g. digits); results are sorted after matching.
    /// </summary>
    Windows,
}

/// <summary>A predicate with positional values: <c>Sql</c> uses {0}, {1}... for them.</summary>
public sealed record SqlPredicate(string Sql, IReadOnlyList<object> Values);

/// <summary>
/// A way to search the list. <see cref="Build"/> validates and normalises the text a person typed and returns
/// the predicate, or throws <see cref="ListRequestException"/> with a message that says what to type instead.
/// </summary>
public sealed record SearchDefinition(string Name, string Title, string Hint, string Column, SearchIndex Index, Func<string, SqlPredicate> Build)
{
    /// <summary>The ordering the results come in (its index serves the search); null keeps the list's ordering.</summary>
    public string? Ordering { get; init; }

    /// <summary>For <see cref="SearchIndex.Windows"/>: the indexed expression, which the predicate repeats exactly.</summary>
    public string? IndexExpression { get; init; }
}
