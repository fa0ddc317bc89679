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
/// Keeps the rollup tables equal to a GROUP BY over health_checks. An incremental refresh recomputes whole days, only
/// those that changed since the last refresh: the days of rows written since its snapshot (inserted or updated, found
/// by their <c>change_xid</c> through the change feed's index, see <see cref="RollupWatermark.XidHorizon"/>), however
/// old, and the days rows left (deleted or updated away, noted by triggers in <c>rollup_vacated_days</c>). With nothing
/// changed it counts nothing and only moves the watermark; a rebuild, a truncation or more than
/// <see cref="MaxChangedDays"/> changed days recompute everything. Both hold a session advisory lock, so one node
/// refreshes (and no edit adjusts the rollups) at a time. The daily rollups and the watermark are written in one
/// REPEATABLE READ transaction, from one snapshot of the base table: exact counts see the old days or the new, never
/// half. The months are then summed from those days, one short transaction each, so no transaction holds an id for
/// more than a moment (the change feed waits for any that does).
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
            logger.LogInformation("Rollups {Kind} ({Days} changed days recounted, from {From}): {DistrictRows} district, {MonthRows} district-month, {DayTotalRows} day-total, {CellRows} cell and {MonthToDateRows} month-to-date rows and {CellPeriods} preset periods written in {Elapsed} ms (no transaction held an id longer than {WriteElapsed} ms).",
                result.FullRebuild ? "rebuilt" : "refreshed", result.FullRebuild ? "all" : result.Days.Count, result.Days.Count > 0 ? result.Days[0].ToString("yyyy-MM-dd") : "-",
                result.DistrictRows, result.DistrictMonthRows, result.DayTotalRows, result.CellRows, result.MonthToDateRows, result.CellPeriods, (long)result.Elapsed.TotalMilliseconds, (long)result.WriteElapsed.TotalMilliseconds);
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
        var mark = full ? null : await WatermarkAsync(conn, ct);
        // Display:TimeZone changed since the rollups were counted: their days are another zone's, so count everything again.
        if (mark is { TimeZone: var builtIn } && builtIn != _zone.Id)
        {
            logger.LogWarning("The rollups count days in {Built} but Display:TimeZone is {Zone}: rebuilding them.", builtIn, _zone.Id);
            mark = null;
        }

        // The days that changed since the last refresh; none: only the watermark moves. Everything is counted again with
        // no watermark (first run, or the table was empty until now), none to compare with (no horizon kept), a
        // truncation, or so many changed days (a bulk load ran since) that one pass over the table beats a range scan per day.
        var days = mark is { HighWater: not null, Horizon: { } since } ? await ChangedDaysAsync(conn, since, mark.Snapshot, ct) : null;
        if (days is { Length: > MaxChangedDays }) days = null;
        var everything = days is null;
        var pending = mark?.MonthsPending ?? [];

        var newestBefore = days is { Length: > 0 } ? await ScalarAsync<DateOnly?>(conn, RollupSql.LastCellDay, ct) : null;

        // The merge counts everything before its first write, which takes a transaction id: from then to the commit,
        // the change feed's horizon waits for this transaction. The statement says how long its writes took.
        long districtRows = 0, cellRows = 0;
        var statementWrites = TimeSpan.Zero;
        if (everything || days!.Length > 0)
        {
            await using (var prepare = Command(everything ? RollupSql.RebuildWorkMem : RollupSql.NoJit, conn))
                await prepare.ExecuteNonQueryAsync(ct);
            var runs = everything ? [] : Runs(days!);
            await using var write = Command(everything ? RollupSql.MergeAll : RollupSql.MergeDays(runs.Count), conn);
            write.Parameters.AddWithValue(RollupDay.ZoneParameter, _zone.Id);
            if (!everything)
            {
                write.Parameters.Add(new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = days });
                for (var i = 0; i < runs.Count; i++)
                {
                    write.Parameters.AddWithValue($"first{i}", runs[i].First);
                    write.Parameters.AddWithValue($"last{i}", runs[i].Last);
                }
            }
            await using var reader = await write.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (districtRows, cellRows, statementWrites) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<TimeSpan>(3));
        }
        var writing = Stopwatch.StartNew();

        // The day totals (the trend's province days, the areas' district totals) of the same days, in the same
        // transaction: they never lag the district days.
        long dayTotalRows = 0;
        if (everything || days!.Length > 0)
            foreach (var totals in DayTotals.All)
            {
                await using var merge = Command(everything ? totals.MergeAll : totals.MergeOf, conn);
                if (!everything) merge.Parameters.Add(new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = days });
                dayTotalRows += (long)(await merge.ExecuteScalarAsync(ct))!;
            }

        // Months and month-to-date totals of every month with a recounted day (a rebuild: every month), and any left
        // pending by an interrupted refresh (from their first day).
        var recounted = days ?? [];
        var lastCellDay = await ScalarAsync<DateOnly?>(conn, RollupSql.LastCellDay, ct);
        // A month's cell totals run to its end or the newest cell day. When the recount moved that day, the months from
        // the day after the earlier of the two are summed again: totals carried across the days between, or dropped past it.
        DateOnly? from = everything ? BeforeAnyData
            : recounted.Length == 0 || newestBefore == lastCellDay ? null
            : newestBefore is { } before && lastCellDay is { } after ? (before < after ? before : after).AddDays(1)
            : recounted[0];
        var months = (await DirtyMonthsAsync(conn, from, recounted, ct))
            .Concat(pending.Select(m => (Month: m, Start: m)))
            .GroupBy(m => m.Month, (month, starts) => (Month: month, Start: starts.Min(x => x.Start)))
            .OrderBy(m => m.Month).ToList();

        // The vacated dates read above are counted now (after the merge: a write here would take the transaction id early).
        await using (var clear = Command(RollupSql.ClearVacated, conn))
            await clear.ExecuteNonQueryAsync(ct);
        await using (var save = Command(RollupSql.SaveWatermark, conn))
        {
            save.Parameters.AddWithValue("name", RollupKeys.HealthChecks);
            save.Parameters.Add(new NpgsqlParameter("high_water", NpgsqlDbType.TimestampTz) { Value = (object?)highWater ?? DBNull.Value });
            save.Parameters.Add(new NpgsqlParameter("horizon", NpgsqlDbType.Xid8) { Value = horizon });
            save.Parameters.AddWithValue("snapshot", snapshot);
            save.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = recounted.Length > 0 ? recounted[0] : (object)DBNull.Value });
            save.Parameters.AddWithValue("now", time.GetUtcNow());
            save.Parameters.AddWithValue("rebuilt", everything);
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
        // The presets' map cells summed ahead from the totals just written (CellPeriod); also when the stored ones are
        // not the presets the page asks for now. Same sums as the page's own, so no cache is dropped for them.
        var (cellPeriods, periodsHeld) = await CellPeriods.RefreshAsync(conn, options.Value, everything || recounted.Length > 0 || months.Count > 0, ct);
        if (periodsHeld > longestWrite) longestWrite = periodsHeld;

        // Hotspot caches are keyed by refreshed_at: one computed while months lagged their days is dropped now.
        if (months.Count > 0)
            await using (var touch = Command(RollupSql.Touch, conn))
            {
                touch.Parameters.AddWithValue("name", RollupKeys.HealthChecks);
                touch.Parameters.AddWithValue("now", time.GetUtcNow());
                await touch.ExecuteNonQueryAsync(ct);
            }

        return new RollupRefreshResult(true, everything, districtRows, cellRows, monthToDateRows, highWater, clock.Elapsed)
        {
            Days = recounted,
            DistrictMonthRows = monthRows,
            DayTotalRows = dayTotalRows,
            CellPeriods = cellPeriods,
            WriteElapsed = longestWrite,
        };
    }

    /// <summary>Ordered days as runs of consecutive days (one index range each).</summary>
    internal static List<(DateOnly First, DateOnly Last)> Runs(IReadOnlyList<DateOnly> days)
    {
        var runs = new List<(DateOnly First, DateOnly Last)>();
        foreach (var day in days)
            if (runs.Count > 0 && runs[^1].Last.AddDays(1) == day) runs[^1] = (runs[^1].First, day);
            else runs.Add((day, day));
        return runs;
    }

    /// <summary>Beyond this many changed days a refresh recounts everything instead (a range scan per day would cost more).</summary>
    internal const int MaxChangedDays = 60;

    /// <summary>The changed days in order, at most one more than <see cref="MaxChangedDays"/>; null: every day (a truncation).</summary>
    private async Task<DateOnly[]?> ChangedDaysAsync(NpgsqlConnection conn, ulong horizon, string? seen, CancellationToken ct)
    {
        await using (var plan = Command(RollupSql.ChangedDaysPlan, conn))
            await plan.ExecuteNonQueryAsync(ct);
        var days = new List<DateOnly>();
        var everyDay = false;
        await using (var cmd = Command(RollupSql.ChangedDays, conn))
        {
            cmd.Parameters.Add(new NpgsqlParameter("horizon", NpgsqlDbType.Xid8) { Value = horizon });
            cmd.Parameters.Add(new NpgsqlParameter("seen", NpgsqlDbType.Text) { Value = (object?)seen ?? DBNull.Value });
            cmd.Parameters.AddWithValue(RollupDay.ZoneParameter, _zone.Id);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (!everyDay && await reader.ReadAsync(ct) && days.Count <= MaxChangedDays)
            {
                if (await reader.IsDBNullAsync(0, ct)) everyDay = true;
                else days.Add(reader.GetFieldValue<DateOnly>(0));
            }
        }
        await using (var reset = Command(RollupSql.ChangedDaysPlanReset, conn))
            await reset.ExecuteNonQueryAsync(ct);
        return everyDay ? null : [.. days];
    }

    private sealed record Watermark(DateTimeOffset? HighWater, ulong? Horizon, string? Snapshot, DateOnly[] MonthsPending, string TimeZone);

    private async Task<Watermark?> WatermarkAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = Command(RollupSql.Watermark, conn);
        cmd.Parameters.AddWithValue("name", RollupKeys.HealthChecks);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new(await reader.IsDBNullAsync(0, ct) ? null : reader.GetFieldValue<DateTimeOffset>(0),
                   await reader.IsDBNullAsync(1, ct) ? null : reader.GetFieldValue<ulong>(1),
                   await reader.IsDBNullAsync(4, ct) ? null : reader.GetString(4),
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

    private async Task<List<(DateOnly Month, DateOnly Start)>> DirtyMonthsAsync(NpgsqlConnection conn, DateOnly? from, DateOnly[] late, CancellationToken ct)
    {
        await using var cmd = Command(RollupSql.DirtyMonths, conn);
        cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = (object?)from ?? DBNull.Value });
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
