namespace Admin.Data.Bulk;

/// <summary>
/// A bulk load into an empty table commits its heap, then builds the indexes from two sessions (<see cref="BulkLoader"/>).
/// Between the two it leaves a row here, in the heap's transaction: the table was empty, so an interrupted load is undone
/// by emptying it again and restoring what it had (<see cref="Drops"/> of what the builds left, then <see cref="Creates"/>),
/// which the next load does before anything else.
/// </summary>
internal static class BulkRecoverySql
{
    public const string Table = "bulk_load_recovery";

    public const string Create = $"""
        CREATE TABLE {Table} (
            table_name text PRIMARY KEY,
            started_at timestamptz NOT NULL DEFAULT now(),
            restart_identity boolean NOT NULL,
            drops text[] NOT NULL,
            creates text[] NOT NULL)
        """;

    public const string Drop = $"DROP TABLE {Table}";

    public const string Exists = $"SELECT to_regclass('{Table}') IS NOT NULL";

    public const string Insert = $"INSERT INTO {Table} (table_name, restart_identity, drops, creates) VALUES (@table, @restart, @drops, @creates)";

    public const string Pending = $"SELECT table_name, restart_identity, drops, creates FROM {Table} ORDER BY started_at";

    public const string Delete = $"DELETE FROM {Table} WHERE table_name = @table";
}
