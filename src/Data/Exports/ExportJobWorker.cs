using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Admin.Data.Exports;

/// <summary>
/// Runs queued export jobs, at most <see cref="ExportOptions.MaxConcurrentJobs"/> at a time on this node, so a job
/// outlives the browser tab that asked for it. On start, and every housekeeping interval, it recovers jobs a dead
/// process left 'running' and removes files past their retention. Any number of nodes may run it: claiming uses
/// FOR UPDATE SKIP LOCKED and each running job holds its lease lock.
/// </summary>
public sealed class ExportJobWorker(
    ExportJobStore store,
    ExportJobRunner runner,
    ExportJobSignal signal,
    IOptions<ExportOptions> options,
    TimeProvider time,
    ExportWorkerHeartbeat heartbeat,
    ILogger<ExportJobWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.RunJobs) return;
        heartbeat.Start();
        var active = new List<Task>();
        var nextHousekeeping = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                heartbeat.Beat();
                try
                {
                    if (time.GetUtcNow() >= nextHousekeeping)
                    {
                        await HousekeepAsync(stoppingToken);
                        nextHousekeeping = time.GetUtcNow() + o.HousekeepingInterval;
                    }
                    active.RemoveAll(t => t.IsCompleted);
                    while (active.Count < o.MaxConcurrentJobs && await store.ClaimNextAsync(stoppingToken) is { } claimed)
                        active.Add(RunClaimedAsync(claimed.Job, claimed.Lease, stoppingToken));
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "The export worker could not reach the database; retrying in {Interval}.", o.PollInterval);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break; // stopped while polling
                }
                try
                {
                    await signal.WaitAsync(o.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            }
        }
        finally
        {
            // However the loop ended (a stop arriving mid-poll used to skip this), running jobs finish first: each
            // puts its job back in the queue, so shutdown never leaves one 'running' for recovery to find.
            await Task.WhenAll(active);
        }
    }

    private async Task RunClaimedAsync(ExportJob job, ExportJobLease lease, CancellationToken stoppingToken)
    {
        await using (lease)
        {
            try
            {
                await runner.RunAsync(job, stoppingToken);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Export {Job} failed unexpectedly.", job.Id);
                await store.FailAsync(job.Id, 0, "The export failed unexpectedly. Try again; if it fails again, tell an administrator.", ct: CancellationToken.None);
            }
        }
        signal.Notify(); // a slot is free
    }

    private async Task HousekeepAsync(CancellationToken ct)
    {
        foreach (var (id, status) in await store.RecoverOrphansAsync(ct))
            logger.LogWarning("Export {Job} was left running by a stopped process; now {Status}.", id, status);

        var o = options.Value;
        var cutoff = time.GetUtcNow() - o.Retention;
        foreach (var job in await store.ExpireAsync(cutoff, ct))
            if (job.FilePath is { } path && ExportFiles.IsInside(o, path)) TryDelete(path);

        // Leftovers of a crash (temporary and partition files) well past any export's lifetime; only files named as
        // exports name them, in case the directory is shared with something else after all.
        var dir = new DirectoryInfo(o.ResolvedDirectory);
        if (!dir.Exists) return;
        foreach (var file in dir.EnumerateFiles())
            if (ExportFiles.IsExportFile(file.Name) && file.LastWriteTimeUtc < cutoff.UtcDateTime - o.StatementTimeout) TryDelete(file.FullName);
    }

    private static void TryDelete(string file)
    {
        try { File.Delete(file); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
