namespace Admin.Data.Listing;

public enum WindowAnchor
{
    /// <summary>The first rows of the ordering (newest end for "newest first").</summary>
    Start,
    /// <summary>The last rows of the ordering.</summary>
    End,
    /// <summary>Rows after a cursor, exclusive: scrolling down.</summary>
    After,
    /// <summary>Rows before a cursor, exclusive: scrolling up.</summary>
    Before,
    /// <summary>Rows from a cursor, inclusive: jump to a record.</summary>
    At,
    /// <summary>Rows from a value of the leading key: jump to a date.</summary>
    Seek,
}

/// <summary>Which keyset window to fetch. <see cref="Count"/> is clamped to <see cref="MaxCount"/>.</summary>
public sealed record WindowRequest(WindowAnchor Anchor, int Count, string? Cursor = null, object? SeekValue = null)
{
    public const int MaxCount = 1000;

    public bool Backward => Anchor is WindowAnchor.End or WindowAnchor.Before;

    public static WindowRequest Start(int count) => new(WindowAnchor.Start, count);
    public static WindowRequest End(int count) => new(WindowAnchor.End, count);
    public static WindowRequest After(string cursor, int count) => new(WindowAnchor.After, count, cursor);
    public static WindowRequest Before(string cursor, int count) => new(WindowAnchor.Before, count, cursor);
    public static WindowRequest At(string cursor, int count) => new(WindowAnchor.At, count, cursor);
    public static WindowRequest Seek(object value, int count) => new(WindowAnchor.Seek, count, SeekValue: value);
}

/// <summary>
/// Rows in the ordering's order with their cursors. <see cref="MoreBefore"/>/<see cref="MoreAfter"/>: whether rows
/// exist beyond each edge; null when this window cannot tell (ask, and an empty answer means no).
/// </summary>
public sealed record ListWindow<T>(IReadOnlyList<T> Rows, IReadOnlyList<string> Cursors, bool? MoreBefore, bool? MoreAfter);
