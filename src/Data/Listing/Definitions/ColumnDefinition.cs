namespace Admin.Data.Listing.Definitions;

/// <summary>A column the list shows: its title and how a row's value reads.</summary>
public sealed record ColumnDefinition<T>(string Name, string Title, Func<T, string> Format)
{
    /// <summary>Relative width hint for the grid (CSS length, e.g. "12rem").</summary>
    public string? Width { get; init; }

    /// <summary>Shown until a person chooses otherwise (Django's list_display); the others are offered by the column chooser.</summary>
    public bool ShownByDefault { get; init; } = true;
}
