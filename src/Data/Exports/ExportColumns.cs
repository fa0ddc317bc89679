using Npgsql;

namespace Admin.Data.Exports;

/// <summary>
/// The columns an export writes: the table's own, in table order, read from the catalog at export time so a column
/// added by a migration is exported without code changes. Personal data is masked by <see cref="ExportSql"/> from
/// the list's MaskedColumnSql, the same rules the grid applies.
/// </summary>
internal static class ExportColumns
{
    /// <summary>Bookkeeping the app keeps for itself (the API's change feed), not data.</summary>
    private static readonly HashSet<string> Internal = new(StringComparer.Ordinal) { "change_xid" };

    private const string Sql = """
        SELECT attname FROM pg_attribute
        WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped
        ORDER BY attnum
        """;

    public static async Task<IReadOnlyList<string>> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, conn, tx) { Parameters = { new() { Value = table } } };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var columns = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            if (!Internal.Contains(name)) columns.Add(name);
        }
        return columns.Count > 0 ? columns : throw new InvalidOperationException($"Table '{table}' has no columns to export.");
    }
}
