using Npgsql;

namespace Admin.Data.Bulk;

/// <summary>
/// A table's indexes, index-backed constraints (primary key, unique) and foreign keys (both directions) as
/// PostgreSQL itself prints them (<c>pg_get_indexdef</c>, <c>pg_get_constraintdef</c>), so a bulk load can drop them,
/// COPY into a bare heap and rebuild them by sorting once, all inside one transaction. Nothing is hard-coded: the
/// definitions the migrations made are the ones restored.
/// </summary>
internal sealed class TableIndexes
{
    private const string Sql = """
        WITH t AS (SELECT @table::regclass AS oid)
        SELECT 1 AS kind,
               format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
               c.conname::text
        FROM pg_constraint c, t
        WHERE c.contype = 'f' AND (c.conrelid = t.oid OR c.confrelid = t.oid)
        UNION ALL
        SELECT 2,
               format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
               c.conname::text
        FROM pg_constraint c, t
        WHERE c.conrelid = t.oid AND c.contype IN ('p', 'u', 'x')
        UNION ALL
        SELECT 3,
               format('DROP INDEX %s', i.indexrelid::regclass),
               pg_get_indexdef(i.indexrelid),
               i.indexrelid::regclass::text
        FROM pg_index i, t
        WHERE i.indrelid = t.oid
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = t.oid AND c.contype IN ('p', 'u', 'x'))
        ORDER BY 1, 4
        """;

    private readonly List<Entry> _entries;

    private TableIndexes(List<Entry> entries) => _entries = entries;

    private sealed record Entry(int Kind, string Drop, string Create, string Name);

    public int Count => _entries.Count;

    /// <summary>Index and constraint names, for progress reporting.</summary>
    public IEnumerable<string> Names => _entries.Select(e => e.Name);

    public static async Task<TableIndexes> CaptureAsync(NpgsqlConnection conn, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, conn) { Parameters = { new("table", table) } };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var entries = new List<Entry>();
        while (await reader.ReadAsync(ct))
            entries.Add(new Entry(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return new TableIndexes(entries);
    }

    /// <summary>Foreign keys first (they depend on the keys), then constraints, then plain indexes.</summary>
    public async Task DropAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        foreach (var e in _entries)
            await BulkSql.ExecuteAsync(conn, e.Drop, ct);
    }

    /// <summary>Indexes and keys first, foreign keys last (they need the referenced key, and are validated by one join).</summary>
    public async Task CreateAsync(NpgsqlConnection conn, Action<string>? built, CancellationToken ct)
    {
        foreach (var e in _entries.OrderBy(e => e.Kind == 1 ? 4 : e.Kind))
        {
            await BulkSql.ExecuteAsync(conn, e.Create, ct);
            built?.Invoke(e.Name);
        }
    }
}
