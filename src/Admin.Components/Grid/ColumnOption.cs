namespace Admin.Components.Grid;

/// <summary>A column a <see cref="ColumnChooser"/> offers: its key, its title, and whether it is shown by default.</summary>
public sealed record ColumnOption(string Key, string Title, bool IsDefault = true);
