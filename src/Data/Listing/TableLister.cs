using System.Diagnostics;
using Admin.Data.Observability;
using Admin.Data.Listing.Definitions;
using Admin.Data.Persistence;
using Admin.Data.Routing;
using Admin.Data.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Admin.Data.Listing;

/// <summary>
/// Fetches keyset windows of a list: one SELECT ... ORDER BY key LIMIT n+1 per window, at any depth, never OFFSET
/// and never a count. The extra row tells whether more rows lie in the direction of travel.
/// Cancellation reaches Npgsql, which cancels the statement on the server too.
/// This is the one place rows leave for a page or an API answer: each is presented as the caller's
/// <see cref="PersonalDataView"/> allows, after its cursor has been taken (cursors never hold personal values).
/// A table that declares its <see cref="TableDefinition{T}.Rows"/> is read with Npgsql from <paramref name="source"/>,
/// the same connection EF's reads route to; others through EF.
/// </summary>
public sealed class TableLister(IDbContextFactory<AdminDbContext> contexts, ReadSource? source = null)
{
    public async Task<ListWindow<T>> WindowAsync<T>(ListQuery<T> query, WindowRequest request, PersonalDataView view, CancellationToken ct) where T : class
    {
        // A window with search text is a search (its own span and histogram, by kind); either is a grid window fetch.
        using var activity = AdminTelemetry.StartInteraction(query.Search is null ? "grid window" : "search", query.Table.Table);
        activity?.SetTag("admin.anchor", request.Anchor.ToString());
        if (query.Search is { } search) activity?.SetTag("admin.search.kind", search.Definition.Name);
        var started = Stopwatch.GetTimestamp();
        string? error = null;
        try
        {
            return await FetchAsync(query, request, view, ct);
        }
        catch (Exception ex)
        {
            error = AdminTelemetry.Fail(activity, ex);
            throw;
        }
        finally
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var tags = new TagList { { "admin.table", query.Table.Table }, { "admin.anchor", request.Anchor.ToString() } };
            if (error is not null) tags.Add("error.type", error);
            AdminTelemetry.GridWindowDuration.Record(seconds, tags);
            if (query.Search is { } s)
                AdminTelemetry.SearchDuration.Record(seconds, new TagList { { "admin.table", query.Table.Table }, { "admin.search.kind", s.Definition.Name } });
        }
    }

    private async Task<ListWindow<T>> FetchAsync<T>(ListQuery<T> query, WindowRequest request, PersonalDataView view, CancellationToken ct) where T : class
    {
        var count = WindowSql.Count(request);
        var ps = new SqlParameters();
        var sql = WindowSql.Build(query, request, ps);

        var rows = source is not null && query.Table.Rows is { } read
            ? await ReadAsync(source, sql, ps, read, count + 1, ct)
            : await ReadWithEfAsync<T>(sql, ps, ct);

        var more = rows.Count > count;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (request.Backward) rows.Reverse();
        var cursors = rows.Select(r => KeysetCursor.Of(query.Table, query.Ordering, r)).ToList();
        foreach (var row in rows) query.Table.Present(row, view);

        return request.Anchor switch
        {
            WindowAnchor.Start => new(rows, cursors, false, more),
            WindowAnchor.End => new(rows, cursors, more, false),
            WindowAnchor.After => new(rows, cursors, true, more),
            WindowAnchor.Before => new(rows, cursors, more, true),
            _ => new(rows, cursors, null, more),
        };
    }

    private static async Task<List<T>> ReadAsync<T>(ReadSource source, string sql, SqlParameters ps, Func<NpgsqlCommand, int, CancellationToken, Task<List<T>>> read, int capacity, CancellationToken ct)
    {
        await using var conn = await source.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddRange(ps.List.ToArray());
        return await read(cmd, capacity, ct);
    }

    private async Task<List<T>> ReadWithEfAsync<T>(string sql, SqlParameters ps, CancellationToken ct) where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<T>().FromSqlRaw(sql, ps.List.ToArray<object>()).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>One record by primary key, as <paramref name="view"/> allows; null when there is no such record.</summary>
    public async Task<T?> FindAsync<T>(TableDefinition<T> table, object id, PersonalDataView view, CancellationToken ct) where T : class
    {
        using var activity = AdminTelemetry.StartInteraction("record", table.Table);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Set<T>().FindAsync([id], ct);
        return row is null ? null : table.Present(row, view);
    }
}
