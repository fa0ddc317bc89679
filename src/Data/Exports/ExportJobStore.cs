using Admin.Data.Audit;
using Admin.Data.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Admin.Data.Exports;

/// <summary>
/// The export_jobs table. Every state change is one conditional UPDATE (e.g. "to done, if still running"), so a cancel
/// from the page, a worker finishing and another node's recovery can race without one undoing the other.
/// </summary>
public sealed class ExportJobStore(IDbContextFactory<AdminDbContext> contexts, NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Set on a job requeued after its process died; a second interruption fails it instead of looping.</summary>
    public const string RestartedNote = "Restarted: the app stopped while this export ran.";

    public async Task<ExportJob> CreateAsync(ExportJob job, CancellationToken ct = default)
    {
        job.Id = job.Id == Guid.Empty ? Guid.CreateVersion7() : job.Id;
        job.Status = ExportJobStatus.Queued;
        job.CreatedAt = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    public async Task<ExportJob?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
    }

    /// <summary>A person's most recent jobs, newest first (served by ix_export_jobs_owner_created).</summary>
    public async Task<IReadOnlyList<ExportJob>> ListAsync(string ownerId, int take = 50, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ExportJobs.AsNoTracking().Where(j => j.OwnerId == ownerId)
            .OrderByDescending(j => j.CreatedAt).Take(take).ToListAsync(ct);
    }

    /// <summary>Cancels a queued or running job; false when it had already ended (or is not this owner's, unless any owner may).</summary>
    public async Task<bool> CancelAsync(Guid id, string? ownerId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        return await db.ExportJobs
            .Where(j => j.Id == id && (j.Status == ExportJobStatus.Queued || j.Status == ExportJobStatus.Running)
                        && (ownerId == null || j.OwnerId == ownerId))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ExportJobStatus.Cancelled).SetProperty(j => j.FinishedAt, now), ct) == 1;
    }

    /// <summary>
    /// Takes the oldest queued job and its lease, or returns null. The status change and the lock happen in one
    /// transaction, so no other node ever sees the job running without its lock held.
    /// </summary>
    public async Task<(ExportJob Job, ExportJobLease Lease)?> ClaimNextAsync(CancellationToken ct)
    {
        var conn = await dataSource.OpenConnectionAsync(ct);
        Guid id = default;
        var locked = false;
        try
        {
            await using (var tx = await conn.BeginTransactionAsync(ct))
            {
                await using var claim = new NpgsqlCommand("""
                    UPDATE export_jobs SET status = 'running', started_at = now(), rows_done = 0
                    WHERE id = (SELECT id FROM export_jobs WHERE status = 'queued' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                    RETURNING id
                    """, conn, tx);
                if (await claim.ExecuteScalarAsync(ct) is not Guid claimed)
                {
                    await conn.DisposeAsync();
                    return null;
                }
                id = claimed;
                await using var lockCmd = new NpgsqlCommand(ExportJobLease.TryLockSql, conn, tx) { Parameters = { new() { Value = id } } };
                if (!(locked = await lockCmd.ExecuteScalarAsync(ct) is true))
                {
                    // Another running job's id hashes to the same lock: leave this one queued for the next round.
                    await tx.RollbackAsync(ct);
                    await conn.DisposeAsync();
                    return null;
                }
                await tx.CommitAsync(CancellationToken.None);
            }
            // Claimed and locked: from here the job must reach its runner (which puts it back in the queue if the app
            // is stopping), so a stop no longer cancels.
            var job = await FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"Export job {id} vanished after it was claimed.");
            return (job, new ExportJobLease(conn, id));
        }
        catch
        {
            // A session lock outlives a rolled-back claim, and Npgsql resets a pooled connection only when it is next
            // used: release it here, or the job would look alive to every node.
            if (locked) await new ExportJobLease(conn, id).DisposeAsync();
            else await conn.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes rows done; false when the job is no longer running (cancelled, from the page or another node).</summary>
    public async Task<bool> ReportProgressAsync(Guid id, long rowsDone, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Running(db, id).ExecuteUpdateAsync(s => s.SetProperty(j => j.RowsDone, rowsDone), ct) == 1;
    }

    /// <summary>Running to done; the audit entry, when given, commits with it (whoever sees the job done sees it audited).</summary>
    public Task<bool> CompleteAsync(Guid id, long rows, string filePath, long fileBytes, AuditEntry? audit = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return FinishAsync(id, s => s
            .SetProperty(j => j.Status, ExportJobStatus.Done)
            .SetProperty(j => j.RowsDone, rows)
            .SetProperty(j => j.FilePath, filePath)
            .SetProperty(j => j.FileBytes, fileBytes)
            .SetProperty(j => j.Error, (string?)null)
            .SetProperty(j => j.FinishedAt, now), audit, ct);
    }

    /// <summary>Running to failed, with the reason the person sees; the audit entry, when given, commits with it.</summary>
    public Task<bool> FailAsync(Guid id, long rowsDone, string error, AuditEntry? audit = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var message = error.Length <= 1024 ? error : error[..1024];
        return FinishAsync(id, s => s
            .SetProperty(j => j.Status, ExportJobStatus.Failed)
            .SetProperty(j => j.RowsDone, rowsDone)
            .SetProperty(j => j.Error, message)
            .SetProperty(j => j.FinishedAt, now), audit, ct);
    }

    private async Task<bool> FinishAsync(Guid id, Action<UpdateSettersBuilder<ExportJob>> set, AuditEntry? audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await Running(db, id).ExecuteUpdateAsync(set, ct) == 1;
        if (changed && audit is not null)
            await AuditLog.WriteAsync(audit, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction());
        await tx.CommitAsync(ct);
        return changed;
    }

    /// <summary>Puts a running job back in the queue (the app is shutting down); it starts over on the next start.</summary>
    public async Task<bool> RequeueAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Running(db, id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportJobStatus.Queued)
            .SetProperty(j => j.RowsDone, 0L)
            .SetProperty(j => j.StartedAt, (DateTimeOffset?)null), ct) == 1;
    }

    /// <summary>
    /// Jobs left 'running' by a process that died (their lease lock is free): requeued once, failed the second time.
    /// Jobs running in live processes, on this node or another, keep their lock and are not touched.
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, string Status)>> RecoverOrphansAsync(CancellationToken ct = default)
    {
        var recovered = new List<(Guid, string)>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var running = new List<(Guid Id, string? Error)>();
        await using (var cmd = new NpgsqlCommand("SELECT id, error FROM export_jobs WHERE status = 'running'", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                running.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1)));

        foreach (var (id, error) in running)
        {
            await using var tryLock = new NpgsqlCommand(ExportJobLease.TryLockSql, conn) { Parameters = { new() { Value = id } } };
            if (await tryLock.ExecuteScalarAsync(ct) is not true) continue; // a live process holds it
            try
            {
                var again = error == RestartedNote;
                await using var update = new NpgsqlCommand(again
                    ? "UPDATE export_jobs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status = 'running'"
                    : "UPDATE export_jobs SET status = 'queued', error = $2, rows_done = 0, started_at = NULL WHERE id = $1 AND status = 'running'", conn)
                {
                    Parameters =
                    {
                        new() { Value = id },
                        new() { Value = again ? "Interrupted twice when the app stopped; not retried. Start the export again." : RestartedNote },
                    },
                };
                if (await update.ExecuteNonQueryAsync(ct) == 1)
                    recovered.Add((id, again ? ExportJobStatus.Failed : ExportJobStatus.Queued));
            }
            finally
            {
                await using var unlock = new NpgsqlCommand(ExportJobLease.UnlockSql, conn) { Parameters = { new() { Value = id } } };
                await unlock.ExecuteScalarAsync(CancellationToken.None);
            }
        }
        return recovered;
    }

    /// <summary>Finished jobs whose file is past its retention: the file is forgotten (the row stays, as history).</summary>
    public async Task<IReadOnlyList<ExportJob>> ExpireAsync(DateTimeOffset finishedBefore, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var expired = await db.ExportJobs.AsNoTracking()
            .Where(j => j.FilePath != null && j.FinishedAt < finishedBefore)
            .ToListAsync(ct);
        if (expired.Count == 0) return expired;
        var ids = expired.Select(j => j.Id).ToList();
        await db.ExportJobs.Where(j => ids.Contains(j.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.FilePath, (string?)null), ct);
        return expired;
    }

    private static IQueryable<ExportJob> Running(AdminDbContext db, Guid id) =>
        db.ExportJobs.Where(j => j.Id == id && j.Status == ExportJobStatus.Running);
}
