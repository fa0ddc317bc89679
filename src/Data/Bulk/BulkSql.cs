using Npgsql;

namespace Admin.Data.Bulk;

/// <summary>Plain statements on the loader's connection, without a command timeout: index builds on 20M rows take minutes.</summary>
internal static class BulkSql
{
    public static async Task<int> ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.Parameters.AddRange(parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.Parameters.AddRange(parameters);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
