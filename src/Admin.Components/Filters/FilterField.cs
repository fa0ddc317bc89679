namespace Admin.Components.Filters;

public sealed record FilterOption(string Value, string Label);

/// <summary>A choice filter the bar offers: only the filters the data source can serve are ever passed in.</summary>
public sealed record FilterField(string Name, string Title, IReadOnlyList<FilterOption> Options)
{
    /// <summary>With counts known (<c>FilterBar.Counts</c>), list the options largest first instead of in the given order.</summary>
    public bool OrderByCount { get; init; }
}

/// <summary>One filter changed: a value, or null for "any".</summary>
public sealed record FilterChange(string Name, string? Value);
