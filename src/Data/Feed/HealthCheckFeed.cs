using System.Data;
using Admin.Data.Entities;
using Admin.Data.Routing;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Feed;

/// <summary>
/// Reads pages of the HealthCheck change feed: rows in the order of their writing transactions' ids, below the safe
/// horizon <see cref="HealthCheckFeedSql.Horizon"/>, so a client that follows the cursor sees every row exactly once
/// (README, "API"). An unfiltered or phone page is one statement. A scanned (filtered) page is two statements in one
/// read-only REPEATABLE READ transaction — the keys of the page and where the scan stopped, then those rows by
/// primary key — so both see one snapshot and the horizon holds for both.
/// </summary>
public sealed class HealthCheckFeed(ReadSource dataSource)
{
    public async Task<FeedPage> ReadAsync(FeedRequest request, CancellationToken ct)
    {
        var statement = HealthCheckFeedSql.Build(request);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return statement.ReturnsRows
            ? await SeekAsync(connection, statement, request, ct)
            : await ScanAsync(connection, statement, request, ct);
    }

    private static async Task<FeedPage> SeekAsync(NpgsqlConnection connection, FeedStatement statement, FeedRequest request, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(statement.Sql, connection);
        cmd.Parameters.AddRange(statement.Parameters);
        var rows = await HealthCheckColumns.Table.ReadAllAsync(cmd, request.PageSize + 1, ct);
        var more = rows.Count > request.PageSize;
        if (more) rows.RemoveAt(rows.Count - 1);
        var next = rows.Count > 0 ? new FeedPosition(rows[^1].ChangeXid, rows[^1].Id) : request.After;
        return new FeedPage(rows, next, more);
    }

    private static async Task<FeedPage> ScanAsync(NpgsqlConnection connection, FeedStatement statement, FeedRequest request, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, tx))
            await readOnly.ExecuteNonQueryAsync(ct);

        var keys = new List<(FeedPosition Key, bool Hit, long Scanned)>();
        await using (var cmd = new NpgsqlCommand(statement.Sql, connection, tx))
        {
            cmd.Parameters.AddRange(statement.Parameters);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                keys.Add((new FeedPosition(reader.GetFieldValue<ulong>(0), reader.GetGuid(1)), reader.GetBoolean(2), reader.GetInt64(3)));
        }

        var hits = keys.Where(k => k.Hit).Select(k => k.Key).ToList();
        FeedPosition? next;
        bool more;
        if (hits.Count > request.PageSize)
        {
            hits.RemoveRange(request.PageSize, hits.Count - request.PageSize);
            next = hits[^1];
            more = true;
        }
        else if (keys.Any(k => k.Scanned == request.ScanBudget))
        {
            next = keys.First(k => k.Scanned == request.ScanBudget).Key; // the budget ran out: carry on after the last entry examined
            more = true;
        }
        else
        {
            next = hits.Count > 0 ? hits[^1] : request.After; // caught up with the horizon
            more = false;
        }

        var rows = new List<HealthCheck>(hits.Count);
        if (hits.Count > 0)
        {
            await using var byId = new NpgsqlCommand("SELECT *, xmin FROM health_checks WHERE id = ANY($1) ORDER BY change_xid, id", connection, tx);
            byId.Parameters.Add(new NpgsqlParameter { Value = hits.Select(h => h.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            rows = await HealthCheckColumns.Table.ReadAllAsync(byId, hits.Count, ct); // same snapshot: every key read above is there
        }
        await tx.CommitAsync(ct);
        return new FeedPage(rows, next, more);
    }
}
