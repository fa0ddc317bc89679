using System.Diagnostics;
using Admin.Data.Observability;
using System.Globalization;
using Admin.Data.Listing;
using Microsoft.Extensions.Options;
using Admin.Data.Routing;
using Npgsql;

namespace Admin.Data.Counting;

/// <summary>
/// The count label's number, exact only when that is cheap. A filter the rollups cover is counted from them, exactly
/// and in milliseconds (<see cref="RollupCounter"/>). Otherwise the planner's estimate comes first (EXPLAIN for a
/// filter, table statistics without one; both under a millisecond). When it is small enough, count(*) runs under
/// SET LOCAL statement_timeout; if that is cut off, the estimate stands. A whole-table estimate never stands in
/// for a filtered count (the flaw of Django's ApproximatePaginator, NOTES §3). A count that was cut off twice is not
/// tried again for a while (<see cref="SlowCounts"/>).
/// </summary>
public sealed class RowCounter(ReadSource dataSource, TableSizeEstimator sizes, IOptions<CountOptions> options, RollupCounter? rollups = null, TimeProvider? clock = null)
{
    private readonly SlowCounts _slow = new(options.Value.SlowCountMemory, clock ?? TimeProvider.System);

    public Task<CountResult> CountAsync<T>(ListQuery<T> query, CancellationToken ct) where T : class =>
        CountAsync(query, rollups is null ? null : () => rollups.TryCountAsync(query, ct), ct);

    /// <summary>
    /// The count, from <paramref name="cube"/> when the rollups gave one (the page fetched it once for the label and the
    /// facet counts beside the filters, <see cref="RollupCounter.CubeAsync{T}(ListQuery{T}, CancellationToken)"/>); when
    /// the cube is null, the planner's path as for any filter the rollups cannot count (they are not asked again).
    /// </summary>
    public Task<CountResult> CountAsync<T>(ListQuery<T> query, Task<RollupCube?> cube, CancellationToken ct) where T : class =>
        CountAsync(query, async () => await cube is { } c ? new CountResult(c.Count(RollupCounter.Filters(query)), CountSource.Rollups) : null, ct);

    private async Task<CountResult> CountAsync<T>(ListQuery<T> query, Func<Task<CountResult?>>? fromRollups, CancellationToken ct) where T : class
    {
        using var activity = AdminTelemetry.StartInteraction("count", query.Table.Table);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            if (fromRollups is not null && await fromRollups() is { } counted)
            {
                outcome = "rollups";
                return counted;
            }
            var estimate = await EstimateAsync(query, ct);
            if (estimate.Value > options.Value.ExactCeiling)
            {
                outcome = "estimate";
                return estimate;
            }
            var (sql, ps) = ExactSql(query);
            if (_slow.IsKnownSlow(sql, ps.List))
            {
                outcome = "known_slow";
                return estimate;
            }
            var exact = await TryExactAsync(sql, ps, options.Value.ExactTimeout, stopRunning: false, ct);
            if (exact is null) _slow.Remember(sql, ps.List);
            else _slow.Forget(sql, ps.List);
            outcome = exact is null ? "timed_out" : "exact";
            return exact ?? estimate;
        }
        catch (Exception ex)
        {
            outcome = AdminTelemetry.Fail(activity, ex) == "cancelled" ? "cancelled" : "failed";
            throw;
        }
        finally
        {
            Record(activity, query.Table.Table, outcome, started);
        }
    }

    private static void Record(Activity? activity, string table, string outcome, long started)
    {
        activity?.SetTag("admin.count.outcome", outcome);
        AdminTelemetry.CountDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
            new TagList { { "admin.table", table }, { "admin.count.outcome", outcome } });
    }

    public async Task<CountResult> EstimateAsync<T>(ListQuery<T> query, CancellationToken ct) where T : class
    {
        if (!query.IsFiltered)
        {
            var size = await sizes.EstimateAsync(query.Table.Table, ct);
            return new CountResult(size.Rows, size.FromStatistics ? CountSource.Statistics : CountSource.Planner);
        }
        var ps = new SqlParameters();
        var sql = $"SELECT 1 FROM {Keyset.Quote(query.Table.Table)} WHERE {query.WhereSql(ps)}";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return new CountResult(await PlannerEstimate.RowsAsync(conn, sql, ps.List, ct), CountSource.Planner);
    }

    /// <summary>An exact count that may take long (an admin asked for it); throws when cancelled or past the limit.</summary>
    public async Task<CountResult> ExactAsync<T>(ListQuery<T> query, CancellationToken ct) where T : class
    {
        using var activity = AdminTelemetry.StartInteraction("exact count", query.Table.Table);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var (sql, ps) = ExactSql(query);
            var exact = await TryExactAsync(sql, ps, options.Value.RequestedExactTimeout, stopRunning: true, ct);
            outcome = exact is null ? "timed_out" : "exact";
            return exact ?? throw new TimeoutException($"Counting took longer than {options.Value.RequestedExactTimeout.TotalSeconds:0} s and was stopped.");
        }
        catch (Exception ex) when (ex is not TimeoutException)
        {
            outcome = AdminTelemetry.Fail(activity, ex) == "cancelled" ? "cancelled" : "failed";
            throw;
        }
        finally
        {
            Record(activity, query.Table.Table, outcome, started);
        }
    }

    private static (string Sql, SqlParameters Parameters) ExactSql<T>(ListQuery<T> query) where T : class
    {
        var ps = new SqlParameters();
        var where = query.WhereSql(ps);
        return ($"SELECT count(*) FROM {Keyset.Quote(query.Table.Table)}" + (where.Length > 0 ? " WHERE " + where : ""), ps);
    }

    // stopRunning: the caller's token cancels the count under way too (an admin's count of minutes, with its cancel
    // button); otherwise only the wait and the statements not yet sent (ShortStatement).
    private async Task<CountResult?> TryExactAsync(string sql, SqlParameters ps, TimeSpan timeout, bool stopRunning, CancellationToken ct)
    {
        CancellationToken Running() => stopRunning ? ct : ShortStatement.Token(ct);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var ms = ((long)Math.Max(1, timeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        await using (var set = new NpgsqlCommand($"SET LOCAL statement_timeout = {ms}", conn, tx))
            await set.ExecuteNonQueryAsync(Running());
        try
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx);
            cmd.Parameters.AddRange(ps.List.ToArray());
            var n = (long)(await cmd.ExecuteScalarAsync(Running()))!;
            await tx.CommitAsync(Running());
            return new CountResult(n, CountSource.Exact);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.QueryCanceled && !(stopRunning && ct.IsCancellationRequested))
        {
            return null; // ran past its limit: the estimate stands
        }
    }
}
