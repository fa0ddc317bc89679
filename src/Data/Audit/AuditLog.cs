using Admin.Data.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Admin.Data.Audit;

/// <summary>
/// Appends to the audit trail. One INSERT on the shared pool, awaited before the audited action returns: if the trail
/// cannot be written, the action fails rather than going unrecorded.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    private const string Insert = """
        INSERT INTO audit_entries (actor_id, actor_name, action, table_name, record_id, query, rows, detail, client_address)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """;

    /// <summary>Writes one entry. Not cancellable on purpose: a user navigating away must not un-record what they saw.</summary>
    public async Task WriteAsync(AuditEntry entry)
    {
        await using var cmd = Command(dataSource.CreateCommand(Insert), entry);
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Writes one entry inside the caller's transaction: the entry commits with the change it records, or neither does.</summary>
    public static async Task WriteAsync(AuditEntry entry, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var cmd = Command(new NpgsqlCommand(Insert, connection, transaction), entry);
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static NpgsqlCommand Command(NpgsqlCommand cmd, AuditEntry entry)
    {
        cmd.Parameters.Add(Text(entry.ActorId, 64));
        cmd.Parameters.Add(Text(entry.ActorName, 256));
        cmd.Parameters.Add(Text(entry.Action, 32));
        cmd.Parameters.Add(Text(entry.TableName, 64));
        cmd.Parameters.Add(Text(entry.RecordId, 64));
        cmd.Parameters.Add(Text(entry.Query, 2048));
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)entry.Rows ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = entry.Detail is null ? DBNull.Value : SafeText.CleanJson(entry.Detail) });
        cmd.Parameters.Add(Text(entry.ClientAddress, 64));
        return cmd;
    }

    // Over-long or malformed input (a pasted essay, a lone surrogate in a search box, a NUL in a parameter that an
    // error message quotes) is cut and cleaned to fit, never a failed audit write: text columns and the jsonb detail alike.
    private static NpgsqlParameter Text(string? value, int max) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Varchar,
        Value = value is null ? DBNull.Value : SafeText.Clean(value, max),
    };
}
