using Admin.Data.Bulk;
using Admin.Data.Entities;
using Admin.Data.Persistence;
using Admin.Data.Validation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Ingest;

/// <summary>
/// Writes validated HealthChecks, idempotently on <c>deduplication_id</c>: a repeat stores nothing and answers with the
/// row already stored. Races are the database's to settle: <c>INSERT ... ON CONFLICT DO NOTHING</c> waits for a
/// concurrent insert of the same key to commit and then does nothing, so concurrent repeats create one row.
/// </summary>
public sealed class HealthCheckWriter(NpgsqlDataSource dataSource, IDbContextFactory<AdminDbContext> contexts)
{
    private static readonly IReadOnlyList<string> Columns = HealthCheckColumns.Table.InsertedNames;
    private static readonly string ColumnList = string.Join(", ", Columns);

    private static readonly string InsertOne =
        $"INSERT INTO health_checks ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => "$" + (i + 1)))}) " +
        "ON CONFLICT (deduplication_id) DO NOTHING RETURNING id";

    public async Task<WriteOutcome> WriteAsync(ValidHealthCheck check, CancellationToken ct)
    {
        var row = check.ToNewEntity();
        await using (var cmd = dataSource.CreateCommand(InsertOne))
        {
            cmd.Parameters.AddRange(HealthCheckColumns.Table.Parameters(row));
            if (await cmd.ExecuteScalarAsync(ct) is Guid)
                return new WriteOutcome(row, Created: true);
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.HealthChecks.AsNoTracking().SingleAsync(h => h.DeduplicationId == row.DeduplicationId, ct);
        return new WriteOutcome(stored, Created: false);
    }

    /// <summary>
    /// Writes a batch in one transaction: binary COPY into a temporary table, then one INSERT ... SELECT ... ON CONFLICT
    /// DO NOTHING into health_checks. All rows or none; the answer says per item whether it was created or existed.
    /// Deduplication ids must be distinct within the batch (the caller checks).
    /// </summary>
    /// <param name="statementTimeout">
    /// A batch is bounded (the caller caps its size) but bigger than any other statement the app sends: it may run longer
    /// than the app's general limit, up to this.
    /// </param>
    public async Task<IReadOnlyList<BatchItemOutcome>> WriteBatchAsync(IReadOnlyList<ValidHealthCheck> checks, TimeSpan statementTimeout, CancellationToken ct)
    {
        var rows = checks.Select(c => c.ToNewEntity()).ToList();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var limit = new NpgsqlCommand($"SET LOCAL statement_timeout = {(long)statementTimeout.TotalMilliseconds}", conn, tx))
            await limit.ExecuteNonQueryAsync(ct);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE health_checks_incoming (LIKE health_checks INCLUDING DEFAULTS) ON COMMIT DROP", conn, tx))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await conn.BeginBinaryImportAsync($"COPY health_checks_incoming ({ColumnList}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows) HealthCheckColumns.Table.Write(copy, row);
            await copy.CompleteAsync(ct);
        }

        // In index order (newest first: most indexes end in timestamp DESC, id DESC), so neighbouring rows land on
        // neighbouring index pages, read and dirtied once rather than once per row.
        var created = new HashSet<string>(StringComparer.Ordinal);
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO health_checks ({ColumnList}) SELECT {ColumnList} FROM health_checks_incoming ORDER BY timestamp DESC, id DESC " +
            "ON CONFLICT (deduplication_id) DO NOTHING RETURNING deduplication_id", conn, tx)
            { CommandTimeout = (int)statementTimeout.TotalSeconds + 5 }) // the server's limit answers first, cleanly
        await using (var reader = await insert.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) created.Add(reader.GetString(0));

        var existing = new Dictionary<string, Guid>(StringComparer.Ordinal);
        if (created.Count < rows.Count)
        {
            var others = rows.Select(r => r.DeduplicationId).Where(d => !created.Contains(d)).ToArray();
            await using var find = new NpgsqlCommand("SELECT deduplication_id, id FROM health_checks WHERE deduplication_id = ANY($1)", conn, tx);
            find.Parameters.Add(new NpgsqlParameter { Value = others, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) existing[reader.GetString(0)] = reader.GetGuid(1);
        }
        await tx.CommitAsync(ct);

        return rows.Select(r => created.Contains(r.DeduplicationId)
            ? new BatchItemOutcome(r.Id, true)
            : new BatchItemOutcome(existing[r.DeduplicationId], false)).ToList();
    }
}
