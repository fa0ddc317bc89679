using System.Data;
using System.Diagnostics;
using Admin.Data.Hotspots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Rollups;

/// <summary>
/// Keeps the rollup tables equal to a GROUP BY over health_checks. An incremental refresh recomputes whole days from
/// <see cref="HotspotOptions.LateArrivalDays"/> before the last high-water mark, so checks that arrive late for a
/// recent day are counted; a rebuild recomputes everything. Both hold a session advisory lock, so one node refreshes
/// at a time, and write in one REPEATABLE READ transaction: readers see the old rollups or the new, never half, and
/// the rollups and the watermark come from the same snapshot of the base table.
/// </summary>
public sealed class RollupRefresher(NpgsqlDataSource dataSource, IOptions<HotspotOptions> options, TimeProvider time, ILogger<RollupRefresher> logger)
{
    /// <summary>Incremental refresh; returns at once (not <see cref="RollupRefreshResult.Ran"/>) if another node is refreshing.</summary>
    public Task<RollupRefreshResult> RefreshAsync(CancellationToken ct = default) => RunAsync(full: false, ct);

    /// <summary>Recomputes every day; waits for a refresh in progress elsewhere to finish first.</summary>
    public Task<RollupRefreshResult> RebuildAsync(CancellationToken ct = default) => RunAsync(full: true, ct);

    private async Task<RollupRefreshResult> RunAsync(bool full, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using (var timeout = Command(RollupSql.SetTimeout, conn))
        {
            timeout.Parameters.AddWithValue("timeout", ((long)options.Value.RefreshStatementTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await timeout.ExecuteNonQueryAsync(ct);
        }
        // A session lock taken before the transaction starts, so the transaction's snapshot is taken after any
        // other node's refresh has committed (an xact lock would be granted after the snapshot was already fixed).
        if (full)
            await LockAsync(conn, RollupSql.Lock, ct);
        else if (await LockAsync(conn, RollupSql.TryLock, ct) is not true)
        {
            logger.LogDebug("Rollup refresh skipped: another node holds the lock.");
            await ResetTimeoutAsync(conn);
            return RollupRefreshResult.Skipped(clock.Elapsed);
        }
        try
        {
            var result = await RecomputeAsync(conn, full, clock, ct);
            if (result.FullRebuild)
                await using (var analyze = Command(RollupSql.Analyze, conn))
                    await analyze.ExecuteNonQueryAsync(ct);
            logger.LogInformation("Rollups {Kind} from {From}: {DistrictRows} district, {CellRows} cell and {RunningRows} running-total rows written in {Elapsed} ms.",
                result.FullRebuild ? "rebuilt" : "refreshed", result.RecomputedFrom?.ToString("yyyy-MM-dd") ?? "the first day",
                result.DistrictRows, result.CellRows, result.RunningTotalRows, (long)result.Elapsed.TotalMilliseconds);
            return result;
        }
        finally
        {
            // A broken connection cannot unlock, but then the server has already released the session's locks.
            if (conn.State == ConnectionState.Open)
            {
                await LockAsync(conn, RollupSql.Unlock, CancellationToken.None);
                await ResetTimeoutAsync(conn);
            }
        }
    }

    private async Task<RollupRefreshResult> RecomputeAsync(NpgsqlConnection conn, bool full, Stopwatch clock, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var highWater = await TimestampAsync(conn, RollupSql.HighWater, null, ct);
        var previous = full ? null : await TimestampAsync(conn, RollupSql.Watermark, RollupKeys.HealthChecks, ct);

        // No watermark yet (first run, or the table was empty until now): count everything.
        DateOnly? from = previous is { } mark
            ? DateOnly.FromDateTime(mark.UtcDateTime).AddDays(-options.Value.LateArrivalDays)
            : null;

        if (from is null)
            await using (var prepare = Command(RollupSql.RebuildWorkMem + ";" + RollupSql.Truncate, conn))
                await prepare.ExecuteNonQueryAsync(ct);

        long districtRows, cellRows, runningRows;
        await using (var write = Command(from is null ? RollupSql.InsertAll : RollupSql.MergeFrom, conn))
        {
            if (from is { } day)
            {
                write.Parameters.AddWithValue("from", day);
                write.Parameters.AddWithValue("from_ts", new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            }
            await using var reader = await write.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (districtRows, cellRows) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        await using (var running = Command(RollupSql.MergeRunningTotals, conn))
        {
            // A rebuild starts before any data: nothing is carried in, every cell starts on its first day.
            running.Parameters.AddWithValue("from", from ?? BeforeAnyData);
            runningRows = (long)(await running.ExecuteScalarAsync(ct))!;
        }

        await using (var save = Command(RollupSql.SaveWatermark, conn))
        {
            save.Parameters.AddWithValue("name", RollupKeys.HealthChecks);
            save.Parameters.Add(new NpgsqlParameter("high_water", NpgsqlDbType.TimestampTz) { Value = (object?)highWater ?? DBNull.Value });
            save.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = (object?)from ?? DBNull.Value });
            save.Parameters.AddWithValue("now", time.GetUtcNow());
            save.Parameters.AddWithValue("rebuilt", from is null);
            await save.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new RollupRefreshResult(true, from is null, from, districtRows, cellRows, runningRows, highWater, clock.Elapsed);
    }

    private async Task ResetTimeoutAsync(NpgsqlConnection conn)
    {
        await using var reset = Command(RollupSql.ResetTimeout, conn);
        await reset.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static readonly DateOnly BeforeAnyData = new(1900, 1, 1);

    // Npgsql's own 30 s command timeout would cut a long rebuild short: the refresh's limit applies client-side too.
    private NpgsqlCommand Command(string sql, NpgsqlConnection conn) =>
        new(sql, conn) { CommandTimeout = (int)Math.Ceiling(options.Value.RefreshStatementTimeout.TotalSeconds) };

    private async Task<object?> LockAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql, conn);
        cmd.Parameters.AddWithValue("key", RollupKeys.RefreshLockKey);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private async Task<DateTimeOffset?> TimestampAsync(NpgsqlConnection conn, string sql, string? name, CancellationToken ct)
    {
        await using var cmd = Command(sql, conn);
        if (name is not null) cmd.Parameters.AddWithValue("name", name);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct) ? reader.GetFieldValue<DateTimeOffset>(0) : null;
    }
}
