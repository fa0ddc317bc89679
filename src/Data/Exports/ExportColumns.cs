using Npgsql;

namespace Admin.Data.Exports;

/// <summary>
/// The columns an export writes: the table's own, in table order, read from the catalog at export time so a column
/// added by a migration is exported without code changes. Personal data is masked by <see cref="ExportSql"/> from
/// the list's MaskedColumnSql, the same rules the grid applies. Text columns are marked: their CSV cells are
/// neutralised against spreadsheet formulas (<see cref="ExportSql"/>).
/// </summary>
internal static class ExportColumns
{
    /// <summary>Bookkeeping the app keeps for itself (the API's change feed), not data.</summary>
    private static readonly HashSet<string> Internal = new(StringComparer.Ordinal) { "change_xid" };

    private const string Sql = """
        SELECT a.attname, t.typcategory = 'S'
        FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
        WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum
        """;

    public static async Task<IReadOnlyList<ExportColumn>> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, conn, tx) { Parameters = { new() { Value = table } } };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var columns = new List<ExportColumn>();
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            if (!Internal.Contains(name)) columns.Add(new ExportColumn(name, reader.GetBoolean(1)));
        }
        return columns.Count > 0 ? columns : throw new InvalidOperationException($"Table '{table}' has no columns to export.");
    }
}
