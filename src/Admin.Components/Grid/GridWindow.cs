namespace Admin.Components.Grid;

/// <summary>
/// A block of rows in display order, each with its cursor (the provider's opaque position of that row).
/// <see cref="MoreBefore"/>/<see cref="MoreAfter"/>: rows exist beyond that edge; null when unknown (the grid asks).
/// </summary>
public sealed record GridWindow<TRow>(IReadOnlyList<TRow> Items, IReadOnlyList<string> Cursors, bool? MoreBefore, bool? MoreAfter)
{
    public static GridWindow<TRow> Empty { get; } = new([], [], false, false);
}

/// <summary>Feeds the grid, QuickGrid-style: the grid never knows how rows are stored or how many there are.</summary>
public delegate ValueTask<GridWindow<TRow>> GridWindowProvider<TRow>(GridWindowRequest request, CancellationToken cancellationToken);
