namespace Admin.Components.Grid;

/// <summary>A column of a <see cref="KeysetGrid{TRow}"/>: a title and how a row's cell reads.</summary>
public sealed record GridColumn<TRow>(string Title, Func<TRow, string> Text)
{
    /// <summary>CSS width, e.g. "10rem"; null shares what is left.</summary>
    public string? Width
    {
        get;
        init
        {
            field = value;
            Style = value is null ? null : "width:" + value;
        }
    }

    /// <summary>The column's style attribute, made once (a string made in each render is kept until the next one).</summary>
    public string? Style { get; private init; }
}
