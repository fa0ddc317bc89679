using Npgsql;

namespace Admin.Data.Audit;

/// <summary>A record's audit entries (views, edits with before/after, exports that named it), newest first, by keyset pages.</summary>
public sealed class RecordHistory(NpgsqlDataSource dataSource)
{
    public const int PageSize = 50;

    /// <summary>The entries before <paramref name="after"/> (null: the newest); <c>More</c> says whether older ones exist.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, bool More)> PageAsync(string recordId, AuditEntry? after, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(RecordHistorySql.Page);
        cmd.Parameters.AddWithValue(recordId);
        cmd.Parameters.Add(new NpgsqlParameter { Value = after is null ? DBNull.Value : after.At, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.AddWithValue(after?.Id ?? 0L);
        cmd.Parameters.AddWithValue(PageSize + 1);
        var entries = new List<AuditEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            entries.Add(new AuditEntry
            {
                Id = r.GetInt64(0),
                At = r.GetFieldValue<DateTimeOffset>(1),
                ActorId = r.IsDBNull(2) ? null : r.GetString(2),
                ActorName = r.GetString(3),
                Action = r.GetString(4),
                TableName = r.IsDBNull(5) ? null : r.GetString(5),
                RecordId = r.IsDBNull(6) ? null : r.GetString(6),
                Query = r.IsDBNull(7) ? null : r.GetString(7),
                Rows = r.IsDBNull(8) ? null : r.GetInt64(8),
                Detail = r.IsDBNull(9) ? null : r.GetString(9),
                ClientAddress = r.IsDBNull(10) ? null : r.GetString(10),
            });
        }
        var more = entries.Count > PageSize;
        return (more ? entries[..PageSize] : entries, more);
    }
}
