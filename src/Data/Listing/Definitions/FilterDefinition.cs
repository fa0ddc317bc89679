namespace Admin.Data.Listing.Definitions;

public enum FilterKind
{
    /// <summary>column = one of a fixed set of values.</summary>
    Choice,
    /// <summary>from &lt;= column &lt; to + 1 day, on the ordering's leading timestamp.</summary>
    DateRange,
}

/// <summary>A value a person can pick for a choice filter.</summary>
public sealed record FilterChoice(string Value, string Label);

/// <summary>
/// A filter the list offers. <see cref="Normalize"/> turns what a URL or form sent into the stored value
/// (e.g. old province code ZA-GT into ZA-GP) or null when it is not one of the choices.
/// </summary>
public sealed record FilterDefinition(string Name, string Title, string Column, FilterKind Kind, IReadOnlyList<FilterChoice> Choices)
{
    public Func<string, string?> Normalize { get; init; } = v => v;

    public static FilterDefinition Choice(string name, string title, string column, IReadOnlyList<FilterChoice> choices, Func<string, string?>? normalize = null) =>
        new(name, title, column, FilterKind.Choice, choices)
        {
            Normalize = normalize ?? (v => choices.FirstOrDefault(c => string.Equals(c.Value, v.Trim(), StringComparison.OrdinalIgnoreCase))?.Value),
        };

    public static FilterDefinition DateRange(string name, string title, string column) =>
        new(name, title, column, FilterKind.DateRange, []);
}
