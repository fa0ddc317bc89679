using Admin.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Admin.Data.Listing;

/// <summary>
/// Fetches keyset windows of a list: one SELECT ... ORDER BY key LIMIT n+1 per window, at any depth, never OFFSET
/// and never a count. The extra row tells whether more rows lie in the direction of travel.
/// Cancellation reaches Npgsql, which cancels the statement on the server too.
/// </summary>
public sealed class TableLister(IDbContextFactory<AdminDbContext> contexts)
{
    public async Task<ListWindow<T>> WindowAsync<T>(ListQuery<T> query, WindowRequest request, CancellationToken ct) where T : class
    {
        var count = Math.Clamp(request.Count, 1, WindowRequest.MaxCount);
        var keys = query.Ordering.Keys;
        var ps = new SqlParameters();
        var where = new List<string>();
        var filter = query.WhereSql(ps);
        if (filter.Length > 0) where.Add(filter);

        switch (request.Anchor)
        {
            case WindowAnchor.After or WindowAnchor.Before or WindowAnchor.At:
                var values = KeysetCursor.Decode(request.Cursor ?? "", keys);
                var names = values.Select(ps.Add).ToList();
                where.Add(Keyset.After(keys, names, reverse: request.Backward, inclusive: request.Anchor == WindowAnchor.At));
                break;
            case WindowAnchor.Seek:
                if (request.SeekValue is null || request.SeekValue.GetType() != keys[0].Type)
                    throw new ListRequestException($"This list can only jump to a {keys[0].Type.Name} position.", "at");
                where.Add(Keyset.SeekLeading(keys[0], ps.Add(request.SeekValue), reverse: false));
                break;
        }

        var sql = $"SELECT * FROM {Keyset.Quote(query.Table.Table)}"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + $" ORDER BY {Keyset.OrderBy(keys, request.Backward)} LIMIT {count + 1}";

        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Set<T>().FromSqlRaw(sql, ps.List.ToArray<object>()).AsNoTracking().ToListAsync(ct);

        var more = rows.Count > count;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (request.Backward) rows.Reverse();
        var cursors = rows.Select(r => KeysetCursor.Encode(query.Ordering.KeyOf(r))).ToList();

        return request.Anchor switch
        {
            WindowAnchor.Start => new(rows, cursors, false, more),
            WindowAnchor.End => new(rows, cursors, more, false),
            WindowAnchor.After => new(rows, cursors, true, more),
            WindowAnchor.Before => new(rows, cursors, more, true),
            _ => new(rows, cursors, null, more),
        };
    }

    /// <summary>The cursor of one record (by primary key), to open a window at it; null when there is no such record.</summary>
    public async Task<T?> FindAsync<T>(object id, CancellationToken ct) where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<T>().FindAsync([id], ct);
    }
}
