using System.Data;
using System.Diagnostics;
using Admin.Data.Hotspots;
using Admin.Data.Observability;
using Admin.Data.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Rollups;

/// <summary>
/// Keeps the rollup tables equal to a GROUP BY over health_checks. An incremental refresh recomputes whole days from
/// <see cref="HotspotOptions.LateArrivalDays"/> before the last high-water mark, so checks that arrive late for a
/// recent day are counted, and also each older day that rows committed since the last refresh belong to (found by
/// their <c>change_xid</c>, see <see cref="RollupWatermark.XidHorizon"/>); a rebuild recomputes everything. Both hold
/// a session advisory lock, so one node refreshes (and no edit adjusts the rollups) at a time. The daily rollups and the
/// watermark are written in one REPEATABLE READ transaction, from one snapshot of the base table: exact counts see the
/// old days or the new, never half. The months are then summed from those days, one short transaction each, so no
/// transaction holds an id for more than a moment (the change feed waits for any that does).
/// Days are days of the display time zone (zone); rollups counted in another zone's days are rebuilt.
/// </summary>
public sealed class RollupRefresher(NpgsqlDataSource dataSource, IOptions<HotspotOptions> options, TimeProvider time, ILogger<RollupRefresher> logger,
    DisplayTimeZone? zone = null)
{
    private readonly DisplayTimeZone _zone = zone ?? DisplayTimeZone.Default;

    /// <summary>Incremental refresh; returns at once (not <see cref="RollupRefreshResult.Ran"/>) if another node is refreshing.</summary>
    public Task<RollupRefreshResult> RefreshAsync(CancellationToken ct = default) => RunAsync(full: false, ct);

    /// <summary>Recomputes every day; waits for a refresh in progress elsewhere to finish first.</summary>
    public Task<RollupRefreshResult> RebuildAsync(CancellationToken ct = default) => RunAsync(full: true, ct);

    private async Task<RollupRefreshResult> RunAsync(bool full, CancellationToken ct)
    {
        using var activity = AdminTelemetry.StartInteraction("rollup refresh");
        var kind = full ? "rebuild" : "incremental";
        activity?.SetTag("admin.rollup.kind", kind);
        var started = Stopwatch.GetTimestamp();
        var ran = false;
        try
        {
            var result = await RunLockedAsync(full, ct);
            ran = result.Ran;
            if (ran) RollupFreshness.Observe(time.GetUtcNow());
            return result;
        }
        catch (Exception ex)
        {
            AdminTelemetry.Fail(activity, ex);
            throw;
        }
        finally
        {
            activity?.SetTag("admin.rollup.ran", ran);
            AdminTelemetry.RollupRefreshDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                new TagList { { "admin.rollup.kind", kind }, { "admin.rollup.ran", ran } });
        }
    }

    private async Task<RollupRefreshResult> RunLockedAsync(bool full, CancellationToken ct)
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
            logger.LogInformation("Rollups {Kind} from {From} (and {LateDays} older days with late arrivals): {DistrictRows} district, {MonthRows} district-month, {CellRows} cell and {MonthToDateRows} month-to-date rows written in {Elapsed} ms (no transaction held an id longer than {WriteElapsed} ms).",
                result.FullRebuild ? "rebuilt" : "refreshed", result.RecomputedFrom?.ToString("yyyy-MM-dd") ?? "the first day", result.LateDays.Count,
                result.DistrictRows, result.DistrictMonthRows, result.CellRows, result.MonthToDateRows, (long)result.Elapsed.TotalMilliseconds, (long)result.WriteElapsed.TotalMilliseconds);
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
        // All three from the transaction's one snapshot: the horizon describes exactly what the counts below see.
        var highWater = await HighWaterAsync(conn, ct);
        var (horizon, snapshot) = await SnapshotAsync(conn, ct);
        var (previous, previousHorizon, pending, builtIn) = full ? (null, null, [], null) : await WatermarkAsync(conn, ct);
        // Display:TimeZone changed since the rollups were counted: their days are another zone's, so count everything again.
        if (builtIn is not null && builtIn != _zone.Id)
        {
            logger.LogWarning("The rollups count days in {Built} but Display:TimeZone is {Zone}: rebuilding them.", builtIn, _zone.Id);
            previous = null;
        }

        // No watermark yet (first run, or the table was empty until now): count everything.
        DateOnly? from = previous is { } mark
            ? _zone.DayOf(mark).AddDays(-options.Value.LateArrivalDays)
            : null;
        var late = from is { } start && previousHorizon is { } since ? await LateDaysAsync(conn, since, start, ct) : [];
        // So many old days changed (a bulk load ran since): one pass over the table beats a range scan per day.
        if (late.Length > MaxLateDays) (from, late) = (null, []);

        await using (var prepare = Command(from is null ? RollupSql.RebuildWorkMem : RollupSql.NoJit, conn))
            await prepare.ExecuteNonQueryAsync(ct);

        // The merge counts everything before its first write, which takes a transaction id: from then to the commit,
        // the change feed's horizon waits for this transaction. The statement says how long its writes took.
        long districtRows, cellRows;
        TimeSpan statementWrites;
        await using (var write = Command(from is null ? RollupSql.MergeAll : RollupSql.MergeFrom, conn))
        {
            write.Parameters.AddWithValue(RollupDay.ZoneParameter, _zone.Id);
            if (from is { } day)
            {
                write.Parameters.AddWithValue("from", day);
                write.Parameters.AddWithValue("from_ts", _zone.StartOf(day));
                write.Parameters.Add(new NpgsqlParameter("late", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = late });
            }
            await using var reader = await write.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (districtRows, cellRows, statementWrites) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<TimeSpan>(3));
        }
        var writing = Stopwatch.StartNew();

        // Months and month-to-date totals of every month with a recounted day (a rebuild: every month), and any left
        // pending by an interrupted refresh (from their first day).
        var lastCellDay = await ScalarAsync<DateOnly?>(conn, RollupSql.LastCellDay, ct);
        var months = (await DirtyMonthsAsync(conn, from ?? BeforeAnyData, late, ct))
            .Concat(pending.Select(m => (Month: m, Start: m)))
            .GroupBy(m => m.Month, (month, starts) => (Month: month, Start: starts.Min(x => x.Start)))
            .OrderBy(m => m.Month).ToList();

        await using (var save = Command(RollupSql.SaveWatermark, conn))
        {
            save.Parameters.AddWithValue("name", RollupKeys.HealthChecks);
            save.Parameters.Add(new NpgsqlParameter("high_water", NpgsqlDbType.TimestampTz) { Value = (object?)highWater ?? DBNull.Value });
            save.Parameters.Add(new NpgsqlParameter("horizon", NpgsqlDbType.Xid8) { Value = horizon });
            save.Parameters.AddWithValue("snapshot", snapshot);
            save.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = (object?)from ?? DBNull.Value });
            save.Parameters.AddWithValue("now", time.GetUtcNow());
            save.Parameters.AddWithValue("rebuilt", from is null);
            save.Parameters.Add(new NpgsqlParameter("pending", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = months.Select(m => m.Month).ToArray() });
            save.Parameters.AddWithValue(RollupDay.ZoneParameter, _zone.Id);
            await save.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        var longestWrite = statementWrites + writing.Elapsed;

        // One short transaction per month, summed from the days just committed (a rebuild's 26 months took 8 s at 20M
        // rows: in one transaction, that long an id held). The refresh lock, still held, keeps edits and other
        // refreshes out until the last month is written.
        long monthRows = 0, monthToDateRows = 0;
        foreach (var (month, first) in months)
        {
            var monthWriting = Stopwatch.StartNew();
            await using var monthTx = await conn.BeginTransactionAsync(ct);
            var monthEnd = month.AddMonths(1).AddDays(-1);
            monthRows += await MergeMonthAsync(conn, RollupSql.MergeDistrictMonth, month, first, monthEnd, monthEnd, ct);
            var stop = lastCellDay is { } last && last < monthEnd ? last : monthEnd;
            monthToDateRows += await MergeMonthAsync(conn, RollupSql.MergeMonthToDate, month, first, stop, monthEnd, ct);
            await using (var done = Command(RollupSql.MonthWritten, conn))
            {
                done.Parameters.AddWithValue("name", RollupKeys.HealthChecks);
                done.Parameters.AddWithValue("month", month);
                await done.ExecuteNonQueryAsync(ct);
            }
            await monthTx.CommitAsync(ct);
            if (monthWriting.Elapsed > longestWrite) longestWrite = monthWriting.Elapsed;
        }
        // Hotspot caches are keyed by refreshed_at: one computed while months lagged their days is dropped now.
        if (months.Count > 0)
            await using (var touch = Command(RollupSql.Touch, conn))
            {
                touch.Parameters.AddWithValue("name", RollupKeys.HealthChecks);
                touch.Parameters.AddWithValue("now", time.GetUtcNow());
                await touch.ExecuteNonQueryAsync(ct);
            }

        return new RollupRefreshResult(true, from is null, from, districtRows, cellRows, monthToDateRows, highWater, clock.Elapsed)
        {
            LateDays = late,
            DistrictMonthRows = monthRows,
            WriteElapsed = longestWrite,
        };
    }

    /// <summary>Beyond this many late days a refresh recounts everything instead (a range scan per day would cost more).</summary>
    internal const int MaxLateDays = 60;

    private async Task<DateOnly[]> LateDaysAsync(NpgsqlConnection conn, ulong horizon, DateOnly from, CancellationToken ct)
    {
        await using var cmd = Command(RollupSql.LateDays, conn);
        cmd.Parameters.Add(new NpgsqlParameter("horizon", NpgsqlDbType.Xid8) { Value = horizon });
        cmd.Parameters.AddWithValue("from_ts", _zone.StartOf(from));
        cmd.Parameters.AddWithValue(RollupDay.ZoneParameter, _zone.Id);
        var days = new List<DateOnly>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct) && days.Count <= MaxLateDays) days.Add(reader.GetFieldValue<DateOnly>(0));
        return [.. days];
    }

    private async Task<(DateTimeOffset? HighWater, ulong? Horizon, DateOnly[] MonthsPending, string? TimeZone)> WatermarkAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = Command(RollupSql.Watermark, conn);
        cmd.Parameters.AddWithValue("name", RollupKeys.HealthChecks);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return (null, null, [], null);
        return (await reader.IsDBNullAsync(0, ct) ? null : reader.GetFieldValue<DateTimeOffset>(0),
                await reader.IsDBNullAsync(1, ct) ? null : reader.GetFieldValue<ulong>(1),
                reader.GetFieldValue<DateOnly[]>(2),
                reader.GetString(3));
    }

    private async Task<(ulong Horizon, string Snapshot)> SnapshotAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = Command(RollupSql.XidHorizon, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetFieldValue<ulong>(0), reader.GetString(1));
    }

    private async Task<List<(DateOnly Month, DateOnly Start)>> DirtyMonthsAsync(NpgsqlConnection conn, DateOnly from, DateOnly[] late, CancellationToken ct)
    {
        await using var cmd = Command(RollupSql.DirtyMonths, conn);
        cmd.Parameters.AddWithValue("from", from);
        cmd.Parameters.Add(new NpgsqlParameter("late", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = late });
        var months = new List<(DateOnly, DateOnly)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) months.Add((reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1)));
        return months;
    }

    private async Task<long> MergeMonthAsync(NpgsqlConnection conn, string sql, DateOnly month, DateOnly start, DateOnly stop, DateOnly monthEnd, CancellationToken ct)
    {
        await using var cmd = Command(sql, conn);
        cmd.Parameters.AddWithValue("month", month);
        cmd.Parameters.AddWithValue("start", start);
        cmd.Parameters.AddWithValue("stop", stop);
        cmd.Parameters.AddWithValue("month_end", monthEnd);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task<T?> ScalarAsync<T>(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct) ? reader.GetFieldValue<T>(0) : default;
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

    private async Task<DateTimeOffset?> HighWaterAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = Command(RollupSql.HighWater, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct) ? reader.GetFieldValue<DateTimeOffset>(0) : null;
    }
}
