using Admin.Components.Grid;
using Admin.Data.Listing;
using Admin.Data.Security;

namespace Admin.Ui.Records;

/// <summary>
/// Adapts the list engine to the grid's provider: the grid's anchors become keyset windows.
/// Two vocabularies on purpose (reviewed for issue 12): <c>GridAnchor/GridWindowRequest/GridWindow</c> are the
/// domain-free component library's (what a reader does: scroll, jump to an opaque target the page interprets), and
/// <c>WindowAnchor/WindowRequest/ListWindow</c> are the list engine's (what the SQL does: an inclusive cursor, a seek on
/// the leading key), used without any UI by the bench and tests. Admin.Components may not reference Data, and Data
/// should not reference a Blazor library; merging them would need a third assembly for three records. This class is
/// the one place they meet.
/// </summary>
public static class GridWindows
{
    /// <param name="view">What the reader may see: rows reach the grid (and the circuit's render tree) already masked.</param>
    /// <param name="audited">
    /// The audit entry for this query (a search), awaited before any row is returned: if it cannot be written, the
    /// grid shows an error instead of rows that were never recorded. The rows are read meanwhile (two round trips at
    /// once instead of one after the other); they are dropped if the entry fails.
    /// </param>
    public static GridWindowProvider<T> For<T>(TableLister lister, ListQuery<T> query, PersonalDataView view, Task? audited = null) where T : class =>
        async (request, ct) =>
        {
            var fetch = lister.WindowAsync(query, ToWindowRequest(request), view, ct);
            if (audited is not null)
            {
                try
                {
                    await audited;
                }
                catch
                {
                    _ = fetch.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                    throw;
                }
            }
            var window = await fetch;
            return new GridWindow<T>(window.Rows, window.Cursors, window.MoreBefore, window.MoreAfter);
        };

    private static WindowRequest ToWindowRequest(GridWindowRequest r) => r.Anchor switch
    {
        GridAnchor.Start => WindowRequest.Start(r.Count),
        GridAnchor.End => WindowRequest.End(r.Count),
        GridAnchor.After => WindowRequest.After(r.Cursor!, r.Count),
        GridAnchor.Before => WindowRequest.Before(r.Cursor!, r.Count),
        GridAnchor.Jump when r.Target is DateTimeOffset at => WindowRequest.Seek(at, r.Count),
        GridAnchor.Jump when r.Target is RecordCursor c => WindowRequest.At(c.Cursor, r.Count),
        _ => WindowRequest.Start(r.Count),
    };

    /// <summary>Messages for what the reader can fix; anything else is the grid's generic message (and logged).</summary>
    public static string? Describe(Exception ex) => ex switch
    {
        ListRequestException e => e.Message,
        Npgsql.PostgresException { SqlState: "57014" } =>
            "This took too long to answer, so it was stopped. Narrow it down: type more digits, or add a filter.",
        _ => null,
    };
}

/// <summary>A jump target: open the window at this record.</summary>
public sealed record RecordCursor(string Cursor);
