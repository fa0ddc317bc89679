using System.Diagnostics;
using Admin.Data.Entities;
using Admin.Data.Persistence.Configurations;
using Npgsql;

namespace Admin.Data.Bulk;

/// <summary>
/// Loads generated demo data with binary COPY, generation and writing overlapped (<see cref="RowPipeline"/>).
/// <list type="bullet">
/// <item><b>Bulk</b> (empty table, or a load that at least doubles it): one transaction drops the table's indexes,
/// keys and foreign keys, COPYs everything into the bare heap, rebuilds them by sorting once, and commits; then
/// ANALYZE. Into an empty table the heap commits first and the indexes are built from two sessions at once (a GIN
/// build uses one core; <see cref="BulkLoadOptions.IndexSessions"/>); an interruption then is undone by emptying the
/// table again and restoring its indexes, keys and foreign keys, in the same call or at the next load's start
/// (<see cref="BulkRecoverySql"/>). A table with rows (up to <see cref="BulkLoadOptions.RewriteMaxRows"/>) is rewritten: its rows are set
/// aside, the table truncated, the generated rows it does not already hold (<see cref="KnownKeys"/>) COPYed in and
/// its own rows put back, unchanged. A bigger table goes through a staging table merged by deduplication_id.
/// Anything that stops it (cancellation, a crash, a lost connection) rolls the whole load back and leaves the table
/// exactly as it was.</item>
/// <item><b>Incremental</b> (otherwise): each batch is COPYed into a temp staging table and merged with
/// <c>ON CONFLICT (deduplication_id) DO NOTHING</c> in its own transaction, so a re-run of the same seed adds
/// nothing and an interruption leaves only whole committed batches.</item>
/// </list>
/// Vaccine registrations have no natural key (the id is an identity), so they are loaded only into an empty table,
/// in bulk; a re-run therefore never duplicates them.
/// </summary>
public sealed class BulkLoader
{
    public const string HealthChecksTable = HealthCheckConfiguration.Table;
    public const string VaccineRegistrationsTable = VaccineRegistrationConfiguration.Table;

    // Concurrent seeders (two `./admin.sh run` at once) queue on this session lock instead of colliding.
    private const long AdvisoryLockKey = 0x5EED_C0DE;
    private const int BatchesInFlight = 4;

    private static readonly TableSpec<HealthCheck> HealthChecks =
        new(HealthChecksTable, [.. HealthCheckColumns.Table.InsertedNames], HealthCheckColumns.Table.Write, HealthCheckColumns.Table.Encode,
            HealthCheckColumns.DeduplicationId.Name, r => r.DeduplicationId, RestartIdentity: false);

    private static readonly TableSpec<VaccineRegistration> Vaccines =
        new(VaccineRegistrationsTable, VaccineRegistrationCopyWriter.Columns, VaccineRegistrationCopyWriter.Write, VaccineRegistrationCopyWriter.Encode, DedupKey: null, DedupValue: null, RestartIdentity: true);

    private readonly string _connectionString;

    public BulkLoader(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Session state (the advisory lock, temp tables) must end with the connection, not linger in a pool.
            Pooling = false,
            // Index builds and merges of millions of rows outlast any sensible timeout; cancellation stops them instead.
            CommandTimeout = 0,
            // Fewer, larger socket writes for COPY.
            WriteBufferSize = 1 << 20,
        };
        if (string.IsNullOrEmpty(csb.ApplicationName)) csb.ApplicationName = "admin-seed";
        _connectionString = csb.ConnectionString;
    }

    private sealed record TableSpec<T>(
        string Table, string[] Columns, Action<NpgsqlBinaryImporter, T> Write, Action<CopyBuffer, T> Encode, string? DedupKey, Func<T, string>? DedupValue, bool RestartIdentity)
    {
        public string ColumnList { get; } = string.Join(", ", Columns.Select(c => "\"" + c + "\""));
    }

    public async Task<BulkLoadResult> LoadAsync(BulkLoadOptions options, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Rows);
        ArgumentOutOfRangeException.ThrowIfNegative(options.EffectiveVaccineRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CommitRows, 1);

        var total = Stopwatch.StartNew();
        var skipped = new List<string>();
        await using var conn = new NpgsqlConnection(_connectionString);
        await conn.OpenAsync(ct);
        // Held until the connection closes (no pooling), whatever happens below.
        await BulkSql.ExecuteAsync(conn, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);

        // An earlier load stopped between its heap's commit and its last index is undone first (the table empty again).
        var recovered = await RecoverAsync(conn, ct);
        // Bounded count: enough to tell "empty" and "smaller than this load" without counting a huge table.
        var existing = await CountUpToAsync(conn, HealthChecksTable, Math.Max(1, options.Rows), ct);
        if (options.IfEmpty && existing > 0)
        {
            skipped.Add($"{HealthChecksTable} already has rows (--if-empty)");
            return new BulkLoadResult(null, null, total.Elapsed.TotalSeconds, skipped) { Recovered = recovered };
        }

        TableLoadResult? healthChecks = null;
        if (options.Rows > 0)
        {
            var setup = Stopwatch.StartNew(); // the pools: part of generation, so part of the load's time
            var generator = new HealthCheckGenerator(options.Seed, options.Rows);
            setup.Stop();
            var bulk = options.Mode switch
            {
                BulkLoadMode.Bulk => true,
                BulkLoadMode.Incremental => false,
                _ => existing < options.Rows, // empty, or the load at least doubles the table
            };
            healthChecks = bulk
                ? await BulkAsync(conn, HealthChecks, options.Rows, generator.Fill, options, ct)
                : await IncrementalAsync(conn, HealthChecks, options.Rows, generator.Fill, options, ct);
            healthChecks = healthChecks with { LoadSeconds = healthChecks.LoadSeconds + setup.Elapsed.TotalSeconds };
        }

        TableLoadResult? vaccines = null;
        var vaccineRows = options.EffectiveVaccineRows;
        if (vaccineRows > 0)
        {
            if (await CountUpToAsync(conn, VaccineRegistrationsTable, 1, ct) == 0)
            {
                var setup = Stopwatch.StartNew();
                var generator = new VaccineRegistrationGenerator(options.Seed, vaccineRows, options.Rows);
                setup.Stop();
                vaccines = await BulkAsync(conn, Vaccines, vaccineRows, generator.Fill, options, ct);
                vaccines = vaccines with { LoadSeconds = vaccines.LoadSeconds + setup.Elapsed.TotalSeconds };
            }
            else
            {
                skipped.Add($"{VaccineRegistrationsTable} already has rows (registrations have no natural key to deduplicate on, so they load only into an empty table)");
            }
        }
        return new BulkLoadResult(healthChecks, vaccines, total.Elapsed.TotalSeconds, skipped) { Recovered = recovered };
    }

    private async Task<TableLoadResult> BulkAsync<T>(
        NpgsqlConnection conn, TableSpec<T> spec, long rows, Func<Span<T>, int> fill, BulkLoadOptions options, CancellationToken ct)
        where T : class, new()
    {
        var clock = Stopwatch.StartNew();
        await using var tx = await conn.BeginTransactionAsync(ct);
        await BulkSql.ExecuteAsync(conn, $"LOCK TABLE {spec.Table} IN ACCESS EXCLUSIVE MODE", ct);
        var existing = await CountUpToAsync(conn, spec.Table, options.RewriteMaxRows + 1, ct);
        var empty = existing == 0;
        if (!empty && spec.DedupKey is null)
            throw new InvalidOperationException($"{spec.Table} is not empty and has no key to merge on.");

        var indexes = await TableIndexes.CaptureAsync(conn, spec.Table, ct);
        await indexes.DropAsync(conn, ct);
        if (options.CompressWal) await CompressWalAsync(conn, ct);

        long written;
        string mode;
        if (empty)
        {
            // Truncating in this transaction lets COPY FREEZE write frozen, all-visible pages (no later
            // hint-bit rewrite or anti-wraparound vacuum), and lets PostgreSQL skip WAL when wal_level = minimal.
            await BulkSql.ExecuteAsync(conn, $"TRUNCATE {spec.Table}{(spec.RestartIdentity ? " RESTART IDENTITY" : "")}", ct);
            written = await CopyAsync(conn, $"COPY {spec.Table} ({spec.ColumnList}) FROM STDIN (FORMAT BINARY, FREEZE)", spec, rows, fill, options, ct);
            mode = "bulk";
        }
        else if (spec is { DedupKey: { } key, DedupValue: { } value } && existing <= options.RewriteMaxRows)
        {
            // The table's rows wait in a temp table (every column, change_xid included, so the API's feed does not
            // see them as new), and the truncated table takes the load the way an empty one does: COPY FREEZE, and no
            // WAL at wal_level = minimal. A merge through staging instead inserts row by row, at half the rate.
            var known = await KnownKeys.ReadAsync(conn, spec.Table, key, ct);
            var kept = spec.Table + "_kept";
            await BulkSql.ExecuteAsync(conn, $"CREATE TEMP TABLE {kept} ON COMMIT DROP AS SELECT * FROM {spec.Table}", ct);
            await BulkSql.ExecuteAsync(conn, $"TRUNCATE {spec.Table}", ct);
            long generated = 0;
            var newRows = known.Filter(fill, value, n => Interlocked.Add(ref generated, n));
            written = await CopyAsync(conn, $"COPY {spec.Table} ({spec.ColumnList}) FROM STDIN (FORMAT BINARY, FREEZE)", spec, rows, newRows, options, ct,
                progress: () => Interlocked.Read(ref generated));
            await BulkSql.ExecuteAsync(conn, $"INSERT INTO {spec.Table} SELECT * FROM {kept}", ct);
            mode = "bulk rewrite";
        }
        else
        {
            var staging = spec.Table + "_staging";
            await BulkSql.ExecuteAsync(conn, $"CREATE TEMP TABLE {staging} (LIKE {spec.Table} INCLUDING DEFAULTS) ON COMMIT DROP", ct);
            await CopyAsync(conn, $"COPY {staging} ({spec.ColumnList}) FROM STDIN (FORMAT BINARY)", spec, rows, fill, options, ct);
            // With the unique index dropped, duplicates are found by one hash anti-join instead of per-row probes.
            written = await BulkSql.ExecuteAsync(conn,
                $"INSERT INTO {spec.Table} ({spec.ColumnList}) SELECT {spec.ColumnList} FROM {staging} s " +
                $"WHERE NOT EXISTS (SELECT 1 FROM {spec.Table} t WHERE t.{spec.DedupKey} = s.{spec.DedupKey})", ct);
            mode = "bulk merge";
        }
        var loadSeconds = clock.Elapsed.TotalSeconds;

        var builds = new List<(string, double)>();
        var built = (string name, double seconds) =>
        {
            lock (builds)
            {
                builds.Add((name, seconds));
                options.Progress?.Invoke(new(spec.Table, BulkLoadStep.Indexes, builds.Count, indexes.Count, name));
            }
        };
        var memory = options.MaintenanceWorkMem ?? BulkLoadOptions.MaintenanceWorkMemFor(empty ? rows : 2 * rows);
        string Workers(int sessions) => options.WorkersFor(sessions).ToString(System.Globalization.CultureInfo.InvariantCulture);
        options.Progress?.Invoke(new(spec.Table, BulkLoadStep.Indexes, 0, indexes.Count));
        clock.Restart();
        if (empty && options.IndexSessions > 1 && await BulkSql.ScalarAsync<bool>(conn, BulkRecoverySql.Exists, ct))
        {
            await BulkSql.ExecuteAsync(conn, BulkRecoverySql.Insert, ct, new NpgsqlParameter("table", spec.Table), new NpgsqlParameter("restart", spec.RestartIdentity),
                new NpgsqlParameter("drops", indexes.DropsOfBuilt), new NpgsqlParameter("creates", indexes.Creates));
            await tx.CommitAsync(ct);
            await BuildInTwoSessionsAsync(conn, spec, indexes, memory, Workers(2), built, ct);
        }
        else
        {
            await SetConfigAsync(conn, "maintenance_work_mem", memory, local: true, ct);
            await SetConfigAsync(conn, "max_parallel_maintenance_workers", Workers(1), local: true, ct);
            await indexes.CreateAsync(conn, built, ct);
            await tx.CommitAsync(ct);
        }
        var indexSeconds = clock.Elapsed.TotalSeconds;

        var analyzeSeconds = await AnalyzeAsync(conn, spec.Table, options, ct);
        return new TableLoadResult(spec.Table, mode, rows, written, loadSeconds, indexSeconds, analyzeSeconds) { IndexBuilds = builds };
    }

    /// <summary>
    /// The index phase of a load into an empty table whose heap has committed: every index from two sessions, then the
    /// keys attached and the foreign keys added. The first session holds a SHARE lock throughout, in one transaction that
    /// ends with the keys and removes the recovery row: writers wait (no row can slip in between builds, nor be lost to a
    /// recovery), readers and the other session's CREATE INDEX (SHARE too) do not. Anything that stops it empties the
    /// table and restores it as it was (here, or at the next load if this connection is gone).
    /// </summary>
    private async Task BuildInTwoSessionsAsync<T>(NpgsqlConnection conn, TableSpec<T> spec, TableIndexes indexes, string memory, string workers,
        Action<string, double> built, CancellationToken ct)
    {
        try
        {
            await using var second = new NpgsqlConnection(_connectionString);
            await second.OpenAsync(ct);
            foreach (var session in new[] { conn, second })
            {
                await SetConfigAsync(session, "maintenance_work_mem", memory, local: false, ct);
                await SetConfigAsync(session, "max_parallel_maintenance_workers", workers, local: false, ct);
            }
            await using var held = await conn.BeginTransactionAsync(ct);
            await BulkSql.ExecuteAsync(conn, $"LOCK TABLE {spec.Table} IN SHARE MODE", ct);
            await indexes.BuildInTwoSessionsAsync(conn, second, built, ct);
            await indexes.AttachAsync(conn, built, ct);
            await BulkSql.ExecuteAsync(conn, BulkRecoverySql.Delete, ct, new NpgsqlParameter("table", spec.Table));
            await held.CommitAsync(ct);
        }
        catch
        {
            try
            {
                await RecoverAsync(conn, CancellationToken.None);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone with the load: the next load's start undoes it.
            }
            throw;
        }
    }

    /// <summary>
    /// Undoes every load its recovery row says was interrupted between its heap's commit and its last index: the table
    /// (empty before that load) is emptied, what the builds left is dropped and its indexes, keys and foreign keys are
    /// restored, in one transaction per table. Returns the tables it restored.
    /// </summary>
    private static async Task<IReadOnlyList<string>> RecoverAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        if (!await BulkSql.ScalarAsync<bool>(conn, BulkRecoverySql.Exists, ct)) return [];
        var pending = new List<(string Table, bool Restart, string[] Drops, string[] Creates)>();
        await using (var cmd = new NpgsqlCommand(BulkRecoverySql.Pending, conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                pending.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3)));
        foreach (var (table, restart, drops, creates) in pending)
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            await BulkSql.ExecuteAsync(conn, $"TRUNCATE {table}{(restart ? " RESTART IDENTITY" : "")}", ct);
            foreach (var sql in drops.Concat(creates)) await BulkSql.ExecuteAsync(conn, sql, ct);
            await BulkSql.ExecuteAsync(conn, BulkRecoverySql.Delete, ct, new NpgsqlParameter("table", table));
            await tx.CommitAsync(ct);
        }
        return pending.Select(p => p.Table).ToList();
    }

    private static async Task<TableLoadResult> IncrementalAsync<T>(
        NpgsqlConnection conn, TableSpec<T> spec, long rows, Func<Span<T>, int> fill, BulkLoadOptions options, CancellationToken ct)
        where T : class, new()
    {
        var clock = Stopwatch.StartNew();
        var staging = spec.Table + "_staging";
        // ON COMMIT DELETE ROWS empties the staging table at each batch's commit.
        await BulkSql.ExecuteAsync(conn, $"CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE {spec.Table} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS", ct);
        var merge = $"INSERT INTO {spec.Table} ({spec.ColumnList}) SELECT {spec.ColumnList} FROM {staging} ON CONFLICT ({spec.DedupKey}) DO NOTHING";

        NpgsqlTransaction? tx = null;
        CopySink<T>? sink = null;
        long written = 0, done = 0, inTransaction = 0;
        try
        {
            await RowPipeline.RunAsync(() => new CopyBatch<T>(options.BatchSize, options.CopyPath == CopyPath.Encoded), b => Produce(b, spec, fill), async (batch, token) =>
            {
                if (sink is null)
                {
                    tx = await conn.BeginTransactionAsync(token);
                    sink = await CopySink<T>.StartAsync(conn, options.CopyPath, $"COPY {staging} ({spec.ColumnList}) FROM STDIN (FORMAT BINARY)", spec.Write, token);
                }
                await sink.WriteAsync(batch, token);
                inTransaction += batch.Count;
                done += batch.Count;
                if (inTransaction >= options.CommitRows) await CommitAsync(token);
                options.Progress?.Invoke(new(spec.Table, BulkLoadStep.Copy, done, rows));
            }, BatchesInFlight, ct);
            if (sink is not null) await CommitAsync(ct);
        }
        finally
        {
            // An unfinished batch: disposing the sink cancels its COPY, disposing the transaction rolls it back.
            if (sink is not null) await sink.DisposeAsync();
            if (tx is not null) await tx.DisposeAsync();
        }
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var analyzeSeconds = await AnalyzeAsync(conn, spec.Table, options, ct);
        return new TableLoadResult(spec.Table, "incremental", rows, written, loadSeconds, 0, analyzeSeconds);

        async Task CommitAsync(CancellationToken token)
        {
            await sink!.CompleteAsync(token);
            await sink.DisposeAsync();
            sink = null;
            written += await BulkSql.ExecuteAsync(conn, merge, token);
            await tx!.CommitAsync(token);
            await tx.DisposeAsync();
            tx = null;
            inTransaction = 0;
        }
    }

    /// <param name="progress">Rows to report as done, when that is not the rows written (generated rows a filter dropped count too).</param>
    private static async Task<long> CopyAsync<T>(
        NpgsqlConnection conn, string copy, TableSpec<T> spec, long rows, Func<Span<T>, int> fill, BulkLoadOptions options, CancellationToken ct,
        Func<long>? progress = null)
        where T : class, new()
    {
        // Not completed (an exception, a cancellation): disposal cancels the COPY and the transaction aborts.
        await using var sink = await CopySink<T>.StartAsync(conn, options.CopyPath, copy, spec.Write, ct);
        long done = 0;
        options.Progress?.Invoke(new(spec.Table, BulkLoadStep.Copy, 0, rows));
        await RowPipeline.RunAsync(() => new CopyBatch<T>(options.BatchSize, options.CopyPath == CopyPath.Encoded), b => Produce(b, spec, fill), async (batch, token) =>
        {
            await sink.WriteAsync(batch, token);
            done += batch.Count;
            options.Progress?.Invoke(new(spec.Table, BulkLoadStep.Copy, progress?.Invoke() ?? done, rows));
        }, BatchesInFlight, ct);
        await sink.CompleteAsync(ct);
        options.Progress?.Invoke(new(spec.Table, BulkLoadStep.Copy, rows, rows));
        return done;
    }

    /// <summary>The generator's side of the pipeline: the next rows, encoded there too when the COPY takes bytes.</summary>
    private static bool Produce<T>(CopyBatch<T> batch, TableSpec<T> spec, Func<Span<T>, int> fill) where T : class, new()
    {
        batch.Count = fill(batch.Rows);
        if (batch.Count == 0) return false;
        if (batch.Bytes is { } bytes)
        {
            bytes.Clear();
            for (var i = 0; i < batch.Count; i++) spec.Encode(bytes, batch.Rows[i]);
        }
        return true;
    }

    private static async Task<double> AnalyzeAsync(NpgsqlConnection conn, string table, BulkLoadOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        options.Progress?.Invoke(new(table, BulkLoadStep.Analyze, 0, 1));
        await BulkSql.ExecuteAsync(conn, $"ANALYZE {table}", ct);
        options.Progress?.Invoke(new(table, BulkLoadStep.Analyze, 1, 1));
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Unless wal_level is minimal, every page of every rebuilt index goes to WAL as a full-page image: with fsync on,
    /// that is gigabytes the disk must take before the commit. lz4 shrinks index pages several-fold for little CPU.
    /// Only for this transaction, only when the server offers lz4, nothing else was configured, and we may set it.
    /// </summary>
    private static Task CompressWalAsync(NpgsqlConnection conn, CancellationToken ct) =>
        BulkSql.ExecuteAsync(conn, """
            SELECT set_config('wal_compression', 'lz4', true)
            WHERE current_setting('is_superuser') = 'on' AND current_setting('wal_compression') = 'off'
              AND EXISTS (SELECT 1 FROM pg_settings WHERE name = 'wal_compression' AND 'lz4' = ANY (enumvals))
            """, ct);

    private static Task<long> CountUpToAsync(NpgsqlConnection conn, string table, long limit, CancellationToken ct) =>
        BulkSql.ScalarAsync<long>(conn, $"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT @limit) s", ct, new NpgsqlParameter("limit", limit));

    private static Task SetConfigAsync(NpgsqlConnection conn, string setting, string value, bool local, CancellationToken ct) =>
        BulkSql.ScalarAsync<string>(conn, "SELECT set_config(@name, @value, @local)", ct,
            new NpgsqlParameter("name", setting), new NpgsqlParameter("value", value), new NpgsqlParameter("local", local));
}
