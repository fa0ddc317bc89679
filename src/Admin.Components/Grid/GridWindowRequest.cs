namespace Admin.Components.Grid;

public enum GridAnchor
{
    /// <summary>The first rows of the ordering.</summary>
    Start,
    /// <summary>The last rows of the ordering.</summary>
    End,
    /// <summary>Rows after the cursor (scrolling down).</summary>
    After,
    /// <summary>Rows before the cursor (scrolling up).</summary>
    Before,
    /// <summary>A window the page asked for (a date, a record); <see cref="GridWindowRequest.Target"/> says where.</summary>
    Jump,
}

/// <summary>What the grid asks its provider for: a block of rows next to a known row, or at a place the page chose.</summary>
public sealed record GridWindowRequest(GridAnchor Anchor, int Count, string? Cursor = null, object? Target = null);
