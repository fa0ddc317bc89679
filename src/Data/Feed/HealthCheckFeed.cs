using System.Data;
using Admin.Data.Entities;
using Admin.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Admin.Data.Feed;

/// <summary>
/// Reads pages of the HealthCheck change feed: rows in the order their writing transactions' ids, below the safe
/// horizon <see cref="HealthCheckFeedSql.Horizon"/>, so a client that follows the cursor sees every row exactly once
/// (README, "API"). Two statements in one read-only REPEATABLE READ transaction: the keys of the page (and where the
/// scan stopped), then those rows by primary key; one snapshot, so both agree and the horizon holds for both.
/// </summary>
public sealed class HealthCheckFeed(IDbContextFactory<AdminDbContext> contexts)
{
    public async Task<FeedPage> ReadAsync(FeedRequest request, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)tx.GetDbTransaction();
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
            await readOnly.ExecuteNonQueryAsync(ct);

        var keys = new List<(FeedPosition Key, bool Hit, long Scanned)>();
        await using (var cmd = HealthCheckFeedSql.Build(request))
        {
            cmd.Connection = connection;
            cmd.Transaction = transaction;
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
        else if (keys.FirstOrDefault(k => k.Scanned == request.ScanBudget) is { Scanned: > 0 } marker)
        {
            next = marker.Key; // the budget ran out: carry on after the last row examined
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
            var ids = hits.Select(h => h.Id).ToArray();
            var byId = await db.HealthChecks.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
            foreach (var id in ids)
                if (byId.TryGetValue(id, out var row)) rows.Add(row);
        }
        await tx.CommitAsync(ct);
        var scanned = request.Filter.NeedsScan ? (int)Math.Max(keys.Count == 0 ? 0 : keys.Max(k => k.Scanned), 0) : keys.Count;
        return new FeedPage(rows, next, more, scanned);
    }
}
