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
}
