namespace Admin.Components.Grid;

/// <summary>A column of a <see cref="KeysetGrid{TRow}"/>: a title and how a row's cell reads.</summary>
public sealed record GridColumn<TRow>(string Title, Func<TRow, string> Text)
{
    /// <summary>CSS width, e.g. "10rem"; null shares what is left.</summary>
    public string? Width { get; init; }
}
