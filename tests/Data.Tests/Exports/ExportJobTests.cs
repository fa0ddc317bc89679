using System.Text.Json;
using Admin.Data.Audit;
using Admin.Data.Exports;
using Admin.Data.Security;
using Admin.Testing.Exports;
using Npgsql;

namespace Admin.Data.Tests.Exports;

/// <summary>Background export jobs against a real PostgreSQL: lifecycle, progress, cancel, crash recovery, shutdown, expiry.</summary>
public class ExportJobTests
{
    [Fact]
    public async Task A_job_goes_from_queued_to_running_to_done_with_its_rows_its_file_and_an_audit_entry()
    {
        await using var host = await JobHost.CreateAsync(rows: 4000);
        ExportJob job;
        await using (await host.LockTableAsync())
        {
            job = await host.QueueAsync("province=ZA-GP", Roles.Analyst);
            Assert.Equal(ExportJobStatus.Queued, job.Status);
            await host.StartAsync();
            var running = await host.WaitForAsync(job.Id, j => j.Status == ExportJobStatus.Running, "the job to start");
            Assert.NotNull(running.StartedAt);
            await ServerActivity.WaitUntilAsync(async () => await ServerActivity.ActiveCopiesAsync(host.Db, waitingOnLock: true) == 1, "its COPY");
        }

        var done = await host.WaitForAsync(job.Id, j => j.Status == ExportJobStatus.Done, "the job to finish");

        Assert.Equal(1000, done.RowsDone);
        Assert.NotNull(done.FinishedAt);
        Assert.StartsWith(host.Directory, done.FilePath);
        Assert.Equal(new FileInfo(done.FilePath!).Length, done.FileBytes);
        var records = CsvRecords.Parse(await File.ReadAllTextAsync(done.FilePath!));
        Assert.Equal(1001, records.Count);
        var phone = records[0].Select(h => h.Text).ToList().IndexOf("msisdn");
        Assert.All(records.Skip(1), r => Assert.Matches(@"^\+27 8\d \*\*\* \d{4}$", r[phone].Text)); // an analyst's job is masked
        Assert.Empty(Directory.GetFiles(host.Directory, "*.tmp"));

        var audit = await AuditAsync(host);
        var entry = Assert.Single(audit);
        Assert.Equal(("analyst", "health_checks", "province=ZA-GP", 1000L), (entry.Actor, entry.Table, entry.Query, entry.Rows));
        Assert.Equal("done", entry.Detail.GetProperty("status").GetString());
        Assert.Equal(job.Id, entry.Detail.GetProperty("job").GetGuid());
    }

    [Fact]
    public async Task Rows_done_grows_while_the_job_runs()
    {
        await using var host = await JobHost.CreateAsync(rows: 200_000);
        await host.StartAsync();
        var job = await host.QueueAsync(estimate: 200_000);

        var seen = new List<long>();
        ExportJob current;
        do
        {
            current = (await host.Store.FindAsync(job.Id))!;
            if (current.Status == ExportJobStatus.Running) seen.Add(current.RowsDone);
            await Task.Delay(20);
        }
        while (ExportJobStatus.IsActive(current.Status));

        Assert.Equal(ExportJobStatus.Done, current.Status);
        Assert.Equal(200_000, current.RowsDone);
        Assert.Contains(seen, n => n is > 0 and < 200_000);
        Assert.Equal(seen.Order(), seen); // never goes backwards
    }

    [Fact]
    public async Task Cancelling_a_running_job_on_its_node_stops_its_copy_on_the_server()
    {
        await using var host = await JobHost.CreateAsync(rows: 1000);
        await using var tableLock = await host.LockTableAsync();
        await host.StartAsync();
        var job = await host.QueueAsync();
        await ServerActivity.WaitUntilAsync(async () => await ServerActivity.ActiveCopiesAsync(host.Db, waitingOnLock: true) == 1, "the job's COPY");

        Assert.True(await host.Store.CancelAsync(job.Id, ownerId: "user-1"));
        host.Running.TryCancel(job.Id);

        // The table is still locked: the COPY is gone because the server cancelled it.
        await ServerActivity.WaitUntilAsync(async () => await ServerActivity.ActiveCopiesAsync(host.Db) == 0, "the COPY to end", seconds: 5);
        await ServerActivity.WaitUntilAsync(() => Task.FromResult(!host.Running.IsRunningHere(job.Id)), "the job to stop");
        var cancelled = (await host.Store.FindAsync(job.Id))!;
        Assert.Equal(ExportJobStatus.Cancelled, cancelled.Status);
        Assert.Null(cancelled.FilePath);
        Assert.Empty(Directory.GetFiles(host.Directory));
        Assert.Equal("cancelled", Assert.Single(await AuditAsync(host)).Detail.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_job_cancelled_from_another_node_stops_at_its_next_progress_write()
    {
        await using var host = await JobHost.CreateAsync(rows: 1000);
        await using var tableLock = await host.LockTableAsync();
        await host.StartAsync();
        var job = await host.QueueAsync();
        await ServerActivity.WaitUntilAsync(async () => await ServerActivity.ActiveCopiesAsync(host.Db, waitingOnLock: true) == 1, "the job's COPY");

        // Only the row changes, as when the page that cancels is served by another node.
        Assert.True(await host.Store.CancelAsync(job.Id, ownerId: null));

        await ServerActivity.WaitUntilAsync(async () => await ServerActivity.ActiveCopiesAsync(host.Db) == 0, "the COPY to end", seconds: 5);
    }

    [Fact]
    public async Task Someone_else_cannot_cancel_a_job_and_an_ended_job_stays_ended()
    {
        await using var host = await JobHost.CreateAsync(rows: 10);
        var job = await host.QueueAsync();

        Assert.False(await host.Store.CancelAsync(job.Id, ownerId: "someone-else"));
        Assert.True(await host.Store.CancelAsync(job.Id, ownerId: "user-1"));
        Assert.False(await host.Store.CancelAsync(job.Id, ownerId: "user-1"));
        Assert.False(await host.Store.CompleteAsync(job.Id, 10, "x", 1));
        Assert.Equal(ExportJobStatus.Cancelled, (await host.Store.FindAsync(job.Id))!.Status);
    }

    [Fact]
    public async Task A_job_ends_only_together_with_its_audit_entry()
    {
        await using var host = await JobHost.CreateAsync();
        var job = await host.QueueAsync();
        await host.Db.ExecuteAsync($"UPDATE export_jobs SET status = 'running' WHERE id = '{job.Id}'");
        await host.Db.ExecuteAsync("""
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit trail unavailable'; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION refuse();
            """);
        var entry = new AuditEntry { ActorName = "analyst", Action = AuditActions.Export, Detail = """{"status":"done"}""" };

        await Assert.ThrowsAsync<PostgresException>(() => host.Store.CompleteAsync(job.Id, 10, "x", 1, entry));
        Assert.Equal(ExportJobStatus.Running, (await host.Store.FindAsync(job.Id))!.Status);

        await host.Db.ExecuteAsync("DROP TRIGGER refuse ON audit_entries");
        Assert.True(await host.Store.CompleteAsync(job.Id, 10, "x", 1, entry));
        Assert.Equal(ExportJobStatus.Done, (await host.Store.FindAsync(job.Id))!.Status);
        Assert.Equal("done", Assert.Single(await AuditAsync(host)).Detail.GetProperty("status").GetString());
    }

    [Fact]
    public async Task At_startup_a_job_left_running_by_a_dead_process_is_requeued_and_completed()
    {
        await using var host = await JobHost.CreateAsync(rows: 400);
        var job = await host.QueueAsync();
        await host.Db.ExecuteAsync($"UPDATE export_jobs SET status = 'running', started_at = now(), rows_done = 123 WHERE id = '{job.Id}'");

        await host.StartAsync();
        var done = await host.WaitForAsync(job.Id, j => j.Status == ExportJobStatus.Done, "the recovered job to finish");

        Assert.Equal(400, done.RowsDone);
        Assert.True(File.Exists(done.FilePath));
    }

    [Fact]
    public async Task Recovery_leaves_jobs_of_live_processes_alone_and_fails_a_job_interrupted_twice()
    {
        await using var host = await JobHost.CreateAsync();
        var job = await host.QueueAsync();
        await host.Db.ExecuteAsync($"UPDATE export_jobs SET status = 'running' WHERE id = '{job.Id}'");

        await using (var live = new NpgsqlConnection(host.Db.ConnectionString + ";Pooling=false"))
        {
            await live.OpenAsync();
            // Another node's worker holds the job's lease.
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(72100406, hashtext($1::text))", live) { Parameters = { new() { Value = job.Id } } })
                await take.ExecuteNonQueryAsync();
            Assert.Empty(await host.Store.RecoverOrphansAsync());
            Assert.Equal(ExportJobStatus.Running, (await host.Store.FindAsync(job.Id))!.Status);
        } // that node dies: its connection, and the lock, are gone
        await ServerActivity.WaitUntilAsync(async () =>
            await host.Db.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = 72100406") == 0,
            "the dead session's lock to be released");

        Assert.Equal([(job.Id, ExportJobStatus.Queued)], await host.Store.RecoverOrphansAsync());
        var requeued = (await host.Store.FindAsync(job.Id))!;
        Assert.Equal((ExportJobStatus.Queued, ExportJobStore.RestartedNote), (requeued.Status, requeued.Error));

        await host.Db.ExecuteAsync($"UPDATE export_jobs SET status = 'running' WHERE id = '{job.Id}'");
        Assert.Equal([(job.Id, ExportJobStatus.Failed)], await host.Store.RecoverOrphansAsync());
        Assert.Contains("Interrupted twice", (await host.Store.FindAsync(job.Id))!.Error);
    }

    [Fact]
    public async Task Stopping_the_app_puts_a_running_job_back_in_the_queue()
    {
        await using var host = await JobHost.CreateAsync(rows: 100);
        await using var tableLock = await host.LockTableAsync();
        await host.StartAsync();
        var job = await host.QueueAsync();
        await host.WaitForAsync(job.Id, j => j.Status == ExportJobStatus.Running, "the job to start");

        await host.StopAsync();

        var queued = (await host.Store.FindAsync(job.Id))!;
        Assert.Equal((ExportJobStatus.Queued, 0L, (DateTimeOffset?)null), (queued.Status, queued.RowsDone, queued.StartedAt));
        Assert.Empty(Directory.Exists(host.Directory) ? Directory.GetFiles(host.Directory) : []);
        Assert.Equal(0, await ServerActivity.ActiveCopiesAsync(host.Db));
    }

    [Fact]
    public async Task A_job_whose_query_is_refused_fails_with_the_reason()
    {
        await using var host = await JobHost.CreateAsync(rows: 10);
        await host.StartAsync();
        var job = await host.QueueAsync("province=Atlantis");

        var failed = await host.WaitForAsync(job.Id, j => j.Status == ExportJobStatus.Failed, "the job to fail");

        Assert.Contains("is not a province this list knows", failed.Error);
        Assert.Equal("failed", Assert.Single(await AuditAsync(host)).Detail.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Files_past_their_retention_are_removed_and_the_job_says_so()
    {
        await using var host = await JobHost.CreateAsync();
        Directory.CreateDirectory(host.Directory);
        var job = await host.QueueAsync();
        var path = Path.Combine(host.Directory, $"{job.Id:N}.csv");
        await File.WriteAllTextAsync(path, "id\n");
        await host.Db.ExecuteAsync($"UPDATE export_jobs SET status = 'done', file_path = '{path}', finished_at = now() - interval '2 days' WHERE id = '{job.Id}'");

        await host.StartAsync(); // housekeeping runs at startup

        await host.WaitForAsync(job.Id, j => j.FilePath is null, "the file to expire");
        // The job forgets its file first, then the file is deleted: wait for the second step too (raced under load).
        for (var waited = 0; File.Exists(path) && waited < 10_000; waited += 50) await Task.Delay(50);
        Assert.False(File.Exists(path));
    }

    private static async Task<List<(string Actor, string? Table, string? Query, long? Rows, JsonElement Detail)>> AuditAsync(JobHost host)
    {
        var result = new List<(string, string?, string?, long?, JsonElement)>();
        await using var cmd = host.Db.DataSource.CreateCommand("SELECT actor_name, table_name, query, rows, detail::text FROM audit_entries WHERE action = 'export' ORDER BY id");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            result.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), JsonDocument.Parse(reader.GetString(4)).RootElement));
        return result;
    }
}
