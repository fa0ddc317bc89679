using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Observability;

public sealed record TopStatement(string Query, long Calls, double TotalMs, double MeanMs, long Rows);

/// <summary>Top statements, or why there are none (the extension is missing or not preloaded).</summary>
public sealed record TopStatements(IReadOnlyList<TopStatement> ByTotal, IReadOnlyList<TopStatement> ByMean, string? Notice);

public sealed record DatabaseVitals(double? CacheHitRatio, long ExportsQueued, long ExportsRunning, DateTimeOffset? RollupsRefreshedAt);

/// <summary>What the Performance page reads from PostgreSQL, and EXPLAIN of a captured statement.</summary>
public sealed class PerformanceQueries(NpgsqlDataSource dataSource, InteractionLog log, IOptions<DatabaseOptions> options)
{
    private const string NotPreloaded = "55000"; // object_not_in_prerequisite_state: "must be loaded via shared_preload_libraries"

    public async Task<TopStatements> TopStatementsAsync(int limit, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using (var has = new NpgsqlCommand(PerformanceSql.HasStatements, conn))
            if (await has.ExecuteScalarAsync(ct) is not true)
                return new([], [], "pg_stat_statements is not installed in this database: add it to shared_preload_libraries and run CREATE EXTENSION pg_stat_statements (./admin.sh run does both).");
        try
        {
            return new(await TopAsync(conn, "s.total_exec_time", limit, ct), await TopAsync(conn, "s.mean_exec_time", limit, ct), null);
        }
        catch (PostgresException ex) when (ex.SqlState == NotPreloaded)
        {
            return new([], [], "pg_stat_statements is installed but not loaded: add it to shared_preload_libraries and restart PostgreSQL (./admin.sh stop-db, then ./admin.sh run).");
        }
    }

    private static async Task<IReadOnlyList<TopStatement>> TopAsync(NpgsqlConnection conn, string order, int limit, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, PerformanceSql.TopStatements, order), conn)
        {
            Parameters = { new("limit", limit) },
        };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<TopStatement>();
        while (await reader.ReadAsync(ct))
            list.Add(new(reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt64(4)));
        return list;
    }

    public async Task<DatabaseVitals> VitalsAsync(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        double? ratio;
        await using (var cmd = new NpgsqlCommand(PerformanceSql.CacheHitRatio, conn))
            ratio = await cmd.ExecuteScalarAsync(ct) as double?;
        long queued, running;
        await using (var cmd = new NpgsqlCommand(PerformanceSql.ExportQueue, conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (queued, running) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        var refreshed = await RollupFreshness.ReadAsync(dataSource, ct);
        return new(ratio, queued, running, refreshed);
    }

    /// <summary>
    /// EXPLAIN (without ANALYZE: nothing runs) of a statement still held by the <see cref="InteractionLog"/>, with the
    /// values it ran with, under <see cref="DatabaseOptions.ExplainTimeout"/>. Null when the statement is no longer held
    /// or is not a read. Only statements the app itself sent can be explained: no SQL comes from the page.
    /// </summary>
    public async Task<string?> ExplainAsync(long statementId, CancellationToken ct)
    {
        if (log.Find(statementId) is not { CanExplain: true } statement) return null;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var set = new NpgsqlCommand(PerformanceSql.SetTimeout(options.Value.ExplainTimeout), conn, tx))
            await set.ExecuteNonQueryAsync(ct);
        await using var cmd = new NpgsqlCommand("EXPLAIN " + statement.Sql, conn, tx);
        foreach (var p in statement.RawParameters) cmd.Parameters.Add(p.Clone());
        var lines = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                lines.Add(reader.GetString(0));
        await tx.RollbackAsync(ct);
        return string.Join('\n', lines);
    }
}
