using Npgsql;

namespace Admin.Data.Exports;

/// <summary>
/// Proof that a live process is running a job: a session-level advisory lock on a connection of its own, held for the
/// whole job. If the process dies, PostgreSQL drops the connection and the lock with it, so any node can tell a job
/// left 'running' by a dead process (lock free) from one still running elsewhere (lock held), with no heartbeat column.
/// </summary>
public sealed class ExportJobLease : IAsyncDisposable
{
    /// <summary>The advisory lock of a job: the export jobs' key space, and the job id hashed to the second key.</summary>
    public const string TryLockSql = "SELECT pg_try_advisory_lock(72100406, hashtext($1::text))";
    public const string UnlockSql = "SELECT pg_advisory_unlock(72100406, hashtext($1::text))";

    private readonly NpgsqlConnection _conn;

    internal ExportJobLease(NpgsqlConnection conn, Guid jobId) => (_conn, JobId) = (conn, jobId);

    public Guid JobId { get; }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var cmd = new NpgsqlCommand(UnlockSql, _conn) { Parameters = { new() { Value = JobId } } };
            await cmd.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock with it.
        }
        await _conn.DisposeAsync();
    }
}
