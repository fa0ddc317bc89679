namespace Admin.Data.Listing.Definitions;

public enum FilterKind
{
    /// <summary>column = one of a fixed set of values.</summary>
    Choice,
    /// <summary>from &lt;= column &lt; to + 1 day, on the ordering's leading timestamp.</summary>
    DateRange,
}

/// <summary>
/// Whether a filter shows counts (its facet) and how: for a choice filter, each option's count under the other
/// filters beside it; for a date range, the timeline beside the grid (checks per day, week or month). Only where
/// exact counts are cheap (the rollups cover the list); elsewhere nothing is shown.
/// </summary>
public enum FacetDisplay
{
    None,
    /// <summary>Counts beside the options, in the declared order (risk from low to critical).</summary>
    Counts,
    /// <summary>Counts beside the options, largest first (districts within a province).</summary>
    CountsLargestFirst,
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

    /// <summary>Counts beside the options (a choice) or the timeline (a date range); see <see cref="FacetDisplay"/>.</summary>
    public FacetDisplay Facet { get; init; }

    /// <summary>
    /// A value most rows hold (risk "low": four checks in five). Indexes led by this column may leave its rows out
    /// (<see cref="IndexPredicateSql"/>), a fifth of the size: a list filtered to the common value walks the index of
    /// the other filters instead, stepping over the few rows that differ, so a page still costs what page 1 costs.
    /// </summary>
    public string? Common { get; init; }

    /// <summary>The partial-index predicate that leaves out <see cref="Common"/>; null when there is none.</summary>
    public string? IndexPredicateSql => Common is null ? null : $"{Keyset.Quote(Column)} <> '{Common.Replace("'", "''")}'";

    public static FilterDefinition Choice(string name, string title, string column, IReadOnlyList<FilterChoice> choices, Func<string, string?>? normalize = null) =>
        new(name, title, column, FilterKind.Choice, choices)
        {
            Normalize = normalize ?? (v => choices.FirstOrDefault(c => string.Equals(c.Value, v.Trim(), StringComparison.OrdinalIgnoreCase))?.Value),
        };

    public static FilterDefinition DateRange(string name, string title, string column) =>
        new(name, title, column, FilterKind.DateRange, []);
}
