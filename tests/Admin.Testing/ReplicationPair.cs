using Npgsql;

namespace Admin.Testing;

/// <summary>
/// The small primary and its streaming hot standby that `./admin.sh test` starts for the read-routing tests
/// (ADMIN_TEST_PG_PRIMARY, ADMIN_TEST_PG_STANDBY; scripts/lib/replication.sh). A database created on the primary
/// (<see cref="TestDatabase.CreateOnAsync"/>) appears on the standby under the same name.
/// </summary>
public static class ReplicationPair
{
    public static string Primary => Setting("ADMIN_TEST_PG_PRIMARY");
    public static string Standby => Setting("ADMIN_TEST_PG_STANDBY");

    /// <summary>A migrated database on the primary, once the standby has replayed its creation.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var db = await TestDatabase.CreateOnAsync(Primary);
        await WaitForReplayAsync(db);
        return db;
    }

    /// <summary>Waits until the standby has replayed everything the primary has written so far.</summary>
    public static async Task WaitForReplayAsync(TestDatabase db, TimeSpan? timeout = null)
    {
        var lsn = await db.ScalarAsync<NpgsqlTypes.NpgsqlLogSequenceNumber>("SELECT pg_current_wal_insert_lsn()");
        await using var standby = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(Standby) { Pooling = false }.ConnectionString);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            await using var cmd = standby.CreateCommand("SELECT pg_last_wal_replay_lsn()");
            if ((NpgsqlTypes.NpgsqlLogSequenceNumber)(await cmd.ExecuteScalarAsync())! >= lsn) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The test standby did not replay {lsn} within a minute.");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Pauses replay on the standby, for certain: a pause takes hold only when the next WAL record arrives, so this
    /// writes one (a row in <paramref name="db"/>'s audit trail) and waits until the standby reports itself paused.
    /// Resume with <c>OnStandbyAsync("SELECT pg_wal_replay_resume()")</c>.
    /// </summary>
    public static async Task PauseReplayAsync(TestDatabase db)
    {
        await OnStandbyAsync("SELECT pg_wal_replay_pause()");
        await db.ExecuteAsync("INSERT INTO audit_entries (actor_name, action, table_name, record_id) VALUES ('tests', 'view', 'health_checks', 'pause-marker')");
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Standby) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_get_wal_replay_pause_state()", conn);
            if ((string)(await cmd.ExecuteScalarAsync())! == "paused") return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The test standby did not pause replay within 30 s.");
            await Task.Delay(20);
        }
    }

    /// <summary>Runs SQL on the standby's server (e.g. pausing replay).</summary>
    public static async Task OnStandbyAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Standby) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException(
            $"{name} is not set. Run the tests with ./admin.sh test, which starts a primary and a streaming standby for them " +
            "(scripts/lib/replication.sh), or point ADMIN_TEST_PG_PRIMARY and ADMIN_TEST_PG_STANDBY at such a pair.");
}
