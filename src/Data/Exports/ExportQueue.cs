using Npgsql;

namespace Admin.Data.Exports;

/// <summary>The export jobs waiting and running across every node, and how long the oldest waiting one has waited.</summary>
public sealed record ExportQueueStatus(int Queued, int Running, DateTimeOffset? OldestQueuedAt);

/// <summary>Reads <see cref="ExportQueueStatus"/>: only the active jobs, through ix_export_jobs_status_created.</summary>
public sealed class ExportQueue(NpgsqlDataSource dataSource)
{
    private const string Sql = $"""
        SELECT count(*) FILTER (WHERE status = '{ExportJobStatus.Queued}')::int,
               count(*) FILTER (WHERE status = '{ExportJobStatus.Running}')::int,
               min(created_at) FILTER (WHERE status = '{ExportJobStatus.Queued}')
        FROM export_jobs
        WHERE status IN ('{ExportJobStatus.Queued}', '{ExportJobStatus.Running}')
        """;

    public async Task<ExportQueueStatus> ReadAsync(CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(Sql);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new ExportQueueStatus(r.GetInt32(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2));
    }
}
