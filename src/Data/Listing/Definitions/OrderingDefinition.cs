using Admin.Data.Time;

namespace Admin.Data.Listing.Definitions;

/// <summary>
/// A sort order the list offers. Its key is unique (it ends with the primary key), so a keyset window can
/// resume after any row; <see cref="KeyOf"/> reads a row's key for the cursor, <see cref="PositionOf"/>
/// tells a person where they are ("14 Mar 2021 10:32") since there is no row number at 20M rows.
/// </summary>
public sealed record OrderingDefinition<T>(
    string Name,
    string Title,
    IReadOnlyList<KeyColumn> Keys,
    Func<T, object[]> KeyOf,
    Func<T, string> PositionOf)
{
    /// <summary>Only offered when a search asks for it (e.g. "phone starts with" lists in number order).</summary>
    public bool SearchOnly { get; init; }

    /// <summary>
    /// How many leading keys an index must carry (null: all of them). PostgreSQL sorts the rest within each group of
    /// equal leading keys (Incremental Sort), which costs what a page costs only when those groups are small: one phone
    /// number's checks, not one day's.
    /// </summary>
    public int? IndexedKeys { get; init; }

    /// <summary>The keys an index must lead with to serve this ordering.</summary>
    public IReadOnlyList<KeyColumn> IndexKeys => IndexedKeys is { } n ? Keys.Take(n).ToList() : Keys;

    /// <summary>For an ordering by time: the instant a position is told by, in the display zone ("14 Mar 2021 10:32 SAST").</summary>
    public Func<T, DateTimeOffset>? PositionAt { get; init; }

    /// <summary>Where a row is, as a page tells it: a time in the display zone, else <see cref="PositionOf"/>.</summary>
    public string Position(T row, DisplayTimeZone zone) =>
        PositionAt is null ? PositionOf(row) : zone.FormatWithZone(PositionAt(row), ColumnDefinition<T>.DefaultTimeFormat);
}
