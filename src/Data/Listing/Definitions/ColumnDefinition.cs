namespace Admin.Data.Listing.Definitions;

/// <summary>A column the list shows: its title and how a row's value reads.</summary>
public sealed record ColumnDefinition<T>(string Name, string Title, Func<T, string> Format)
{
    /// <summary>Relative width hint for the grid (CSS length, e.g. "12rem").</summary>
    public string? Width { get; init; }
}
