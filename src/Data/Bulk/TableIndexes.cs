using System.Collections.Concurrent;
using Npgsql;

namespace Admin.Data.Bulk;

/// <summary>
/// A table's indexes, index-backed constraints (primary key, unique) and foreign keys (both directions) as
/// PostgreSQL itself prints them (<c>pg_get_indexdef</c>, <c>pg_get_constraintdef</c>), so a bulk load can drop them,
/// COPY into a bare heap and rebuild them by sorting once. Nothing is hard-coded: the definitions the migrations made
/// are the ones restored. Rebuilt in one session (<see cref="CreateAsync"/>, inside the load's transaction) or in two
/// at once (<see cref="BuildInTwoSessionsAsync"/> then <see cref="AttachAsync"/>): a GIN build runs on one core in
/// PostgreSQL 15, and the btrees use the other meanwhile.
/// </summary>
internal sealed class TableIndexes
{
    private const string Sql = """
        WITH t AS (SELECT @table::regclass AS oid)
        SELECT 1 AS kind,
               format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
               c.conname::text, NULL::text, NULL::text, NULL::text
        FROM pg_constraint c, t
        WHERE c.contype = 'f' AND (c.conrelid = t.oid OR c.confrelid = t.oid)
        UNION ALL
        SELECT 2,
               format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
               format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
               c.conname::text,
               -- A key's index alone, built like any other, then attached: ADD CONSTRAINT ... USING INDEX.
               CASE WHEN c.contype IN ('p', 'u') THEN pg_get_indexdef(c.conindid) END,
               CASE WHEN c.contype IN ('p', 'u') THEN format('ALTER TABLE %s ADD CONSTRAINT %I %s USING INDEX %I', c.conrelid::regclass, c.conname,
                    CASE c.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, i.relname) END,
               i.relname::text
        FROM pg_constraint c JOIN pg_class i ON i.oid = c.conindid, t
        WHERE c.conrelid = t.oid AND c.contype IN ('p', 'u', 'x')
        UNION ALL
        SELECT 3,
               format('DROP INDEX %s', i.indexrelid::regclass),
               pg_get_indexdef(i.indexrelid),
               i.indexrelid::regclass::text, NULL, NULL, NULL
        FROM pg_index i, t
        WHERE i.indrelid = t.oid
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = t.oid AND c.contype IN ('p', 'u', 'x'))
        ORDER BY 1, 4
        """;

    private readonly List<Entry> _entries;

    private TableIndexes(List<Entry> entries) => _entries = entries;

    /// <param name="Index">For a key: its index alone; null for what is not an index.</param>
    /// <param name="Attach">For a key: ADD CONSTRAINT ... USING INDEX.</param>
    /// <param name="IndexName">For a key: its index's name (as <see cref="Name"/> is for a plain index).</param>
    private sealed record Entry(int Kind, string Drop, string Create, string Name, string? Index, string? Attach, string? IndexName)
    {
        /// <summary>The statement that builds the index, in either session; null when not an index.</summary>
        public string? Build => Kind == 3 ? Create : Index;

        /// <summary>GIN, GiST and the like: one core for the whole build, so they go first, to the other session.</summary>
        public bool Serial => Build is { } b && !b.Contains(" USING btree ", StringComparison.Ordinal);
    }

    public int Count => _entries.Count;

    /// <summary>Index and constraint names, for progress reporting.</summary>
    public IEnumerable<string> Names => _entries.Select(e => e.Name);

    /// <summary>Every statement that restores the table's indexes, keys and foreign keys, in order (as <see cref="CreateAsync"/>).</summary>
    public string[] Creates => Ordered.Select(e => e.Create).ToArray();

    /// <summary>Drops whatever index a two-session build left behind, so <see cref="Creates"/> can run again.</summary>
    public string[] DropsOfBuilt => _entries.Where(e => e.Build is not null)
        .Select(e => "DROP INDEX IF EXISTS " + (e.Kind == 3 ? e.Name : QuoteIdentifier(e.IndexName!))).ToArray();

    private IEnumerable<Entry> Ordered => _entries.OrderBy(e => e.Kind == 1 ? 4 : e.Kind);

    public static async Task<TableIndexes> CaptureAsync(NpgsqlConnection conn, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, conn) { Parameters = { new("table", table) } };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var entries = new List<Entry>();
        while (await reader.ReadAsync(ct))
            entries.Add(new Entry(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return new TableIndexes(entries);
    }

    /// <summary>Foreign keys first (they depend on the keys), then constraints, then plain indexes.</summary>
    public async Task DropAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        foreach (var e in _entries)
            await BulkSql.ExecuteAsync(conn, e.Drop, ct);
    }

    /// <summary>Indexes and keys first, foreign keys last (they need the referenced key, and are validated by one join).</summary>
    public async Task CreateAsync(NpgsqlConnection conn, Action<string, double>? built, CancellationToken ct)
    {
        foreach (var e in Ordered)
            await TimedAsync(conn, e.Create, e.Name, built, ct);
    }

    private static async Task TimedAsync(NpgsqlConnection conn, string sql, string name, Action<string, double>? built, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await BulkSql.ExecuteAsync(conn, sql, ct);
        built?.Invoke(name, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Every index, keys' indexes included, built from two sessions at once (the heap is committed; CREATE INDEX takes a
    /// SHARE lock, which another CREATE INDEX does not wait for). The serial builds
    /// (GIN) go first, one to each free session; then the btrees, in capture order, to whichever session is free.
    /// A failed build cancels the other session's and is thrown.
    /// </summary>
    public async Task BuildInTwoSessionsAsync(NpgsqlConnection first, NpgsqlConnection second, Action<string, double>? built, CancellationToken ct)
    {
        var queue = new ConcurrentQueue<Entry>(_entries.Where(e => e.Build is not null).OrderBy(e => e.Serial ? 0 : 1));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAll(Session(first), Session(second));

        async Task Session(NpgsqlConnection conn)
        {
            try
            {
                while (queue.TryDequeue(out var e))
                    await TimedAsync(conn, e.Build!, e.Name, built, stop.Token);
            }
            catch
            {
                stop.Cancel();
                throw;
            }
        }
    }

    /// <summary>After <see cref="BuildInTwoSessionsAsync"/>: the keys on their built indexes (a catalog change), then the foreign keys.</summary>
    public async Task AttachAsync(NpgsqlConnection conn, Action<string, double>? built, CancellationToken ct)
    {
        foreach (var e in Ordered.Where(e => e.Kind != 3))
            if (e.Attach is not null) await BulkSql.ExecuteAsync(conn, e.Attach, ct);
            else await TimedAsync(conn, e.Create, e.Name, built, ct);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
